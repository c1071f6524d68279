using HepMl.Analysis.Data;
using HepMl.Analysis.Metrics;
using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>Negative weights under each policy, checked against leaf values worked out by hand.</summary>
public partial class GradientBoostingTrainerTests
{
    /// <summary>
    /// One stump, learning rate 1, no L2, base probability 0.5 (margin 0). At margin 0, p = 1/2, so g = w(1/2 - y) and
    /// h = w/4, and the leaf value -G/H is 2(ΣwS - ΣwB)/Σw over the leaf's effective weights.
    /// </summary>
    [TestCase(NegativeWeightPolicy.Keep, 2.0 / 3.0, 2.0 / 3.0, 3.0)]
    [TestCase(NegativeWeightPolicy.IgnoreInTraining, 1.0, 3.0 / 4.0, 4.0)]
    [TestCase(NegativeWeightPolicy.AbsoluteValue, 1.2, 4.0 / 5.0, 5.0)]
    public void Train_NegativeWeights_LeafValuesFollowPolicy(NegativeWeightPolicy policy, double leaf, double purity, double sumWeight)
    {
        // Left (x=0): S w=3, S w=-1, B w=1.   Right (x=1): S w=1, B w=3, B w=-1.
        // Keep:   left ΣwS=2, ΣwB=1, Σw=3 → 2(2-1)/3 = 2/3, purity 2/3;  right ΣwS=1, ΣwB=2 → -2/3.
        // Ignore: left ΣwS=3, ΣwB=1, Σw=4 → 2(3-1)/4 = 1,   purity 3/4;  right ΣwS=1, ΣwB=3 → -1.
        // |w|:    left ΣwS=4, ΣwB=1, Σw=5 → 2(4-1)/5 = 1.2, purity 4/5;  right ΣwS=1, ΣwB=4 → -1.2.
        Dataset data = NegativeWeightSample();
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, StumpOptions(policy));

        DecisionTree tree = forest.Trees.Single();
        DecisionTreeNode left = tree[tree.FindLeaf([0f])], right = tree[tree.FindLeaf([1f])];
        Tolerance.AssertClose(leaf, left.Response, rel: 1e-6, what: "left leaf");
        Tolerance.AssertClose(-leaf, right.Response, rel: 1e-6, what: "right leaf");
        Tolerance.AssertClose(purity, left.Purity, rel: 1e-6, what: "left purity");
        Tolerance.AssertClose(sumWeight, left.SumWeight, rel: 1e-12, what: "left weight");
        Tolerance.AssertClose(1 / (1 + Math.Exp(-leaf)), forest.Score([0f]), rel: 1e-6, what: "score");

        // The cut "score above 1/2" selects x = 0: weighted signal efficiency (signed weights as given) = (3 - 1)/(3 - 1 + 1) = 2/3.
        float[] scores = forest.Score(data);
        RocCurve roc = RocCurve.Compute(scores, data.Labels, data.Weights);
        int point = roc.Thresholds.ToList().FindIndex(t => t == forest.Score([0f]));
        Tolerance.AssertClose(2.0 / 3.0, roc.SignalEfficiency[point], rel: 1e-12, what: "signal efficiency");
    }

    [Test]
    public void Train_KeepPolicy_RejectsSplitsLeavingANegativeHessian()
    {
        // Left (x=0): S w=1, B w=-3 → h = (1-3)/4 = -1/2 < 0: that child is refused, so the tree is one leaf holding
        // everything: ΣwS = 1+5 = 6, ΣwB = -3+5 = 2, Σw = 8 → leaf 2(6-2)/8 = 1.
        var data = new Dataset(["x"], [[0f, 0f, 1f, 1f]], [1, 0, 1, 0], [1f, -3f, 5f, 5f]);
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, StumpOptions(NegativeWeightPolicy.Keep));
        DecisionTree tree = forest.Trees.Single();
        Assert.That(tree.NodeCount, Is.EqualTo(1));
        Tolerance.AssertClose(1.0, tree[0].Response, rel: 1e-6);
    }

    [Test]
    public void Train_NonPositiveTotalWeight_Throws()
    {
        var data = new Dataset(["x"], [[0f, 1f, 2f]], [1, 0, 1], [1f, -3f, 1f]);
        Assert.That(() => GradientBoostingTrainer.Train(data, StumpOptions(NegativeWeightPolicy.Keep)),
            Throws.ArgumentException.With.Message.Contains("total weight of -1"));
        Assert.That(GradientBoostingTrainer.Train(data, StumpOptions(NegativeWeightPolicy.AbsoluteValue)).Trees, Has.Count.EqualTo(1));
    }

    private static Dataset NegativeWeightSample() =>
        new(["x"], [[0f, 0f, 0f, 1f, 1f, 1f]], [1, 1, 0, 1, 0, 0], [3f, -1f, 1f, 1f, 3f, -1f]);

    private static GradientBoostingOptions StumpOptions(NegativeWeightPolicy policy) => new()
    {
        NumberOfTrees = 1, MaxDepth = 1, LearningRate = 1, L2Regularization = 0, MinChildWeight = 0, BaseScore = 0.5,
        NegativeWeightPolicy = policy, ThreadCount = 1,
    };
}
