using FsCheck;
using FsCheck.Fluent;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Tests.Vectors;

/// <summary>FsCheck generators: timelike four-vectors over wide ranges of pt, eta and mass, and boosts with |beta| &lt; 0.99.</summary>
public static class PhysicsArbitraries
{
    private static Gen<double> Uniform(double low, double high) =>
        Gen.Choose(0, 1 << 30).Select(i => low + (high - low) * (i / (double)(1 << 30)));

    public static Arbitrary<LorentzVector> Vectors() =>
        (from logPt in Uniform(-2, 3.5)
         from eta in Uniform(-6, 6)
         from phi in Uniform(-Math.PI, Math.PI)
         from mass in Uniform(0, 200)
         select LorentzVector.FromPtEtaPhiM(Math.Pow(10, logPt), eta, phi, mass)).ToArbitrary();

    public static Arbitrary<BoostVector> Boosts() =>
        (from b in Uniform(0, 0.99)
         from cosTheta in Uniform(-1, 1)
         from phi in Uniform(-Math.PI, Math.PI)
         let sinTheta = Math.Sqrt(1 - cosTheta * cosTheta)
         select new BoostVector(b * sinTheta * Math.Cos(phi), b * sinTheta * Math.Sin(phi), b * cosTheta)).ToArbitrary();

    public static Arbitrary<double> Doubles() => Uniform(-1e3, 1e3).ToArbitrary();
}
