using HepMl.Physics.Vectors;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Vectors;

/// <summary>Every column kernel equals the scalar four-vector property, for all lengths 0..257 (every tail path).</summary>
public class KinematicsTests
{
    private static readonly int[] s_lengths = Enumerable.Range(0, 258).ToArray();

    private static (double[] Px, double[] Py, double[] Pz, double[] E) Columns(int n, int seed)
    {
        var random = new Random(seed);
        var px = new double[n];
        var py = new double[n];
        var pz = new double[n];
        var e = new double[n];
        for (int i = 0; i < n; i++)
        {
            LorentzVector v = LorentzVector.FromPtEtaPhiM(Math.Exp(random.NextDouble() * 6 - 1), random.NextDouble() * 10 - 5,
                random.NextDouble() * 2 * Math.PI - Math.PI, random.NextDouble() * 50);
            // Mix in edge cases: along the beam, the zero vector, a spacelike vector, phi exactly pi.
            (px[i], py[i], pz[i], e[i]) = (i % 17) switch
            {
                3 => (0, 0, 5, 5),
                5 => (0, 0, 0, 0),
                7 => (3, 0, 4, 3),
                11 => (-2, -0.0, 1, 3),
                _ => (v.Px, v.Py, v.Pz, v.E),
            };
        }

        return (px, py, pz, e);
    }

    [Test]
    public void ColumnKernels_EqualScalarProperties_ForAllTailLengths()
    {
        foreach (int n in s_lengths)
        {
            (double[] px, double[] py, double[] pz, double[] e) = Columns(n, n);
            var pt = new double[n];
            var eta = new double[n];
            var phi = new double[n];
            var mass = new double[n];
            var rapidity = new double[n];
            Kinematics.Pt(px, py, pt);
            Kinematics.Eta(px, py, pz, eta);
            Kinematics.Phi(px, py, phi);
            Kinematics.Mass(px, py, pz, e, mass);
            Kinematics.Rapidity(px, py, pz, e, rapidity);
            for (int i = 0; i < n; i++)
            {
                var v = new LorentzVector(px[i], py[i], pz[i], e[i]);
                string what = $"n={n} i={i}";
                Tolerance.AssertClose(v.Pt, pt[i], 1e-14, 0, what + " pt");
                Tolerance.AssertClose(v.Eta, eta[i], 1e-13, 1e-14, what + " eta");
                Tolerance.AssertClose(v.Phi, phi[i], 1e-14, 1e-15, what + " phi");
                Tolerance.AssertClose(v.Mass, mass[i], 1e-14, 0, what + " mass");
                Tolerance.AssertClose(v.Rapidity, rapidity[i], 1e-13, 1e-14, what + " rapidity");
            }
        }
    }

    [Test]
    public void DeltaPhiAndDeltaR_EqualScalarTwin_ForAllTailLengths_DoubleAndFloat()
    {
        foreach (int n in s_lengths)
        {
            var random = new Random(1000 + n);
            double[] a = Enumerable.Range(0, n).Select(i => i % 13 == 0 ? Math.PI : (random.NextDouble() - 0.5) * 20).ToArray();
            double[] b = Enumerable.Range(0, n).Select(i => i % 13 == 0 ? -Math.PI : (random.NextDouble() - 0.5) * 20).ToArray();
            double[] ea = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4).ToArray();
            double[] eb = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4).ToArray();
            var dphi = new double[n];
            var dr = new double[n];
            Kinematics.DeltaPhi(a, b, dphi);
            Kinematics.DeltaR(ea, a, eb, b, dr);
            float[] af = a.Select(x => (float)x).ToArray(), bf = b.Select(x => (float)x).ToArray();
            var dphiF = new float[n];
            Kinematics.DeltaPhi(af, bf, dphiF);
            for (int i = 0; i < n; i++)
            {
                Assert.That(dphi[i], Is.EqualTo(Angles.DeltaPhi(a[i], b[i])), $"n={n} i={i}");
                Assert.That(dphi[i], Is.InRange(-Math.PI, Math.PI - 1e-300));
                Tolerance.AssertClose(Angles.DeltaR(ea[i], a[i], eb[i], b[i]), dr[i], 1e-15, 0, $"n={n} i={i}");
                Assert.That(dphiF[i], Is.EqualTo(Kinematics.WrapDeltaPhiScalar(af[i] - bf[i], MathF.PI)), $"float n={n} i={i}");
                Assert.That(dphiF[i] >= -MathF.PI && dphiF[i] < MathF.PI, Is.True);
            }
        }
    }

    [Test]
    public void FromPtEtaPhiM_AndInvariantMass_EqualScalarForms()
    {
        const int n = 133;
        var random = new Random(7);
        double[] pt = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 100).ToArray();
        double[] eta = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 8 - 4).ToArray();
        double[] phi = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 6 - 3).ToArray();
        double[] m = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 5).ToArray();
        double[] px = new double[n], py = new double[n], pz = new double[n], e = new double[n], pair = new double[n];
        Kinematics.FromPtEtaPhiM(pt, eta, phi, m, px, py, pz, e);
        Kinematics.InvariantMass(px, py, pz, e, py.Reverse().Select(_ => 0.0).ToArray(), new double[n], new double[n], m, pair);
        for (int i = 0; i < n; i++)
        {
            var v = LorentzVector.FromPtEtaPhiM(pt[i], eta[i], phi[i], m[i]);
            Tolerance.AssertClose(v.Px, px[i], 1e-14, 1e-14);
            Tolerance.AssertClose(v.Pz, pz[i], 1e-14, 1e-14);
            Tolerance.AssertClose(v.E, e[i], 1e-14);
            Tolerance.AssertClose((v + new LorentzVector(0, 0, 0, m[i])).Mass, pair[i], 1e-12, 1e-12);
        }
    }

    [Test]
    public void Kernels_RejectMismatchedLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Kinematics.Pt(new double[3], new double[4], new double[3]));
        Assert.That(ex!.Message, Does.Contain("3").And.Contain("4"));
        Assert.Throws<ArgumentException>(() => Kinematics.DeltaPhi(new float[2], new float[2], new float[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kinematics.FromPtEtaPhiM([-1.0], [0.0], [0.0], [0.0], new double[1], new double[1], new double[1], new double[1]));
    }
}
