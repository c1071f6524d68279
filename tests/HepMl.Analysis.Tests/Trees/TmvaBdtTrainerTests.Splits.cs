using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.Analysis.Trees.Internal;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>TMVA's cut search: the nCuts grid, the exact scan and its quirks, the separation criteria, MinNodeSize,
/// CleanTree, bagging and randomised trees.</summary>
public partial class TmvaBdtTrainerTests
{
    // x = 0..10; x <= 3 background, x >= 4 signal.
    private static Dataset Ramp() =>
        new(["x"], [Enumerable.Range(0, 11).Select(i => (float)i).ToArray()], Enumerable.Range(0, 11).Select(i => i >= 4 ? 1 : 0).ToArray());

    [Test]
    public void Train_GridCuts_PicksTheGridPointAndTmvaCutType()
    {
        // nCuts=4 on [0, 10]: 5 bins of width 2, candidate cuts 2, 4, 6, 8. The cut at 4 separates perfectly.
        // cType: the low side (x < 4) holds 0/7 of the signal and 4/4 of the background; 0 > 1 is false, so cType is
        // false and the x >= 4 events (signal) go left.
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(Ramp(), new TmvaBdtOptions { NTrees = 1, MaxDepth = 1, NCuts = 4, MinNodeSize = 5 });
        DecisionTreeNode root = forest.Trees[0][0];
        Assert.That(root.Threshold, Is.EqualTo(4f));
        Assert.That(root.CutType, Is.False);
        Assert.That(forest.Trees[0][root.Left].Purity, Is.EqualTo(1f));
        Assert.That(forest.Score([5f]), Is.EqualTo(1f));
        Assert.That(forest.Score([3f]), Is.EqualTo(-1f));
    }

    [Test]
    public void Train_ExactCuts_ReproducesTmvaCumulativeOffByOne()
    {
        // TMVA's TrainNodeFull evaluates the cut between sorted events i-1 and i with cumulative weights that already
        // include event i. Between x=2 and x=3 the evaluated low side is {0,1,2,3} (all background) and the high side
        // all signal: a perfect score, so TMVA cuts at 2.5 (not 3.5), and x=3 lands with the signal.
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(Ramp(), new TmvaBdtOptions { NTrees = 1, MaxDepth = 1, NCuts = -1, MinNodeSize = 5 });
        Assert.That(forest.Trees[0][0].Threshold, Is.EqualTo(2.5f));
    }

    // Parent S=4, B=4 split into (S=3, B=1) and (S=1, B=3): purities 1/2, 3/4, 1/4, each child holding half the weight.
    //   Gini 2p(1-p):           0.5 - (0.375 + 0.375)/2                      = 0.125
    //   Gini with Laplace:      (16+4+4+1)/10² - 2·((3+3+1+1)/6²)/2 = 0.25 - 8/36 = 0.0277…
    //   Cross-entropy (log2):   1 - H2(1/4) = 1 - 0.811278124459133          = 0.188721875540867
    //   Misclassification:      0.5 - (0.25 + 0.25)/2                        = 0.25
    //   S/√(S+B) (count-weighted, over N): (8·4/√8 - 4·3/√4 - 4·1/√4)/8       = (11.3137085 - 8)/8 = 0.414213562
    [TestCase(TmvaSeparationType.GiniIndex, 0.125)]
    [TestCase(TmvaSeparationType.GiniIndexWithLaplace, 0.25 - (8.0 / 36.0))]
    [TestCase(TmvaSeparationType.CrossEntropy, 0.188721875540867)]
    [TestCase(TmvaSeparationType.MisClassificationError, 0.25)]
    [TestCase(TmvaSeparationType.SDivSqrtSPlusB, 0.414213562373095)]
    public void SeparationGain_MatchesTmvaFormulas(TmvaSeparationType type, double expected)
    {
        Tolerance.AssertClose(expected, TmvaSeparation.Gain(type, 3, 1, 4, 4), rel: 1e-12);
        Tolerance.AssertClose(expected, TmvaSeparation.Gain(type, 1, 3, 4, 4), rel: 1e-12);
        Assert.That(TmvaSeparation.Gain(type, 2, 2, 4, 4), Is.Zero, "a split into two copies of the parent gains nothing");
    }

    [Test]
    public void Train_MinNodeSize_EveryLeafHoldsEnoughEvents()
    {
        Dataset data = SyntheticSample(2000, seed: 7);
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(data, new TmvaBdtOptions { NTrees = 20, MaxDepth = 4, MinNodeSize = 2.5 });
        double minimum = 0.025 * data.RowCount;
        foreach (DecisionTree tree in forest.Trees)
        {
            foreach (DecisionTreeNode node in tree.Nodes)
            {
                Assert.That(node.EventCount, Is.GreaterThanOrEqualTo(minimum));
            }
        }
    }

    [Test]
    public void Train_YesNoLeaf_CleanTreeLeavesNoSplitBetweenLeavesOfOneType()
    {
        Dataset data = SyntheticSample(2000, seed: 8);
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(data, new TmvaBdtOptions { NTrees = 30, MaxDepth = 3 });
        foreach (DecisionTree tree in forest.Trees)
        {
            foreach (DecisionTreeNode node in tree.Nodes)
            {
                if (!node.IsLeaf && tree[node.Left].IsLeaf && tree[node.Right].IsLeaf)
                {
                    Assert.That(tree[node.Left].NodeType, Is.Not.EqualTo(tree[node.Right].NodeType));
                }
            }
        }
    }

    [Test]
    public void Train_BaggingRandomForest_ScoreIsTheMeanLeafTypeAndSeedReproducible()
    {
        Dataset data = SyntheticSample(1500, seed: 9);
        var options = new TmvaBdtOptions
        {
            NTrees = 25, MaxDepth = 3, BoostType = TmvaBoostType.Bagging, UseRandomisedTrees = true, UseNvars = 2, Seed = 3,
        };
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(data, options);
        BoostedDecisionTrees again = TmvaBdtTrainer.Train(data, options);
        options.Seed = 4;
        BoostedDecisionTrees other = TmvaBdtTrainer.Train(data, options);

        float[] scores = forest.Score(data);
        Assert.That(again.Score(data), Is.EqualTo(scores));
        Assert.That(other.Score(data), Is.Not.EqualTo(scores));
        var x = new float[data.FeatureCount];
        for (int i = 0; i < 50; i++)
        {
            data.CopyRow(i, x);
            double mean = forest.Trees.Average(t => (int)t[t.FindLeaf(x)].NodeType);
            Tolerance.AssertClose(mean, scores[i], rel: 1e-6, abs: 1e-7);
        }
    }

    internal static Dataset SyntheticSample(int rows, int seed)
    {
        var random = new Random(seed);
        var columns = new float[4][];
        for (int j = 0; j < 4; j++)
        {
            columns[j] = new float[rows];
        }

        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            labels[i] = i % 2;
            for (int j = 0; j < 4; j++)
            {
                columns[j][i] = (float)(random.NextDouble() + (labels[i] * 0.4 * (j + 1) / 4));
            }
        }

        return new Dataset(["a", "b", "c", "d"], columns, labels);
    }
}
