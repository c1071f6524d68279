// FsCheck supplies the arguments of [Property] methods; the NUnit analyzer cannot see that.
#pragma warning disable NUnit1027

using FsCheck.NUnit;
using HepMl.Physics.Vectors;
using HepMl.TestData;

namespace HepMl.Physics.Tests.Vectors;

/// <summary>Four-vector identities as FsCheck properties (STYLE.md B5).</summary>
public partial class LorentzVectorTests
{
    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool Boost_MassIsInvariant(LorentzVector p, BoostVector boost)
    {
        LorentzVector q = p.Boost(boost);
        // m² = E² − p² loses ~ eps·E²/m² relative; compare m² with an absolute floor scaled by E².
        return Tolerance.IsClose(p.MassSquared, q.MassSquared, 1e-9, 1e-12 * (p.E * p.E + q.E * q.E));
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool Boost_ThenInverseBoost_IsIdentity(LorentzVector p, BoostVector boost)
    {
        LorentzVector back = p.Boost(boost).Boost(-boost);
        double scale = 1e-9 * (p.E + p.Boost(boost).E);
        return Tolerance.IsClose(p.Px, back.Px, 0, scale) && Tolerance.IsClose(p.Py, back.Py, 0, scale)
            && Tolerance.IsClose(p.Pz, back.Pz, 0, scale) && Tolerance.IsClose(p.E, back.E, 0, scale);
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool RestFrame_OfItself_IsAtRestWithItsMass(LorentzVector p)
    {
        LorentzVector rest = p.ToRestFrameOf(p);
        double scale = 1e-9 * p.E;
        return Tolerance.IsClose(0, rest.Px, 0, scale) && Tolerance.IsClose(0, rest.Py, 0, scale) && Tolerance.IsClose(0, rest.Pz, 0, scale)
            && Tolerance.IsClose(p.Mass, rest.E, 1e-9, scale);
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool ToRestFrame_ThenFromRestFrame_IsIdentity(LorentzVector p, LorentzVector frame)
    {
        LorentzVector back = p.ToRestFrameOf(frame).FromRestFrameOf(frame);
        double scale = 1e-9 * (p.E + p.ToRestFrameOf(frame).E) * (frame.E / frame.Mass);
        return Tolerance.IsClose(p.Px, back.Px, 0, scale) && Tolerance.IsClose(p.Pz, back.Pz, 0, scale) && Tolerance.IsClose(p.E, back.E, 0, scale);
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool InvariantMassOfPair_IsInvariantUnderBoost(LorentzVector a, LorentzVector b, BoostVector boost)
    {
        double m2 = (a + b).MassSquared;
        double boosted = (a.Boost(boost) + b.Boost(boost)).MassSquared;
        double e = (a + b).E + (a.Boost(boost) + b.Boost(boost)).E;
        return Tolerance.IsClose(m2, boosted, 1e-9, 1e-12 * e * e);
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool DeltaR_IsSymmetric_AndDeltaPhiIsAntisymmetricInRange(LorentzVector a, LorentzVector b)
    {
        double dab = a.DeltaPhi(b), dba = b.DeltaPhi(a);
        bool inRange = dab >= -Math.PI && dab < Math.PI && dba >= -Math.PI && dba < Math.PI;
        bool antisymmetric = Math.Abs(dab + dba) < 1e-12 || Math.Abs(Math.Abs(dab) - Math.PI) < 1e-12;
        return inRange && antisymmetric && a.DeltaR(b) == b.DeltaR(a) && a.DeltaRWithRapidity(b) == b.DeltaRWithRapidity(a);
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 500)]
    public bool WrapDeltaPhi_StaysInRange_AndDiffersByWholeTurns(double x)
    {
        double w = Angles.WrapDeltaPhi(x);
        double turns = (x - w) / Angles.TwoPi;
        return w >= -Math.PI && w < Math.PI && Math.Abs(turns - Math.Round(turns)) < 1e-9;
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 500)]
    public bool WrapPhi_StaysInRange_AndDiffersByWholeTurns(double x)
    {
        double w = Angles.WrapPhi(x);
        double turns = (x - w) / Angles.TwoPi;
        return w > -Math.PI && w <= Math.PI && Math.Abs(turns - Math.Round(turns)) < 1e-9;
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool PtEtaPhiM_RoundTrips(LorentzVector p)
    {
        PtEtaPhiMVector c = p.ToPtEtaPhiM();
        LorentzVector back = c.ToLorentzVector();
        double scale = 1e-9 * p.E;
        return Tolerance.IsClose(p.Px, back.Px, 0, scale) && Tolerance.IsClose(p.Py, back.Py, 0, scale)
            && Tolerance.IsClose(p.Pz, back.Pz, 0, scale) && Tolerance.IsClose(p.E, back.E, 0, scale)
            && Tolerance.IsClose(p.Eta, c.Eta, 1e-12, 1e-12);
    }

    [Property(Arbitrary = [typeof(PhysicsArbitraries)], MaxTest = 300)]
    public bool Rapidity_IsHalfLogOfLightConeRatio_AndBelowEtaInMagnitude(LorentzVector p)
    {
        // y = atanh(pz/E) = ½ ln((E+pz)/(E−pz)); |y| ≤ |η| for timelike vectors.
        double direct = Math.Atanh(p.Pz / p.E);
        return Tolerance.IsClose(direct, p.Rapidity, 1e-7, 1e-9) && Math.Abs(p.Rapidity) <= Math.Abs(p.Eta) + 1e-12;
    }
}
