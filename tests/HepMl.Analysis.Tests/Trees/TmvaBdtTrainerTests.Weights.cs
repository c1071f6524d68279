using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>TMVA's negative-weight treatments and normalisation, against numbers worked out by hand.</summary>
public partial class TmvaBdtTrainerTests
{
    // Left (x=0): S w=3, B w=-1, B w=1.   Right (x=1): S w=1, B w=3.   Stumps, nCuts=1 (one cut at 0.5), β=1, no
    // normalisation, MinNodeSize 1% of 5 events (0.05).
    private static Dataset NegativeWeightSample() =>
        new(["x"], [[0f, 0f, 0f, 1f, 1f]], [1, 0, 0, 1, 0], [3f, -1f, 1f, 1f, 3f]);

    private static TmvaBdtOptions Stumps(TmvaNegativeWeightTreatment treatment, int trees = 2) => new()
    {
        NTrees = trees, MaxDepth = 1, NCuts = 1, MinNodeSize = 1, AdaBoostBeta = 1, SkipNormalization = true,
        NegWeightTreatment = treatment,
    };

    [Test]
    public void Train_Pray_KeepsNegativeWeightsAndBoostsThemLikeOthers()
    {
        // Tree 1: left S=3, B=-1+1=0 → purity 1 (signal leaf); right S=1, B=3 → 1/4 (background leaf).
        // Misclassified: left B(-1), left B(1), right S(1): err = (-1+1+1)/7 = 1/7, weight ln(6/7 / (1/7)) = ln 6.
        // Boost ×6 for the three, renormalised to Σw = 5: new Σw = 3 - 6 + 6 + 6 + 3 = 12, factor 5/12.
        // Tree 2: left S = 3·5/12 = 1.25, B = -6·5/12 + 6·5/12 = 0 → purity 1; right S = 6·5/12 = 2.5, B = 3·5/12 = 1.25
        // → purity 2/3. Both leaves are signal, so CleanTree merges them: one node of weight 5, purity 3.75/5 = 3/4.
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(NegativeWeightSample(), Stumps(TmvaNegativeWeightTreatment.Pray));

        Tolerance.AssertClose(1.0 / 7.0, forest.History!.ErrorFractions[0], rel: 1e-12);
        Tolerance.AssertClose(Math.Log(6), forest.Trees[0].BoostWeight, rel: 1e-12);
        DecisionTree second = forest.Trees[1];
        Assert.That(second.NodeCount, Is.EqualTo(1));
        Tolerance.AssertClose(0.75, second[0].Purity, rel: 1e-6);
        Tolerance.AssertClose(5.0, second[0].SumWeight, rel: 1e-12);
    }

    [Test]
    public void Train_InverseBoostNegWeights_ShrinksMisclassifiedNegativeEvents()
    {
        // Tree 1 as with Pray (err 1/7, weight ln 6), but the misclassified B(-1) is boosted by 1/6 instead of 6:
        // new Σw = 3 - 1/6 + 6 + 6 + 3 = 107/6, factor 5/(107/6) = 30/107.
        // Tree 2: left S = 90/107, B = (-1/6 + 6)·30/107 = 175/107 → purity 90/265 (background leaf);
        //         right S = 180/107, B = 90/107 → purity 2/3.
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(NegativeWeightSample(), Stumps(TmvaNegativeWeightTreatment.InverseBoostNegWeights));

        Tolerance.AssertClose(Math.Log(6), forest.Trees[0].BoostWeight, rel: 1e-12);
        DecisionTree second = forest.Trees[1];
        DecisionTreeNode left = second[second.FindLeaf([0f])];
        Tolerance.AssertClose(90.0 / 265.0, left.Purity, rel: 1e-6);
        Assert.That(left.NodeType, Is.EqualTo(NodeType.Background));
        Tolerance.AssertClose(2.0 / 3.0, second[second.FindLeaf([1f])].Purity, rel: 1e-6);
    }

