using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

public partial class TmvaBdtTrainerTests
{
    private static readonly TmvaBdtOptions s_quick = new() { NTrees = 3, MaxDepth = 2 };

    [Test]
    public void Train_NaNFeature_Throws() =>
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["pt"], [[1f, float.NaN]], [0, 1]), s_quick),
            Throws.ArgumentException.With.Message.Contains("feature 'pt' of event 1 is NaN"));

    [TestCase(float.PositiveInfinity, "+inf")]
    [TestCase(float.NegativeInfinity, "-inf")]
    public void Train_InfiniteFeature_Throws(float value, string shown) =>
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["pt"], [[1f, 2f, value]], [0, 1, 1]), s_quick),
            Throws.ArgumentException.With.Message.Contains($"feature 'pt' of event 2 is {shown}; TMVA-style training needs finite values"));

    [Test]
    public void Train_SingleClass_Throws() =>
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 0]), s_quick),
            Throws.ArgumentException.With.Message.Contains("only background"));

    [Test]
    public void Train_OnlyZeroWeightSignal_Throws() =>
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 1], [1f, 0f]), s_quick),
            Throws.ArgumentException.With.Message.Contains("only background"));

    [Test]
    public void Train_LabelTwo_Throws() =>
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 2]), s_quick),
            Throws.ArgumentException.With.Message.Contains("labels 0 (background) and 1 (signal)"));

    [Test]
    public void Train_ZeroRowsOrNoLabels_Throws()
    {
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["x"], [[]], []), s_quick), Throws.ArgumentException.With.Message.Contains("no events"));
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["x"], [[1f]]), s_quick), Throws.ArgumentException.With.Message.Contains("no labels"));
    }

    [TestCase(0.0)]
    [TestCase(50.0)]
    public void Train_MinNodeSizeOutOfRange_ThrowsNamingIt(double percent) =>
        Assert.That(() => TmvaBdtTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 1]), new TmvaBdtOptions { MinNodeSize = percent }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("MinNodeSize"));

    [Test]
    public void Train_ConstantFeature_GivesRootLeavesAndStops()
    {
        // A constant feature has no range (TMVA's almost_equal_float), so the root stays a leaf; the single-node tree
        // has error 1/2 and AdaBoost stops after it with weight 0; the forest then scores 0 (no positive weight).
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(new Dataset(["x"], [[3f, 3f, 3f, 3f]], [0, 1, 0, 1]), s_quick);
        Assert.That(forest.Trees, Has.Count.EqualTo(1));
        Assert.That(forest.Trees[0].NodeCount, Is.EqualTo(1));
        Assert.That(forest.Score([3f]), Is.Zero);
    }
}
