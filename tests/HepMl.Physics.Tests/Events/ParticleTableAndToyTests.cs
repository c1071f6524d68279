using HepMl.Physics.Events;
using HepMl.Physics.Jets;
using HepMl.Physics.Substructure;
using HepMl.Physics.Vectors;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Events;

public class ParticleTableAndToyTests
{
    [Test]
    public void FromPadded_HlsLayout_SkipsZeroPaddingAndKeepsOrder()
    {
        // 2 jets x 3 slots x 5 features (px, py, pz, e, other); jet 0 has 2 particles, jet 1 has 1, rest zero padding.
        float[] values =
        [
            1, 0, 0, 1, 9,   0, 2, 0, 2, 9,   0, 0, 0, 0, 0,
            3, 0, 4, 5, 9,   0, 0, 0, 0, 0,   0, 0, 0, 0, 0,
        ];
        ParticleTable table = ParticleTable.FromPadded(values, 2, 3, 5, pxFeature: 0, pyFeature: 1, pzFeature: 2, energyFeature: 3);
        Assert.That(table.Offsets.ToArray(), Is.EqualTo(new[] { 0, 2, 3 }));
        Assert.That(table.Momenta(1)[0], Is.EqualTo(new LorentzVector(3, 0, 4, 5)));
        Assert.Throws<ArgumentException>(() => ParticleTable.FromPadded(values, 2, 3, 4, 0, 1, 2, 3));
        values[5] = float.NaN;
        var ex = Assert.Throws<ArgumentException>(() => ParticleTable.FromPadded(values, 2, 3, 5, 0, 1, 2, 3));
        Assert.That(ex!.Message, Does.Contain("entry 0, slot 1"));
    }

    [Test]
    public void FromRows_GroupsConsecutiveEventIds_AndFromFlatValidates()
    {
        ParticleTable table = ParticleTable.FromRows([5, 5, 9], [1, 2, 3], [0, 0, 0], [0, 0, 0], [1, 2, 3]);
        Assert.That(table.EntryCount, Is.EqualTo(2));
        Assert.That(table.Momenta(0).Length, Is.EqualTo(2));
        Assert.Throws<ArgumentException>(() => ParticleTable.FromFlat([new LorentzVector(1, 0, 0, 1)], [0, 2]));
        Assert.Throws<ArgumentException>(() => ParticleTable.FromFlat([new LorentzVector(1, 0, 0, 1), default], [0, 2, 1, 2]));
        Assert.Throws<ArgumentException>(() => ParticleTable.FromFlat([new LorentzVector(double.NaN, 0, 0, 1)], [0, 1]));
        Assert.That(ParticleTable.FromRows([], [], [], [], []).EntryCount, Is.EqualTo(0));
    }

    [Test]
    public void ToyGenerator_IsSeeded_AndProngStructureShowsInSubstructure()
    {
        var a = new ToyEventGenerator(seed: 3).NextJet(ToyJetKind.WTwoProng);
        var b = new ToyEventGenerator(seed: 3).NextJet(ToyJetKind.WTwoProng);
        Assert.That(a.Constituents, Is.EqualTo(b.Constituents), "same seed, same jet");

        // Over 300 jets of each kind: W jets peak near 80 GeV and have smaller tau21 than QCD jets; top jets have
        // mass near 173 GeV and smaller tau32 than W jets. (Toy-level expectations, with wide margins.)
        var generator = new ToyEventGenerator(seed: 42);
        var nsub = new NSubjettiness(1.0, 1.0);
        double Median(IEnumerable<double> values) { var v = values.Order().ToArray(); return v[v.Length / 2]; }
        List<ToyJet> Jets(ToyJetKind kind) => Enumerable.Range(0, 300).Select(_ => generator.NextJet(kind)).ToList();
        List<ToyJet> qcd = Jets(ToyJetKind.QcdOneProng), w = Jets(ToyJetKind.WTwoProng), top = Jets(ToyJetKind.TopThreeProng);
        double Mass(ToyJet j) => LorentzVector.Sum(j.Constituents).Mass;
        Assert.That(Median(w.Select(Mass)), Is.InRange(70.0, 95.0));
        Assert.That(Median(top.Select(Mass)), Is.InRange(150.0, 195.0));
        Assert.That(Median(w.Select(j => nsub.Compute(j.Constituents).Tau21)), Is.LessThan(Median(qcd.Select(j => nsub.Compute(j.Constituents).Tau21))));
        Assert.That(Median(top.Select(j => nsub.Compute(j.Constituents).Tau32)), Is.LessThan(Median(w.Select(j => nsub.Compute(j.Constituents).Tau32))));
        Assert.That(w.All(j => j.Prongs.Length == 2 && j.Charges.Length == j.Constituents.Length), Is.True);

        LorentzVector[] evt = generator.NextEvent([ToyJetKind.QcdOneProng, ToyJetKind.QcdOneProng], softParticles: 100);
        List<PseudoJet> jets = ClusterSequence.Run(evt, new JetDefinition(JetAlgorithm.AntiKt, 0.4)).InclusiveJets(100).SortedByPt();
        Assert.That(jets, Has.Count.EqualTo(2), "two hard jets come out of a two-jet toy event");
        Assert.Throws<ArgumentException>(() => generator.NextJets(3, [], out _));
    }
}