    [Test]
    public void Train_IgnoreNegWeightsInTraining_DropsThemAndStopsWhenErrorReachesOneHalf()
    {
        // Without B(-1): tree 1 left S=3, B=1 → 3/4; right S=1, B=3 → 1/4. Misclassified B(1), S(1): err = 2/8,
        // weight ln 3; boost ×3, new Σw = 3+3+3+3 = 12, factor 4/12. Tree 2: every leaf has S = B = 1 → purity 1/2,
        // two background leaves are merged (CleanTree) into one node; its error is 1/2, so boosting stops with weight 0.
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(NegativeWeightSample(), Stumps(TmvaNegativeWeightTreatment.IgnoreNegWeightsInTraining, trees: 5));

        Tolerance.AssertClose(0.25, forest.History!.ErrorFractions[0], rel: 1e-12);
        Tolerance.AssertClose(Math.Log(3), forest.Trees[0].BoostWeight, rel: 1e-12);
        Assert.That(forest.Trees, Has.Count.EqualTo(2));
        Assert.That(forest.Trees[1].NodeCount, Is.EqualTo(1));
        Assert.That(forest.Trees[1].BoostWeight, Is.Zero);
        Assert.That(forest.History.StoppedEarly, Is.True);
        Tolerance.AssertClose(0.75, forest.Trees[0][forest.Trees[0].FindLeaf([0f])].Purity, rel: 1e-6);
    }

    [Test]
    public void Train_RealAdaBoost_UsesPurityErrorAndWeight()
    {
        // Pray weights, tree 1 purities: left 1 (2p-1 = +1), right 1/4 (2p-1 = -1/2).
        // err = Σ w·y·(2p-1) / Σw, y = ±1: left 3·1·1 + (-1)(-1)(1) + 1·(-1)·1 = 3; right 1·1·(-1/2) + 3·(-1)(-1/2) = 1;
        // err = 4/7, weight ln((1 + 4/7)/(1 - 4/7)) = ln(11/3). With one tree the score is the leaf purity.
        var options = Stumps(TmvaNegativeWeightTreatment.Pray, trees: 1);
        options.BoostType = TmvaBoostType.RealAdaBoost;
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(NegativeWeightSample(), options);

        Assert.That(forest.Output, Is.EqualTo(ForestOutput.WeightedPurityAverage));
        Tolerance.AssertClose(4.0 / 7.0, forest.History!.ErrorFractions[0], rel: 1e-12);
        Tolerance.AssertClose(Math.Log(11.0 / 3.0), forest.Trees[0].BoostWeight, rel: 1e-12);
        Tolerance.AssertClose(1.0, forest.Score([0f]), rel: 1e-6);
        Tolerance.AssertClose(0.25, forest.Score([1f]), rel: 1e-6);
    }

    [Test]
    public void Train_Normalisation_GivesEachClassHalfTheEventCount()
    {
        // 2 signal events of weight 1 and 4 background events of weight 0.5: N = 6, so each class is scaled to a sum of
        // N/2 = 3 (signal ×1.5, background ×1.5); the root then weighs 6 and has purity 1/2.
        var data = new Dataset(["x"], [[0f, 1f, 2f, 3f, 4f, 5f]], [1, 1, 0, 0, 0, 0], [1f, 1f, 0.5f, 0.5f, 0.5f, 0.5f]);
        BoostedDecisionTree(data, out DecisionTreeNode root);
        Tolerance.AssertClose(6.0, root.SumWeight, rel: 1e-12);
        Tolerance.AssertClose(0.5, root.Purity, rel: 1e-7);
    }

    private static void BoostedDecisionTree(Dataset data, out DecisionTreeNode root)
    {
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(data, new TmvaBdtOptions { NTrees = 1, MaxDepth = 1, MinNodeSize = 10 });
        root = forest.Trees[0][0];
    }
}
