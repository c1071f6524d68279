using HepMl.Analysis.Data;
using HepMl.Analysis.Metrics;
using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>Histogram gradient boosting against XGBoost 1.7 (tools/refgen/trees_reference.py): integer-valued
/// features give both libraries the same candidate partitions, so the margins must agree to float precision.</summary>
public partial class GradientBoostingTrainerTests
{
    private const double MarginTolerance = 1e-6;

    [Test]
    public void Train_BinaryWithMissingValues_MatchesXgboostMargins()
    {
        var fixture = TreeFixture.Load("xgb_binary.json");
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = 10, MaxDepth = 3, LearningRate = 0.3, L2Regularization = 1, MinChildWeight = 1, BaseScore = 0.5, ThreadCount = 1,
        };

        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(fixture.Dataset(), options);

        AssertMargins(forest, fixture, "features", "train_margin");
        AssertMargins(forest, fixture, "test_features", "test_margin");
    }

    /// <summary>Issue 5's accuracy criterion on small data: with XGBoost's settings (200 trees, depth 6, learning rate
    /// 0.1, 255 value bins + the missing bin = max_bin 256, base score 1/2) on weighted HIGGS-like data, the test AUC is
    /// no more than 0.002 below XGBoost's. The features lie on grids of at most 200 values, so both libraries see the
    /// same candidate splits (over 200 rounds, float rounding still makes some near-tied splits go another way).</summary>
    [Test]
    public void Train_IssueSettings_AreaUnderCurveWithin0002OfXgboost()
    {
        var fixture = TreeFixture.Load("xgb_auc_binned.json");
        Dataset all = fixture.Dataset();
        int trainCount = (int)fixture.Number("n_train");
        Dataset train = all.Subset(Enumerable.Range(0, trainCount).ToArray());
        Dataset test = all.Subset(Enumerable.Range(trainCount, all.RowCount - trainCount).ToArray());

        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(train, new GradientBoostingOptions
        {
            NumberOfTrees = 200, MaxDepth = 6, LearningRate = 0.1, MaxBins = 255, BaseScore = 0.5, ThreadCount = 2,
        });

        float[] scores = forest.Score(test);
        double auc = RocCurve.Compute(scores, test.Labels).AreaUnderCurve;
        double aucWeighted = RocCurve.Compute(scores, test.Labels, test.Weights).AreaUnderCurve;
        Assert.That(auc, Is.GreaterThanOrEqualTo(fixture.Number("test_auc") - 0.002), "AUC");
        Assert.That(aucWeighted, Is.GreaterThanOrEqualTo(fixture.Number("test_auc_weighted") - 0.002), "weighted AUC");
    }

    [Test]
    public void Train_L1AndLeafWiseGrowth_MatchesXgboostLossguide()
    {
        var fixture = TreeFixture.Load("xgb_l1_lossguide.json");
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = 6, MaxDepth = 0, MaxLeaves = 6, GrowthPolicy = GrowthPolicy.LeafWise, LearningRate = 0.5,
            L1Regularization = 0.5, L2Regularization = 2, MinChildWeight = 3, BaseScore = 0.5, ThreadCount = 1,
        };

        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(fixture.Dataset(), options);

        AssertMargins(forest, fixture, "features", "train_margin");
        AssertMargins(forest, fixture, "test_features", "test_margin");
        Assert.That(forest.Trees.Max(t => t.LeafCount), Is.LessThanOrEqualTo(6));
    }

    [Test]
    public void Train_SquaredError_MatchesXgboostRegression()
    {
        var fixture = TreeFixture.Load("xgb_regression.json");
        var options = new GradientBoostingOptions
        {
            Objective = BoostingObjective.SquaredError, NumberOfTrees = 8, MaxDepth = 3, LearningRate = 0.3, BaseScore = 0.5, ThreadCount = 2,
        };

        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(fixture.Dataset(labelsAreTargets: true), options);

        AssertMargins(forest, fixture, "features", "train_margin");
        AssertMargins(forest, fixture, "test_features", "test_margin");
    }

    [Test]
    public void Train_Softmax_MatchesXgboostMulticlass()
    {
        var fixture = TreeFixture.Load("xgb_multiclass.json");
        var options = new GradientBoostingOptions
        {
            Objective = BoostingObjective.MulticlassSoftmax, NumberOfTrees = 5, MaxDepth = 3, LearningRate = 0.3, BaseScore = 0.5, ThreadCount = 2,
        };

        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(fixture.Dataset(), options);

        Assert.That(forest.OutputCount, Is.EqualTo(3));
        Assert.That(forest.Trees, Has.Count.EqualTo(15));
        AssertMargins(forest, fixture, "features", "train_margin");
        AssertMargins(forest, fixture, "test_features", "test_margin");
    }

    private static void AssertMargins(BoostedDecisionTrees forest, TreeFixture fixture, string featuresKey, string marginKey)
    {
        float[][] rows = fixture.Matrix(featuresKey);
        float[][] expected = fixture.Matrix(marginKey);
        var margin = new float[forest.OutputCount];
        for (int i = 0; i < rows.Length; i++)
        {
            forest.RawScore(rows[i], margin);
            for (int k = 0; k < margin.Length; k++)
            {
                Tolerance.AssertClose(expected[i][k], margin[k], rel: MarginTolerance, abs: MarginTolerance, what: $"{marginKey}[{i}][{k}]");
            }
        }
    }
}
