using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.Io;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>Save and load: round trips and every corruption raising a format error with its offset.</summary>
public partial class BoostedDecisionTreesTests
{
    [Test]
    public void SaveLoad_GradientBoostedForest_RoundTripsNodesScoresAndHistory()
    {
        BoostedDecisionTrees forest = SmallForest(out Dataset data);
        string directory = SharedData.CreateScratchDirectory("bdt");
        string path = Path.Combine(directory, "forest.hmlbdt");
        forest.Save(path);

        BoostedDecisionTrees loaded = BoostedDecisionTrees.Load(path);
        Assert.That(loaded.Score(data), Is.EqualTo(forest.Score(data)));
        Assert.That(loaded.FeatureNames, Is.EqualTo(forest.FeatureNames));
        Assert.That(loaded.BaseScores, Is.EqualTo(forest.BaseScores));
        Assert.That(loaded.History!.BestRound, Is.EqualTo(forest.History!.BestRound));
        for (int t = 0; t < forest.Trees.Count; t++)
        {
            Assert.That(loaded.Trees[t].Nodes.ToArray(), Is.EqualTo(forest.Trees[t].Nodes.ToArray()), $"tree {t}");
        }
    }

    [Test]
    public void SaveLoad_TmvaAndMulticlassForests_RoundTrip()
    {
        Dataset data = TmvaBdtTrainerTests.SyntheticSample(500, seed: 1);
        BoostedDecisionTrees ada = TmvaBdtTrainer.Train(data, new TmvaBdtOptions { NTrees = 10, BoostType = TmvaBoostType.RealAdaBoost });
        BoostedDecisionTrees reloaded = RoundTrip(ada);
        Assert.That(reloaded.Output, Is.EqualTo(ForestOutput.WeightedPurityAverage));
        Assert.That(reloaded.Score(data), Is.EqualTo(ada.Score(data)));
        Assert.That(reloaded.History!.ErrorFractions, Is.EqualTo(ada.History!.ErrorFractions));

        var fixture = TreeFixture.Load("xgb_multiclass.json");
        BoostedDecisionTrees softmax = GradientBoostingTrainer.Train(fixture.Dataset(),
            new GradientBoostingOptions { Objective = BoostingObjective.MulticlassSoftmax, NumberOfTrees = 3 });
        Assert.That(RoundTrip(softmax).Score(fixture.Dataset()), Is.EqualTo(softmax.Score(fixture.Dataset())));
    }

    [Test]
    public void Load_WrongMagic_Throws()
    {
        byte[] bytes = Serialized();
        bytes[0] = (byte)'X';
        Assert.That(() => BoostedDecisionTrees.Load(new MemoryStream(bytes)),
            Throws.InstanceOf<HepMlFormatException>().With.Message.Contains("HEPMLBDT").And.Property(nameof(HepMlFormatException.Offset)).EqualTo(0));
    }

    [Test]
    public void Load_Truncated_ThrowsAtTheEnd()
    {
        byte[] bytes = Serialized();
        foreach (int length in new[] { 4, 20, bytes.Length / 2, bytes.Length - 1 })
        {
            Assert.That(() => BoostedDecisionTrees.Load(new MemoryStream(bytes[..length])), Throws.InstanceOf<HepMlFormatException>(), $"{length} bytes");
        }
    }

    [Test]
    public void Load_FlippedByte_FailsTheChecksum()
    {
        byte[] bytes = Serialized();
        bytes[bytes.Length / 2] ^= 0x40;
        Assert.That(() => BoostedDecisionTrees.Load(new MemoryStream(bytes)),
            Throws.InstanceOf<HepMlFormatException>().With.Message.Contains("CRC-32"));
    }

    [Test]
    public void Load_NewerFormat_ThrowsUnsupported()
    {
        byte[] bytes = Serialized();
        bytes[10] = 9; // minimum reader version
        Assert.That(() => BoostedDecisionTrees.Load(new MemoryStream(bytes)),
            Throws.InstanceOf<UnsupportedFormatException>().With.Message.Contains("version 9"));
    }

    [Test]
    public void Load_MissingFile_Throws() =>
        Assert.That(() => BoostedDecisionTrees.Load(Path.Combine(SharedData.CreateScratchDirectory("bdt"), "none.hmlbdt")),
            Throws.InstanceOf<FileNotFoundException>());

    private static byte[] Serialized()
    {
        BoostedDecisionTrees forest = SmallForest(out _);
        using var stream = new MemoryStream();
        forest.Save(stream);
        return stream.ToArray();
    }

    private static BoostedDecisionTrees RoundTrip(BoostedDecisionTrees forest)
    {
        using var stream = new MemoryStream();
        forest.Save(stream);
        stream.Position = 0;
        return BoostedDecisionTrees.Load(stream);
    }
}
