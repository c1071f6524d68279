using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.Analysis.Trees.Internal;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>Scoring: TMVA's own test vectors, the vector kernel against its scalar twin and a plain tree walk,
/// allocation, staged and row-major scoring.</summary>
public partial class BoostedDecisionTreesTests
{
    [TestCase("bdt_adaboost_apmorris", "TMVAClassification_BDT.weights.xml")]
    [TestCase("bdtg_depth2_apmorris", "TMVAClassification_BDTG.weights.xml")]
    [TestCase("bdtg_depth7_bortigno", null)]
    public void Score_TmvaWeightFile_MatchesTmvaReaderReference(string caseName, string? fileName)
    {
        fileName ??= Directory.GetFiles(SharedData.Shared("data", "tmva", caseName), "*.weights.xml").Select(Path.GetFileName).Single();
        BoostedDecisionTrees forest = TmvaWeightFileForest.Load(caseName, fileName!);
        (float[][] inputs, double[] expected) = TmvaWeightFileForest.Vectors(caseName);

        var rowMajor = inputs.SelectMany(r => r).ToArray();
        var batch = new float[inputs.Length];
        forest.ScoreRowMajor(rowMajor, batch);

        for (int i = 0; i < inputs.Length; i++)
        {
            Tolerance.AssertClose(expected[i], forest.Score(inputs[i]), rel: 1e-6, abs: 1e-7, what: $"{caseName} row {i}");
            Assert.That(batch[i], Is.EqualTo(forest.Score(inputs[i])), $"batch row {i}");
        }
    }

    [Test]
    public void Score_VectorKernel_EqualsScalarTwinAndTreeWalk_ForEveryBatchLength()
    {
        BoostedDecisionTrees forest = SmallForest(out Dataset data);
        for (int rows = 0; rows <= 257; rows += rows < 40 ? 1 : 31)
        {
            AssertVectorEqualsScalarAndWalk(forest, data.Subset(Enumerable.Range(0, rows).ToArray()), $"{rows} rows");
        }
    }

    [Test]
    public void Score_SingleEvent_DoesNotAllocate()
    {
        BoostedDecisionTrees forest = SmallForest(out Dataset data);
        var row = new float[data.FeatureCount];
        data.CopyRow(3, row);
        float first = forest.Score(row);

        long before = GC.GetAllocatedBytesForCurrentThread();
        float sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += forest.Score(row);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
        Assert.That(sum, Is.EqualTo(1000 * first).Within(1e-2));
    }

