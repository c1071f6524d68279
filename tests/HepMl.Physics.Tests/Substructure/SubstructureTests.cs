using HepMl.Physics.Substructure;
using HepMl.Physics.Vectors;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Substructure;

/// <summary>
/// Hand-computed cases for the published definitions (each test shows the arithmetic). Particles are massless and
/// placed at rapidity y and azimuth φ with <c>FromPtRapidityPhiM</c>, so all ΔR are known exactly.
/// </summary>
public class SubstructureTests
{
    private static LorentzVector At(double pt, double y, double phi) => LorentzVector.FromPtRapidityPhiM(pt, y, phi, 0);

    [Test]
    public void NSubjettiness_SymmetricPair_TauOneIsHalfSeparation()
    {
        // τ_N = Σ pt_k min_a ΔR_ak^β / (Σ pt_k R0^β)  [arXiv:1011.2268 eq. 2.1-2.2]. Two equal-pt particles at y = ±0.2:
        // the one axis (their sum) is at y = 0, so τ1 = (10·0.2 + 10·0.2)/20 = 0.2; β = 2: (10·0.04·2)/20 = 0.04; τ2 = 0.
        LorentzVector[] jet = [At(10, 0.2, 0), At(10, -0.2, 0)];
        NSubjettinessValues values = new NSubjettiness().Compute(jet);
        Tolerance.AssertClose(0.2, values.Tau1, 1e-12);
        Assert.That(values.Tau2, Is.EqualTo(0.0));
        Assert.That(values.Tau21, Is.EqualTo(0.0));
        Tolerance.AssertClose(0.04, new NSubjettiness(beta: 2).Tau(jet, 1), 1e-12);
        Tolerance.AssertClose(0.2 / 0.8, new NSubjettiness(1, 0.8).Tau(jet, 1), 1e-12);
    }

    [Test]
    public void NSubjettiness_TwoPairs_MatchesHandComputation()
    {
        // Pair 1: pt 100 at (±0.1, φ = 0); pair 2: pt 50 at (±0.1, φ = 1). Exclusive kt merges pair 2 first (smaller
        // min pt² at equal ΔR), then pair 1, so the axes are: N = 3 {a1, a2, pair2}, N = 2 {pair1, pair2}, N = 1 {all}.
        // τ3 = (50·0.1·2)/300 = 1/30; τ2 = (100·0.1·2 + 50·0.1·2)/300 = 0.1;
        // τ1: axis φ_a = atan2(100 sin 1, 200 + 100 cos 1) at y = 0,
        //     τ1 = (200 sqrt(0.01 + φ_a²) + 100 sqrt(0.01 + (1 − φ_a)²))/300.
        LorentzVector[] jet = [At(100, 0.1, 0), At(100, -0.1, 0), At(50, 0.1, 1), At(50, -0.1, 1)];
        double phiAxis = Math.Atan2(100 * Math.Sin(1), 200 + 100 * Math.Cos(1));
        double tau1 = (200 * Math.Sqrt(0.01 + phiAxis * phiAxis) + 100 * Math.Sqrt(0.01 + (1 - phiAxis) * (1 - phiAxis))) / 300;
        NSubjettinessValues values = new NSubjettiness().Compute(jet);
        Tolerance.AssertClose(tau1, values.Tau1, 1e-12);
        Tolerance.AssertClose(0.1, values.Tau2, 1e-12);
        Tolerance.AssertClose(1.0 / 30, values.Tau3, 1e-12);
        Tolerance.AssertClose(0.1 / tau1, values.Tau21, 1e-12);
        Tolerance.AssertClose(1.0 / 3, values.Tau32, 1e-12);
        Assert.That(new NSubjettiness().Tau(jet, 4), Is.EqualTo(0.0), "as many axes as particles");
    }

