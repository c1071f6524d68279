using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>Early stopping, importance, leaf-size limits, sampling, threading and the robust regression losses.</summary>
public partial class GradientBoostingTrainerTests
{
    [Test]
    public void Train_EarlyStopping_KeepsTheBestRoundOfTheValidationLoss()
    {
        Dataset train = NoisySample(400, seed: 1), validation = NoisySample(400, seed: 2);
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = 300, MaxDepth = 6, LearningRate = 0.5, MinChildWeight = 0, EarlyStoppingRounds = 10, ThreadCount = 2,
        };
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(train, options, validation);

        TrainingHistory history = forest.History!;
        Assert.That(history.StoppedEarly, Is.True);
        Assert.That(history.MetricName, Is.EqualTo("logloss"));
        int best = history.ValidationMetric.Select((v, i) => (v, i)).MinBy(p => p.v).i + 1;
        Assert.That(history.BestRound, Is.EqualTo(best));
        Assert.That(forest.RoundCount, Is.EqualTo(best));
        Assert.That(history.ValidationMetric, Has.Count.EqualTo(best + 10));
    }

    [Test]
    public void Train_Validation_RecordsAreaUnderCurvePerRound()
    {
        Dataset train = NoisySample(300, seed: 3), validation = NoisySample(300, seed: 4);
        var options = new GradientBoostingOptions { NumberOfTrees = 5, EarlyStoppingMetric = EarlyStoppingMetric.AreaUnderRocCurve, ThreadCount = 1 };
        var reports = new List<BoostingProgress>();
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(train, options, validation, new SynchronousProgress(reports));

        Assert.That(forest.History!.MetricName, Is.EqualTo("auc"));
        double last = HepMl.Analysis.Metrics.RocCurve.Compute(forest.Score(validation), validation.Labels, validation.Weights).AreaUnderCurve;
        Tolerance.AssertClose(last, forest.History.ValidationMetric[^1], rel: 1e-12);
        Assert.That(reports.Select(r => r.Round), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void FeatureImportance_AddsUpTheSplits()
    {
        Dataset data = NoisySample(500, seed: 5);
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, new GradientBoostingOptions { NumberOfTrees = 10, MaxDepth = 3 });

        double[] counts = forest.FeatureImportance(ImportanceType.SplitCount);
        double[] gains = forest.FeatureImportance(ImportanceType.TotalGain);
        double[] average = forest.FeatureImportance(ImportanceType.AverageGain);
        Assert.That(counts.Sum(), Is.EqualTo(forest.Trees.Sum(t => t.NodeCount - t.LeafCount)));
        Tolerance.AssertClose(forest.Trees.Sum(t => t.Nodes.ToArray().Where(n => !n.IsLeaf).Sum(n => n.Gain)), gains.Sum(), rel: 1e-12);
        for (int f = 0; f < counts.Length; f++)
        {
            Tolerance.AssertClose(counts[f] > 0 ? gains[f] / counts[f] : 0, average[f], rel: 1e-12);
        }

        // The label depends on x0 most, then x1; x2 is noise.
        IReadOnlyList<VariableRank> ranking = forest.VariableRanking();
        Assert.That(ranking.Select(r => r.Name).Take(2), Is.EqualTo(new[] { "x0", "x1" }));
        Tolerance.AssertClose(1.0, ranking.Sum(r => r.Importance), rel: 1e-12);
    }

    [Test]
    public void Train_MinSamplesPerLeafPercent_EveryLeafHoldsEnoughEvents()
    {
        Dataset data = NoisySample(1000, seed: 6);
        var options = new GradientBoostingOptions { NumberOfTrees = 5, MaxDepth = 8, MinChildWeight = 0, MinSamplesPerLeafPercent = 4, ThreadCount = 2 };
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, options);
        Assert.That(forest.Trees.SelectMany(t => t.Nodes.ToArray()).Min(n => n.EventCount), Is.GreaterThanOrEqualTo(40));
    }

    [Test]
    public void Train_IsIndependentOfThreadCount_AndReproducibleWithSampling()
    {
        Dataset data = NoisySample(20000, seed: 7);
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = 8, MaxDepth = 5, RowSubsample = 0.7, ColumnSubsamplePerTree = 0.67, ColumnSubsamplePerNode = 0.8, Seed = 11, ThreadCount = 1,
        };
        float[] single = GradientBoostingTrainer.Train(data, options).Score(data);
        options.ThreadCount = 2;
        float[] two = GradientBoostingTrainer.Train(data, options).Score(data);
        options.Seed = 12;
        float[] otherSeed = GradientBoostingTrainer.Train(data, options).Score(data);
        Assert.That(two, Is.EqualTo(single));
        Assert.That(otherSeed, Is.Not.EqualTo(single));
    }

    [TestCase(float.NegativeInfinity, -1e30f)]
    [TestCase(float.PositiveInfinity, 1e30f)]
    [TestCase(float.NegativeInfinity, float.MinValue)]
    [TestCase(float.PositiveInfinity, float.MaxValue)]
    public void Train_InfiniteValues_AreSplitFromTheirNeighbour(float infinite, float neighbour)
    {
        // Signal at the infinite value, background at its finite neighbour: one stump must separate them, and the
        // float scoring must send each value to its own side. Base margin 0 (balanced classes), so each leaf holds
        // 100 events with g = ∓1/2, h = 1/4: value ±50 / (25 + λ) with λ = 1.
        const int n = 200;
        var x = new float[n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            x[i] = labels[i] == 1 ? infinite : neighbour;
        }

        var data = new Dataset(["x"], [x], labels);
        var options = new GradientBoostingOptions { NumberOfTrees = 1, MaxDepth = 1, LearningRate = 1, MinChildWeight = 0 };
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, options);
        DecisionTree tree = forest.Trees.Single();
        Assert.That(tree.NodeCount, Is.EqualTo(3), "one split");
        double leaf = 50.0 / 26.0;
        Tolerance.AssertClose(1 / (1 + Math.Exp(-leaf)), forest.Score([infinite]), rel: 1e-6, what: "score at the infinite value");
        Tolerance.AssertClose(1 / (1 + Math.Exp(leaf)), forest.Score([neighbour]), rel: 1e-6, what: "score at its neighbour");
    }

    [Test]
    public void Train_LeafWise_RespectsTheLeafBudget()
    {
        Dataset data = NoisySample(2000, seed: 8);
        var options = new GradientBoostingOptions { NumberOfTrees = 4, MaxDepth = 0, MaxLeaves = 7, GrowthPolicy = GrowthPolicy.LeafWise, MinChildWeight = 0 };
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, options);
        Assert.That(forest.Trees.Select(t => t.LeafCount), Is.All.EqualTo(7));
    }

    [Test]
    public void Train_AbsoluteError_LeavesAreWeightedMediansOfResiduals()
    {
        // Targets: x=0 → {1, 2, 10}, x=1 → {5, 6, 7}. Base = median of all = 5 (sorted 1 2 5 6 7 10, half weight at 5).
        // Residuals y - 5: left {-4, -3, 5} → median -3; right {0, 1, 2} → median 1. Predictions 2 and 6.
        var data = new Dataset(["x"], [[0f, 0f, 0f, 1f, 1f, 1f]], targets: [1f, 2f, 10f, 5f, 6f, 7f]);
        var options = new GradientBoostingOptions
        {
            Objective = BoostingObjective.AbsoluteError, NumberOfTrees = 1, MaxDepth = 1, LearningRate = 1, L2Regularization = 0, MinChildWeight = 0,
        };
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, options);
        Assert.That(forest.BaseScores[0], Is.EqualTo(5.0));
        Assert.That(forest.Score([0f]), Is.EqualTo(2f));
        Assert.That(forest.Score([1f]), Is.EqualTo(6f));
    }

    [Test]
    public void Train_Huber_UsesClippedResiduals()
    {
        // Same data, δ = 1, base 5 (median). Gradients clip(5 - y, -1, 1): left {1, 1, -1} → G = 1, H = 3 → leaf -1/3;
        // right {0, -1, -1} → G = -2 → leaf 2/3. Predictions 4 2/3 and 5 2/3.
        var data = new Dataset(["x"], [[0f, 0f, 0f, 1f, 1f, 1f]], targets: [1f, 2f, 10f, 5f, 6f, 7f]);
        var options = new GradientBoostingOptions
        {
            Objective = BoostingObjective.Huber, HuberDelta = 1, NumberOfTrees = 1, MaxDepth = 1, LearningRate = 1, L2Regularization = 0, MinChildWeight = 0,
        };
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, options);
        Tolerance.AssertClose(5 - (1.0 / 3.0), forest.Score([0f]), rel: 1e-6);
        Tolerance.AssertClose(5 + (2.0 / 3.0), forest.Score([1f]), rel: 1e-6);
    }

    [Test]
    public void Train_TightHistogramBudget_RebuildsInsteadOfSubtracting()
    {
        // With room for one live histogram the subtraction trick is mostly replaced by building both children from
        // their events: the same splits, margins equal up to the rounding of the sums.
        Dataset data = NoisySample(3000, seed: 9);
        foreach (GrowthPolicy policy in new[] { GrowthPolicy.DepthWise, GrowthPolicy.LeafWise })
        {
            var options = new GradientBoostingOptions { NumberOfTrees = 5, MaxDepth = 6, MaxLeaves = 20, GrowthPolicy = policy, ThreadCount = 2 };
            float[] normal = GradientBoostingTrainer.Train(data, options).RawScore(data);
            float[] tight;
            try
            {
                HepMl.Analysis.Trees.Internal.HistogramTreeGrower.HistogramBudgetOverride = 1;
                tight = GradientBoostingTrainer.Train(data, options).RawScore(data);
            }
            finally
            {
                HepMl.Analysis.Trees.Internal.HistogramTreeGrower.HistogramBudgetOverride = null;
            }

            for (int i = 0; i < normal.Length; i++)
            {
                Tolerance.AssertClose(normal[i], tight[i], rel: 1e-5, abs: 1e-5, what: $"{policy} event {i}");
            }
        }
    }

    private static Dataset NoisySample(int rows, int seed)
    {
        var random = new Random(seed);
        var columns = new float[3][];
        for (int j = 0; j < 3; j++)
        {
            columns[j] = new float[rows];
        }

        var labels = new int[rows];
        var weights = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                columns[j][i] = (float)random.NextDouble();
            }

            double logit = (4 * (columns[0][i] - 0.5)) + (2 * (columns[1][i] - 0.5)) + (2 * (random.NextDouble() - 0.5));
            labels[i] = logit > 0 ? 1 : 0;
            weights[i] = random.NextDouble() < 0.1 ? 2f : 1f;
        }

        return new Dataset(["x0", "x1", "x2"], columns, labels, weights);
    }

    private sealed class SynchronousProgress(List<BoostingProgress> reports) : IProgress<BoostingProgress>
    {
        public void Report(BoostingProgress value) => reports.Add(value);
    }
}
