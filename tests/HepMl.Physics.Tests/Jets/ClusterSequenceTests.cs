using HepMl.Physics.Jets;
using HepMl.Physics.Vectors;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Jets;

/// <summary>API behaviour, bad input and structural identities of the cluster sequence.</summary>
public partial class ClusterSequenceTests
{
    private static readonly JetDefinition s_antiKt04 = new(JetAlgorithm.AntiKt, 0.4);

    [Test]
    public void Run_EmptyEvent_GivesNoJetsAndEmptyHistory()
    {
        ClusterSequence sequence = ClusterSequence.Run(ReadOnlySpan<LorentzVector>.Empty, s_antiKt04);
        Assert.That(sequence.InclusiveJets(), Is.Empty);
        Assert.That(sequence.History.Length, Is.EqualTo(0));
        Assert.That(sequence.ExclusiveJetsUpTo(3), Is.Empty);
    }

    [TestCase(double.NaN, 0.0)]
    [TestCase(1.0, double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity, 1.0)]
    public void Run_NonFiniteMomentum_ThrowsNamingTheParticle(double px, double e)
    {
        LorentzVector[] particles = [new(1, 2, 3, 10), new(px, 0, 0, e)];
        var ex = Assert.Throws<ArgumentException>(() => ClusterSequence.Run(particles, s_antiKt04));
        Assert.That(ex!.Message, Does.Contain("particle 1"));
    }

    [Test]
    public void Run_MismatchedColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClusterSequence.Run(new double[2], new double[2], new double[1], new double[2], s_antiKt04));
    }

    [Test]
    public void JetDefinition_RejectsBadArguments_AndDescribesItself()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new JetDefinition(JetAlgorithm.AntiKt, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new JetDefinition(JetAlgorithm.AntiKt, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new JetDefinition(JetAlgorithm.AntiKt, 1001));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new JetDefinition(JetAlgorithm.GeneralisedKt, 0.4));
        Assert.Throws<ArgumentOutOfRangeException>(() => JetDefinition.GeneralisedKt(0.4, double.PositiveInfinity));
        Assert.That(s_antiKt04.Describe(), Is.EqualTo("Longitudinally invariant anti-kt algorithm with R = 0.4 and E scheme recombination (strategy Best)"));
    }

    [Test]
    public void Run_SpacelikeInput_UsesRapidityWithMassSquaredClampedAtZero()
    {
        // E < |p| is accepted, as in FastJet: with m² clamped to 0, (10, 0, 0, 5) has y = ½ ln(10²/5²) = ln 2, so it
        // joins a particle at y = ln 2 (and the special-events fixture checks the same against FastJet).
        Assert.That(new LorentzVector(10, 0, 0, 5).Rapidity, Is.EqualTo(Math.Log(2)).Within(1e-15));
        LorentzVector[] particles = [new(10, 0, 0, 5), LorentzVector.FromPtRapidityPhiM(9, Math.Log(2), 0.05, 0.1)];
        List<PseudoJet> jets = ClusterSequence.Run(particles, s_antiKt04).InclusiveJets();
        Assert.That(jets, Has.Count.EqualTo(1));
        Assert.That(jets[0].Momentum, Is.EqualTo(particles[0] + particles[1]));
    }

    [Test]
    public void Jets_EqualSumOfConstituents_AndConstituentsPartitionTheEvent()
    {
        (long _, LorentzVector[] particles) = FastJetReference.LoadParticles("particles_n100_first3.csv")[0];
        ClusterSequence sequence = ClusterSequence.Run(particles, s_antiKt04);
        List<PseudoJet> jets = sequence.InclusiveJets();
        var seen = new HashSet<int>();
        var indices = new List<int>();
        foreach (PseudoJet jet in jets)
        {
            List<PseudoJet> constituents = sequence.Constituents(jet);
            LorentzVector sum = LorentzVector.Sum(constituents.Select(c => c.Momentum).ToArray());
            Tolerance.AssertClose(jet.E, sum.E, 1e-12);
            Tolerance.AssertClose(jet.Px, sum.Px, 1e-10, 1e-12);
            sequence.ConstituentIndices(jet, indices);
            Assert.That(indices, Is.EqualTo(constituents.Select(c => c.UserIndex).ToList()));
            foreach (int i in indices)
            {
                Assert.That(seen.Add(i), Is.True, $"particle {i} in two jets");
                Assert.That(particles[i], Is.EqualTo(sequence.Jets[i].Momentum));
            }
        }

        Assert.That(seen, Has.Count.EqualTo(particles.Length));
    }

    [Test]
    public void ParentsChildAndSubjets_FollowTheHistory()
    {
        LorentzVector[] particles = [LorentzVector.FromPtEtaPhiM(50, 0, 0, 0), LorentzVector.FromPtEtaPhiM(30, 0.2, 0.1, 0), LorentzVector.FromPtEtaPhiM(5, -0.1, 0.2, 0)];
        ClusterSequence sequence = ClusterSequence.Run(particles, new JetDefinition(JetAlgorithm.CambridgeAachen, 1.0));
        PseudoJet jet = sequence.InclusiveJets().Single();
        Assert.That(sequence.TryGetParents(jet, out PseudoJet p1, out PseudoJet p2), Is.True);
        Assert.That((p1.Momentum + p2.Momentum).E, Is.EqualTo(jet.E).Within(1e-12));
        Assert.That(sequence.TryGetChild(p1, out PseudoJet child) && child == jet, Is.True);
        Assert.That(sequence.TryGetChild(jet, out _), Is.False, "the final jet merges with the beam");
        Assert.That(sequence.TryGetParents(sequence.Jets[0], out _, out _), Is.False);
        Assert.That(sequence.ExclusiveSubjetsUpTo(jet, 2).Select(j => j.HistoryIndex), Is.EqualTo(new[] { p1.HistoryIndex, p2.HistoryIndex }));
        Assert.That(sequence.ExclusiveSubjetsUpTo(jet, 10), Has.Count.EqualTo(3));
        Assert.Throws<ArgumentException>(() => sequence.Constituents(new PseudoJet(new LorentzVector(1, 0, 0, 1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.ExclusiveJets(4));
    }

    [Test]
    public void GeneralisedKt_WithPowersOneZeroMinusOne_EqualsNamedAlgorithms()
    {
        (long _, LorentzVector[] particles) = FastJetReference.LoadParticles("particles_n100_first3.csv")[1];
        foreach ((double p, JetAlgorithm named) in new[] { (1.0, JetAlgorithm.Kt), (-1.0, JetAlgorithm.AntiKt) })
        {
            List<PseudoJet> a = ClusterSequence.Run(particles, JetDefinition.GeneralisedKt(0.4, p)).InclusiveJets(5).SortedByPt();
            List<PseudoJet> b = ClusterSequence.Run(particles, new JetDefinition(named, 0.4)).InclusiveJets(5).SortedByPt();
            Assert.That(a.Select(j => j.Momentum), Is.EqualTo(b.Select(j => j.Momentum)), $"p = {p}");
        }
    }
}