    [Test]
    public void ScoreStaged_EqualsScoreWithRoundLimit()
    {
        BoostedDecisionTrees forest = SmallForest(out Dataset data);
        float[][] staged = forest.ScoreStaged(data, [20, 1, 7]);
        Assert.That(staged[0], Is.EqualTo(forest.Score(data)));
        Assert.That(staged[1], Is.EqualTo(forest.Score(data, rounds: 1)));
        Assert.That(staged[2], Is.EqualTo(forest.Score(data, rounds: 7)));
        Assert.That(() => forest.Score(data, rounds: 21), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ScoreRowMajor_EqualsColumnScore_AndColumnsAreMatchedByName()
    {
        BoostedDecisionTrees forest = SmallForest(out Dataset data);
        var rowMajor = new float[data.RowCount * data.FeatureCount];
        data.CopyRowMajor(rowMajor);
        var scores = new float[data.RowCount];
        forest.ScoreRowMajor(rowMajor, scores);
        Assert.That(scores, Is.EqualTo(forest.Score(data)));

        // The same events with the columns in another order and one extra column.
        int[] order = [2, 0, 1];
        var permuted = new Dataset(
            ["extra", .. order.Select(j => data.FeatureNames[j])],
            [new float[data.RowCount], .. order.Select(j => data.Column(j).ToArray())],
            data.Labels.ToArray());
        Assert.That(forest.Score(permuted), Is.EqualTo(scores));
        var missing = new Dataset(["x0", "x1"], [data.Column(0).ToArray(), data.Column(1).ToArray()]);
        Assert.That(() => forest.Score(missing), Throws.ArgumentException.With.Message.Contains("no feature 'x2'"));
    }

    /// <summary>Depths 1..8 reach every node lookup of the vector kernel: permuted tables (levels 0-2, 3, 4, 5) and
    /// gathers below.</summary>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(8)]
    public void Score_VectorKernel_EqualsScalarTwinAndTreeWalk_AtEveryDepth(int depth)
    {
        SmallForest(out Dataset data);
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, new GradientBoostingOptions
        {
            NumberOfTrees = 3, MaxDepth = depth, MinChildWeight = 0.01, ThreadCount = 1,
        });
        Assert.That(forest.Trees.Max(t => t.Depth), Is.EqualTo(depth));
        AssertVectorEqualsScalarAndWalk(forest, data, $"depth {depth}");
    }

    /// <summary>Raw scores of the vector kernel equal the scalar twin's, which equal a walk of every tree.</summary>
    private static void AssertVectorEqualsScalarAndWalk(BoostedDecisionTrees forest, Dataset data, string what)
    {
        bool saved = ForestKernels.Avx2Enabled;
        try
        {
            ForestKernels.Avx2Enabled = true;
            float[] vector = forest.RawScore(data);
            ForestKernels.Avx2Enabled = false;
            float[] scalar = forest.RawScore(data);
            Assert.That(vector, Is.EqualTo(scalar), what);
            for (int i = 0; i < data.RowCount; i++)
            {
                Assert.That(scalar[i], Is.EqualTo(WalkMargin(forest, data, i)), $"row {i}, {what}");
            }
        }
        finally
        {
            ForestKernels.Avx2Enabled = saved;
        }
    }

    [Test]
    public void Score_DeepTree_UsesGeneralLayoutAndMatchesWalk()
    {
        // A chain of 14 cuts, too deep for the complete-tree layout: internal node k at index 2k has a leaf on the
        // left (2k + 1) and the next internal node on the right (2k + 2); the last one ends in two leaves.
        var nodes = new List<DecisionTreeNode>();
        for (int k = 0; k < 14; k++)
        {
            nodes.Add(new DecisionTreeNode
            {
                Left = (2 * k) + 1, Right = (2 * k) + 2, Feature = k % 2, Threshold = k, CutType = k % 3 != 0,
                MissingGoesRight = k % 2 == 0, Depth = k,
            });
            nodes.Add(new DecisionTreeNode { Response = k, Depth = k + 1 });
        }

        nodes.Add(new DecisionTreeNode { Response = 100, Depth = 14 });
        var fixedNodes = nodes;
        var tree = new DecisionTree(fixedNodes.ToArray());
        var forest = new BoostedDecisionTrees(["a", "b"], LearningTask.Regression, 0, ForestOutput.Sum, [tree]);
        Assert.That(tree.Depth, Is.EqualTo(14));
        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            float[] x = [random.Next(-2, 16) + (i % 7 == 0 ? float.NaN : 0), random.Next(-2, 16)];
            Assert.That(forest.Score(x), Is.EqualTo(tree[tree.FindLeaf(x)].Response), $"event {i}");
        }
    }

    private static readonly Lazy<(BoostedDecisionTrees Forest, Dataset Data)> s_smallForest = new(TrainSmallForest);

    /// <summary>A 20-tree forest on 600 events with 5% NaN (trained once per test run).</summary>
    internal static BoostedDecisionTrees SmallForest(out Dataset data)
    {
        (BoostedDecisionTrees forest, data) = s_smallForest.Value;
        return forest;
    }

    private static (BoostedDecisionTrees Forest, Dataset Data) TrainSmallForest()
    {
        var random = new Random(42);
        int n = 600;
        var columns = new float[3][];
        for (int j = 0; j < 3; j++)
        {
            columns[j] = new float[n];
        }

        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                columns[j][i] = random.NextDouble() < 0.05 ? float.NaN : (float)random.NextDouble();
            }

            labels[i] = columns[0][i] + (0.5 * columns[1][i]) + (0.3 * random.NextDouble()) > 0.9 ? 1 : 0;
        }

        var data = new Dataset(["x0", "x1", "x2"], columns, labels);
        return (GradientBoostingTrainer.Train(data, new GradientBoostingOptions { NumberOfTrees = 20, MaxDepth = 4, ThreadCount = 2 }), data);
    }

    /// <summary>Margin by walking every tree with <see cref="DecisionTree.FindLeaf"/>: base + Σ response, in double.</summary>
    private static float WalkMargin(BoostedDecisionTrees forest, Dataset data, int row)
    {
        var x = new float[data.FeatureCount];
        data.CopyRow(row, x);
        double sum = 0;
        foreach (DecisionTree tree in forest.Trees)
        {
            sum += tree[tree.FindLeaf(x)].Response;
        }

        return (float)(forest.BaseScores[0] + sum);
    }
}
