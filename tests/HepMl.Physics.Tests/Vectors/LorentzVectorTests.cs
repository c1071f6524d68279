using HepMl.Physics.Vectors;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Vectors;

/// <summary>Closed-form values and edge cases of the four-vector (A8: zero vector, θ = 0, huge momenta, m² &lt; 0, φ = ±π).</summary>
public partial class LorentzVectorTests
{
    [Test]
    public void Components_PythagoreanExample_GiveClosedFormValues()
    {
        // p = (3, 4, 12, 13+): pt = 5, |p| = 13; E = sqrt(13² + 5²) so m = 5.
        var p = LorentzVector.FromPxPyPzM(3, 4, 12, 5);
        Tolerance.AssertClose(Math.Sqrt(194.0), p.E);
        Tolerance.AssertClose(5, p.Pt);
        Tolerance.AssertClose(13, p.P);
        Tolerance.AssertClose(5, p.Mass, 1e-12);
        Tolerance.AssertClose(Math.Atan2(4, 3), p.Phi);
        Tolerance.AssertClose(Math.Asinh(12.0 / 5.0), p.Eta);
        Tolerance.AssertClose(0.5 * Math.Log((p.E + 12) / (p.E - 12)), p.Rapidity, 1e-12);
        Tolerance.AssertClose(Math.Sqrt(194.0 - 144.0), p.Mt, 1e-12);
        Tolerance.AssertClose(Math.Atan2(5, 12), p.Theta);
    }

    [Test]
    public void FromPtEtaPhiM_LargeEta_KeepsEtaAndMass()
    {
        // At η = 15 the naive ½ ln((E+pz)/(E−pz)) loses everything; the asinh form keeps full precision.
        var p = LorentzVector.FromPtEtaPhiM(1.0, 15.0, 0.3, 0.0);
        Tolerance.AssertClose(15.0, p.Eta, 1e-14);
        // The rapidity needs m² = (E+pz)(E−pz) − pt², whose rounding error is ~eps·E² (documented): with E = cosh 15
        // ≈ 1.6e6 that is 2.2e-16 · 2.7e12 ≈ 6e-4 GeV² against mT² = 1, so y is good to ~6e-4 here, 1e-11 at η = 6.
        Tolerance.AssertClose(15.0, p.Rapidity, 0, 6e-4);
        Tolerance.AssertClose(6.0, LorentzVector.FromPtEtaPhiM(1.0, 6.0, 0.3, 0.0).Rapidity, 0, 1e-11);
        var n = LorentzVector.FromPtEtaPhiM(2.0, -15.0, 0.3, 0.1);
        Tolerance.AssertClose(-15.0, n.Eta, 1e-14);
    }

    [Test]
    public void Spacelike_MassIsMinusSqrtOfMinusMassSquared()
    {
        var p = new LorentzVector(3, 0, 4, 3); // m² = 9 − 25 = −16
        Assert.That(p.MassSquared, Is.EqualTo(-16.0));
        Assert.That(p.Mass, Is.EqualTo(-4.0));
        var q = LorentzVector.FromPxPyPzM(3, 0, 4, -4); // a negative mass builds the spacelike vector back
        Assert.That(q.E, Is.EqualTo(3.0));
    }

    [Test]
    public void ZeroAndBeamVectors_HaveDocumentedAngles()
    {
        LorentzVector zero = LorentzVector.Zero;
        Assert.That((zero.Phi, zero.Eta, zero.Theta, zero.Mass), Is.EqualTo((0.0, 0.0, 0.0, 0.0)));
        Assert.That(zero.Rapidity, Is.EqualTo(LorentzVector.MaxRapidity), "FastJet: rap() of the zero vector is MaxRap");

        var forward = new LorentzVector(0, 0, 10, 10);
        Assert.That(forward.Eta, Is.EqualTo(LorentzVector.MaxRapidity + 10));
        Assert.That(forward.Rapidity, Is.EqualTo(LorentzVector.MaxRapidity + 10));
        Assert.That(forward.Theta, Is.EqualTo(0.0));
        var backward = new LorentzVector(0, 0, -7, 7);
        Assert.That(backward.Rapidity, Is.EqualTo(-(LorentzVector.MaxRapidity + 7)));
        var atRest = new LorentzVector(0, 0, 0, 0.5);
        Assert.That(atRest.Rapidity, Is.EqualTo(0.0));
    }

