using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>Bad input: clear exceptions, or the documented behaviour.</summary>
public partial class GradientBoostingTrainerTests
{
    private static readonly GradientBoostingOptions s_quick = new() { NumberOfTrees = 3, MaxDepth = 2, ThreadCount = 1 };

    [Test]
    public void Train_ZeroRows_Throws() =>
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[]], []), s_quick),
            Throws.ArgumentException.With.Message.Contains("no events"));

    [Test]
    public void Train_NoFeatures_Throws() =>
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset([], [], [0, 1]), s_quick),
            Throws.ArgumentException.With.Message.Contains("no features"));

    [Test]
    public void Train_ClassificationWithoutLabels_Throws() =>
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[1f, 2f]]), s_quick),
            Throws.ArgumentException.With.Message.Contains("needs class labels"));

    [Test]
    public void Train_RegressionWithoutTargets_Throws()
    {
        var options = s_quick.Clone();
        options.Objective = BoostingObjective.SquaredError;
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 1]), options),
            Throws.ArgumentException.With.Message.Contains("needs regression targets"));
    }

    [Test]
    public void Train_SingleClass_Throws() =>
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[1f, 2f, 3f]], [1, 1, 1]), s_quick),
            Throws.ArgumentException.With.Message.Contains("single class"));

    [Test]
    public void Train_LabelOutsideBinary_Throws() =>
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[1f, 2f, 3f]], [0, 1, 2]), s_quick),
            Throws.ArgumentException.With.Message.Contains("labels 0..1"));

    [Test]
    public void Dataset_NonFiniteWeightOrTarget_IsRejectedBeforeTraining()
    {
        // Labels are integers (never NaN); weights and targets are checked by Dataset itself.
        Assert.That(() => new Dataset(["x"], [[1f, 2f]], [0, 1], [1f, float.NaN]), Throws.ArgumentException.With.Message.Contains("weights[1]"));
        Assert.That(() => new Dataset(["x"], [[1f, 2f]], [0, 1], [float.PositiveInfinity, 1f]), Throws.ArgumentException.With.Message.Contains("weights[0]"));
        Assert.That(() => new Dataset(["x"], [[1f, 2f]], targets: [1f, float.NaN]), Throws.ArgumentException.With.Message.Contains("targets[1]"));
        Assert.That(() => new Dataset(["x"], [[1f, 2f]], [0, -1]), Throws.ArgumentException.With.Message.Contains("labels must be >= 0"));
    }

    [Test]
    public void Train_ConstantFeatures_GivesSingleLeafTreesAtTheBaseRate()
    {
        // Nothing to split on: every tree is one leaf. The base margin is logit(ΣwS/Σw) = logit(3/4), and each leaf
        // pushes the margin towards it; with weights 1, 1, 1, 1 and labels 1, 1, 1, 0 the score stays at 3/4.
        var data = new Dataset(["a", "b"], [[5f, 5f, 5f, 5f], [float.NaN, float.NaN, float.NaN, float.NaN]], [1, 1, 1, 0]);
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, s_quick);
        Assert.That(forest.Trees.All(t => t.NodeCount == 1), Is.True);
        Tolerance.AssertClose(Math.Log(3), forest.BaseScores[0], rel: 1e-12);
        Tolerance.AssertClose(0.75, forest.Score([5f, float.NaN]), rel: 1e-6);
    }

    [TestCase(nameof(GradientBoostingOptions.NumberOfTrees), 0)]
    [TestCase(nameof(GradientBoostingOptions.LearningRate), 0.0)]
    [TestCase(nameof(GradientBoostingOptions.MaxBins), 256)]
    [TestCase(nameof(GradientBoostingOptions.RowSubsample), 1.5)]
    [TestCase(nameof(GradientBoostingOptions.MinSamplesPerLeafPercent), 60.0)]
    [TestCase(nameof(GradientBoostingOptions.L2Regularization), -1.0)]
    public void Train_OptionOutOfRange_ThrowsNamingIt(string option, object value)
    {
        var options = new GradientBoostingOptions();
        typeof(GradientBoostingOptions).GetProperty(option)!.SetValue(options, Convert.ChangeType(value, typeof(GradientBoostingOptions).GetProperty(option)!.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 1]), options),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains(option));
    }

    [Test]
    public void Train_UnlimitedDepthWithoutLeafLimit_Throws()
    {
        var options = new GradientBoostingOptions { MaxDepth = 0 };
        Assert.That(options.Validate, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("MaxLeaves"));
    }

    [Test]
    public void Train_EarlyStoppingWithoutValidation_Throws()
    {
        var options = s_quick.Clone();
        options.EarlyStoppingRounds = 2;
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 1]), options),
            Throws.ArgumentException.With.Message.Contains("validation set"));
    }

    [Test]
    public void Train_ValidationWithoutAFeature_Throws() =>
        Assert.That(() => GradientBoostingTrainer.Train(
                new Dataset(["x", "y"], [[1f, 2f], [3f, 4f]], [0, 1]), s_quick, new Dataset(["x"], [[1f]], [0])),
            Throws.ArgumentException.With.Message.Contains("no feature 'y'"));

    [Test]
    public void Train_AbsoluteErrorWithKeptNegativeWeights_Throws()
    {
        var options = s_quick.Clone();
        options.Objective = BoostingObjective.AbsoluteError;
        var data = new Dataset(["x"], [[1f, 2f, 3f]], weights: [1f, -0.5f, 1f], targets: [1f, 2f, 3f]);
        Assert.That(() => GradientBoostingTrainer.Train(data, options), Throws.ArgumentException.With.Message.Contains("AbsoluteError"));
        options.NegativeWeightPolicy = NegativeWeightPolicy.IgnoreInTraining;
        Assert.That(GradientBoostingTrainer.Train(data, options).RoundCount, Is.EqualTo(3));
    }

    [Test]
    public void Train_CancelledToken_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.That(() => GradientBoostingTrainer.Train(new Dataset(["x"], [[1f, 2f]], [0, 1]), s_quick, cancellationToken: source.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