    [Test]
    public void NSubjettiness_EmptyJetAndBadArguments()
    {
        Assert.That(new NSubjettiness().Compute([]), Is.EqualTo(default(NSubjettinessValues)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new NSubjettiness(beta: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new NSubjettiness(1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NSubjettiness().Tau([At(1, 0, 0)], 0));
        Assert.Throws<ArgumentException>(() => new NSubjettiness().Compute([At(1, 0, 0), new LorentzVector(double.NaN, 0, 0, 1)]));
    }

    [Test]
    public void SoftDrop_DropsWideSoftBranch_KeepsTwoProngs()
    {
        // A (100, φ 0), B (80, φ 0.3), C (2, φ 1.0), all at y = 0. C/A merges A+B (ΔR 0.3), then AB+C.
        // Step 1: z = 2/182 = 0.011 < z_cut = 0.1 (β = 0)  -> drop C.  [arXiv:1402.2657 eq. 2.1]
        // Step 2: z = 80/180 = 0.444 > 0.1 -> keep A+B: zg = 4/9, Rg = 0.3, m² = 2·100·80·(1 − cos 0.3).
        LorentzVector[] jet = [At(100, 0, 0), At(80, 0, 0.3), At(2, 0, 1.0)];
        SoftDropResult result = new SoftDrop(zCut: 0.1, beta: 0, characteristicRadius: 0.8).Groom(jet);
        Tolerance.AssertClose(4.0 / 9.0, result.Zg, 1e-12);
        Tolerance.AssertClose(0.3, result.Rg, 1e-12);
        Tolerance.AssertClose(Math.Sqrt(16000 * (1 - Math.Cos(0.3))), result.Mass, 1e-9);
        Assert.That(result.DroppedCount, Is.EqualTo(1));
        Assert.That(result.ConstituentIndices.Order(), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(result.HasSubstructure, Is.True);

        // β = 1, R0 = 0.8: step 1 cut = 0.1·ΔR(AB, C)/0.8 ≈ 0.108 > 0.011 -> drop; step 2 cut = 0.1·0.3/0.8 = 0.0375 < 0.444.
        SoftDropResult beta1 = new SoftDrop(0.1, 1, 0.8).Groom(jet);
        Assert.That(beta1.ConstituentIndices.Order(), Is.EqualTo(new[] { 0, 1 }));
        Tolerance.AssertClose(4.0 / 9.0, beta1.Zg, 1e-12);
    }

    [Test]
    public void SoftDrop_NoPassingSplitting_GroomsToHardestParticle()
    {
        // A (100, φ 0), B (5, φ 0.3): z = 5/105 = 0.048 < 0.1 -> drop B; A has no parents: groomed jet = A, m = 0.
        LorentzVector[] jet = [At(100, 0, 0), At(5, 0, 0.3)];
        SoftDropResult result = new SoftDrop(0.1, 0, 0.8).Groom(jet);
        Assert.That(result.ConstituentIndices, Is.EqualTo(new[] { 0 }));
        Assert.That((result.Zg, result.Rg, result.DroppedCount), Is.EqualTo((0.0, 0.0, 1)));
        Assert.That(result.HasSubstructure, Is.False);
        Assert.That(new SoftDrop(0.1, 0, 0.8).Groom([]).Jet, Is.EqualTo(LorentzVector.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SoftDrop(1.5, 0, 0.8));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SoftDrop(0.1, -1, 0.8));
    }

    [Test]
    public void EnergyCorrelation_ThreeParticles_MatchHandComputation()
    {
        // pt 1, 2, 3 at y = 0, φ = 0, 0.3, 0.7: ΔR12 = 0.3, ΔR13 = 0.7, ΔR23 = 0.4.  [arXiv:1305.0007 eq. 2.1]
        // ECF1 = 6; ECF2 = 1·2·0.3 + 1·3·0.7 + 2·3·0.4 = 5.1; ECF3 = 6·(0.3·0.7·0.4) = 0.504.
        // C2 = 0.504·6/5.1² = 3.024/26.01; D2 = 0.504·6³/5.1³ = 108.864/132.651.
        // β = 2: ECF2 = 0.18 + 1.47 + 0.96 = 2.61; ECF3 = 6·(0.09·0.49·0.16) = 0.042336.
        LorentzVector[] jet = [At(1, 0, 0), At(2, 0, 0.3), At(3, 0, 0.7)];
        Tolerance.AssertClose(6, EnergyCorrelation.Ecf(jet, 1), 1e-12);
        Tolerance.AssertClose(5.1, EnergyCorrelation.Ecf(jet, 2), 1e-12);
        Tolerance.AssertClose(0.504, EnergyCorrelation.Ecf(jet, 3), 1e-12);
        Tolerance.AssertClose(3.024 / 26.01, EnergyCorrelation.C2(jet), 1e-12);
        Tolerance.AssertClose(108.864 / 132.651, EnergyCorrelation.D2(jet), 1e-12);
        Tolerance.AssertClose(2.61, EnergyCorrelation.Ecf(jet, 2, beta: 2), 1e-12);
        Tolerance.AssertClose(0.042336, EnergyCorrelation.Ecf(jet, 3, beta: 2), 1e-12);
        Assert.That(EnergyCorrelation.C2([At(1, 0, 0)]), Is.EqualTo(0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnergyCorrelation.Ecf(jet, 4));
    }

    [Test]
    public void JetShapes_SymmetricPair_MatchHandComputation()
    {
        // Two pt-10 particles at y = ±0.2: axis at y = 0; girth = (10·0.2 + 10·0.2)/20 = 0.2; pT_D = sqrt(200)/20.
        LorentzVector[] jet = [At(10, 0.2, 0), At(10, -0.2, 0), At(0.5, 0, 0)];
        LorentzVector[] pair = jet[..2];
        Tolerance.AssertClose(0.2, JetShapes.Girth(pair), 1e-12);
        Tolerance.AssertClose(Math.Sqrt(200) / 20, JetShapes.PtD(pair), 1e-12);
        Assert.That(JetShapes.Multiplicity(jet), Is.EqualTo(3));
        Assert.That(JetShapes.Multiplicity(jet, ptMin: 1), Is.EqualTo(2));
        Assert.That((JetShapes.Girth([]), JetShapes.PtD([])), Is.EqualTo((0.0, 0.0)));
    }
}