    [TestCase(-1.0, 0.0, Math.PI)]
    [TestCase(-1.0, -0.0, Math.PI)] // atan2(−0, −1) = −π is folded to +π
    [TestCase(1.0, 0.0, 0.0)]
    [TestCase(0.0, -1.0, -Math.PI / 2)]
    public void Phi_IsInHalfOpenRange(double px, double py, double expected)
    {
        Assert.That(new LorentzVector(px, py, 0, 2).Phi, Is.EqualTo(expected));
    }

    [TestCase(Math.PI, -Math.PI)]
    [TestCase(-Math.PI, -Math.PI)]
    [TestCase(3 * Math.PI, -Math.PI)]
    [TestCase(2 * Math.PI, 0.0)]
    [TestCase(-2 * Math.PI, 0.0)]
    [TestCase(0.5, 0.5)]
    public void WrapDeltaPhi_EdgeValues(double input, double expected)
    {
        Tolerance.AssertClose(expected, Angles.WrapDeltaPhi(input), 0, 1e-15);
    }

    [TestCase(Math.PI, Math.PI)]
    [TestCase(-Math.PI, Math.PI)]
    [TestCase(3 * Math.PI, Math.PI)]
    [TestCase(-2 * Math.PI, 0.0)]
    public void WrapPhi_EdgeValues(double input, double expected)
    {
        Tolerance.AssertClose(expected, Angles.WrapPhi(input), 0, 1e-15);
    }

    [Test]
    public void Nan_PropagatesWithoutThrowing()
    {
        var p = new LorentzVector(double.NaN, 1, 2, 3);
        Assert.That(double.IsNaN(p.Pt) && double.IsNaN(p.Mass) && double.IsNaN(p.Eta), Is.True);
        Assert.That(p.IsFinite, Is.False);
        Assert.That(new LorentzVector(1, 2, double.PositiveInfinity, 3).IsFinite, Is.False);
    }

    [Test]
    public void Factories_RejectInvalidArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPtEtaPhiM(-1, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPtEtaPhiM(1, 0, 0, -5)); // |m| > |p| spacelike
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPtRapidityPhiM(1, 0, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostVector(0.6, 0.8, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostVector(double.NaN, 0, 0));
        Assert.Throws<ArgumentException>(() => new LorentzVector(1, 0, 0, 2).ToRestFrameOf(new LorentzVector(3, 0, 0, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new LorentzVector(3, 0, 0, 2).BoostVector, "a spacelike vector has no rest frame");
    }

    [Test]
    public void Boost_AlongZ_MatchesClosedForm()
    {
        // A particle at rest with mass 2 boosted by β = 0.6 (γ = 1.25): E = 2.5, pz = γβm = 1.5.
        LorentzVector q = new LorentzVector(0, 0, 0, 2).Boost(new BoostVector(0, 0, 0.6));
        Tolerance.AssertClose(2.5, q.E, 1e-15);
        Tolerance.AssertClose(1.5, q.Pz, 1e-15);
        Tolerance.AssertClose(0.5 * Math.Log(4.0), q.Rapidity, 1e-15); // y = atanh(0.6) = ½ ln 4
    }

    [Test]
    public void Angle_NearlyParallelAndAntiparallel_IsAccurate()
    {
        var a = new LorentzVector(1, 0, 0, 1);
        var b = new LorentzVector(1, 1e-9, 0, 1);
        Tolerance.AssertClose(1e-9, a.Angle(b), 1e-9);
        Tolerance.AssertClose(Math.PI - 1e-9, a.Angle(new LorentzVector(-1, 1e-9, 0, 1)), 1e-15);
        Assert.That(a.Angle(LorentzVector.Zero), Is.EqualTo(0.0));
    }

    [Test]
    public void SumAndInvariantMass_OfBackToBackPair()
    {
        // Two massless 50 GeV particles back to back: m = 100.
        LorentzVector[] pair = [new(50, 0, 0, 50), new(-50, 0, 0, 50)];
        Assert.That(LorentzVector.InvariantMass(pair), Is.EqualTo(100.0));
        Assert.That(LorentzVector.Sum(pair), Is.EqualTo(new LorentzVector(0, 0, 0, 100)));
    }
}
