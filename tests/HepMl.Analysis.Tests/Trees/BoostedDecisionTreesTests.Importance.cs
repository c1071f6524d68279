using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

public partial class BoostedDecisionTreesTests
{
    [Test]
    public void VariableRanking_FollowsTmvaFormula()
    {
        // Tree 1 (boost weight 2): f0 split with gain 0.1 on weight 10 → 0.1²·10² = 1; f1 split with gain 0.2 on
        // weight 5 → 0.2²·5² = 1. Normalised per tree: f0 1/2, f1 1/2; times the boost weight: f0 1, f1 1.
        // Tree 2 (boost weight 1): one f1 split → f1 1. Forest: f0 1, f1 2 → √: 1, √2 → shares 1/(1+√2), √2/(1+√2).
        DecisionTreeNode leaf = new() { NodeType = NodeType.Signal };
        var first = new DecisionTree(
        [
            new() { Left = 1, Right = 2, Feature = 0, Threshold = 0, Gain = 0.1, SumWeight = 10 },
            leaf,
            new() { Left = 3, Right = 4, Feature = 1, Threshold = 0, Gain = 0.2, SumWeight = 5 },
            leaf,
            leaf,
        ], boostWeight: 2);
        var second = new DecisionTree([new() { Left = 1, Right = 2, Feature = 1, Threshold = 0, Gain = 0.3, SumWeight = 10 }, leaf, leaf], boostWeight: 1);
        var forest = new BoostedDecisionTrees(["a", "b", "c"], LearningTask.BinaryClassification, 2, ForestOutput.WeightedNodeTypeAverage, [first, second]);

        IReadOnlyList<VariableRank> ranking = forest.VariableRanking();

        Assert.That(ranking.Select(r => r.Name), Is.EqualTo(new[] { "b", "a", "c" }));
        Tolerance.AssertClose(Math.Sqrt(2) / (1 + Math.Sqrt(2)), ranking[0].Importance, rel: 1e-12);
        Tolerance.AssertClose(1 / (1 + Math.Sqrt(2)), ranking[1].Importance, rel: 1e-12);
        Assert.That(ranking[2].Importance, Is.Zero);
        Assert.That(forest.FeatureImportance(ImportanceType.SplitCount), Is.EqualTo(new[] { 1.0, 2.0, 0.0 }));
    }
}
