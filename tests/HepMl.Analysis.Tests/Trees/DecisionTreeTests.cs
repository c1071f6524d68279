using HepMl.Analysis.Trees;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>Tree structure checks and TMVA's cut direction (GoesRight: (x >= cut) == cType).</summary>
public class DecisionTreeTests
{
    private static readonly DecisionTreeNode[] s_stump =
    [
        new() { Left = 1, Right = 2, Feature = 0, Threshold = 1.5f, CutType = false, MissingGoesRight = true },
        new() { Response = -1 },
        new() { Response = 1 },
    ];

    [Test]
    public void FindLeaf_CutTypeFalse_SendsPassingEventsLeft()
    {
        var tree = new DecisionTree(s_stump);
        Assert.That(tree.FindLeaf([2f]), Is.EqualTo(1));
        Assert.That(tree.FindLeaf([1.5f]), Is.EqualTo(1));
        Assert.That(tree.FindLeaf([1f]), Is.EqualTo(2));
        Assert.That(tree.FindLeaf([float.NaN]), Is.EqualTo(2));
        Assert.That(tree.Depth, Is.EqualTo(1));
        Assert.That(tree.LeafCount, Is.EqualTo(2));
    }

    [Test]
    public void Constructor_BadStructure_Throws()
    {
        Assert.That(() => new DecisionTree([]), Throws.ArgumentException);
        Assert.That(() => new DecisionTree([s_stump[0], s_stump[1]]), Throws.ArgumentException.With.Message.Contains("children"));
        Assert.That(() => new DecisionTree([s_stump[0] with { Right = 1 }, s_stump[1], s_stump[2]]), Throws.ArgumentException);
        Assert.That(() => new DecisionTree([s_stump[0] with { Right = -1 }, s_stump[1], s_stump[2]]), Throws.ArgumentException.With.Message.Contains("one child"));
        Assert.That(() => new DecisionTree([s_stump[0] with { Threshold = float.NaN }, s_stump[1], s_stump[2]]), Throws.ArgumentException.With.Message.Contains("NaN"));
        Assert.That(() => new DecisionTree([s_stump[0], s_stump[1], s_stump[2], new DecisionTreeNode()]), Throws.ArgumentException.With.Message.Contains("not reachable"));
        Assert.That(() => new DecisionTree(s_stump, double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Forest_TreeCuttingOnAMissingFeature_Throws() =>
        Assert.That(() => new BoostedDecisionTrees(["a"], LearningTask.Regression, 0, ForestOutput.Sum, [new DecisionTree([s_stump[0] with { Feature = 3 }, s_stump[1], s_stump[2]])]),
            Throws.ArgumentException.With.Message.Contains("feature 3"));

    [Test]
    public void Forest_OutputNotFittingTheTask_Throws() =>
        Assert.That(() => new BoostedDecisionTrees(["a"], LearningTask.Regression, 0, ForestOutput.Logistic, [new DecisionTree(s_stump)]),
            Throws.ArgumentException.With.Message.Contains("does not suit"));
}
