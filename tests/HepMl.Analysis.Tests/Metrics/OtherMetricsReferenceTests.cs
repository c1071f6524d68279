using System.Text.Json;
using HepMl.Analysis.Metrics;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Metrics;

/// <summary>Calibration, separation, regression and multi-class metrics against scikit-learn / numpy.</summary>
public class OtherMetricsReferenceTests
{
    [TestCase("uniform", CalibrationBinning.Uniform)]
    [TestCase("quantile", CalibrationBinning.Quantile)]
    public void CalibrationCurve_MatchesSklearn(string strategy, CalibrationBinning binning)
    {
        JsonElement fixture = ClassicFixture.Load("binary_metrics.json");
        JsonElement reference = fixture.GetProperty("calibration").EnumerateArray().First(c => c.GetProperty("strategy").GetString() == strategy);

        var curve = CalibrationCurve.Compute(fixture.GetProperty("probabilities").Floats(), fixture.GetProperty("labels").Ints(), bins: 8, binning: binning);

        ClassicFixture.AssertAllClose(reference.GetProperty("mean_predicted").Doubles(), curve.MeanPredicted, 1e-7, 0, "mean predicted");
        ClassicFixture.AssertAllClose(reference.GetProperty("fraction_of_positives").Doubles(), curve.FractionOfPositives, 1e-12, 0, "fraction of positives");
    }

    [Test]
    public void CalibrationCurve_ProbabilityOutOfRange_Throws()
    {
        Assert.That(() => CalibrationCurve.Compute([0.5f, 1.5f], [0, 1]), Throws.ArgumentException.With.Message.Contains("probability 1 is 1.5"));
    }

    [Test]
    public void Separation_MatchesTmvaDefinition()
    {
        JsonElement fixture = ClassicFixture.Load("binary_metrics.json");
        float[] scores = fixture.GetProperty("scores").Floats();
        int[] labels = fixture.GetProperty("labels").Ints();
        float[] weights = fixture.GetProperty("signed_weights").Floats().Select(Math.Abs).ToArray();

        Tolerance.AssertClose(fixture.GetProperty("separation_unweighted").GetDouble(), Separation.Compute(scores, labels), 1e-9);
        Tolerance.AssertClose(fixture.GetProperty("separation_weighted").GetDouble(), Separation.Compute(scores, labels, weights), 1e-9);
    }

    [Test]
    public void Separation_ClosedForms()
    {
        Assert.That(Separation.Compute([0f, 1f, 0f, 1f], [1, 1, 0, 0]), Is.EqualTo(0));
        Assert.That(Separation.Compute([0f, 0.1f, 0.9f, 1f], [1, 1, 0, 0]), Is.EqualTo(1));
    }

    [TestCase("unweighted")]
    [TestCase("weighted")]
    public void RegressionMetrics_MatchSklearn(string name)
    {
        JsonElement fixture = ClassicFixture.Load("regression_metrics.json");
        float[] weights = name == "weighted" ? fixture.GetProperty("weights").Floats() : [];
        JsonElement reference = fixture.GetProperty(name);

        var m = RegressionMetrics.Evaluate(fixture.GetProperty("predictions").Floats(), fixture.GetProperty("targets").Floats(), weights);

        Tolerance.AssertClose(reference.GetProperty("rmse").GetDouble(), m.RootMeanSquaredError, 1e-12);
        Tolerance.AssertClose(reference.GetProperty("mae").GetDouble(), m.MeanAbsoluteError, 1e-12);
        Tolerance.AssertClose(reference.GetProperty("bias").GetDouble(), m.Bias, 1e-11);
        Tolerance.AssertClose(reference.GetProperty("r2").GetDouble(), m.CoefficientOfDetermination, 1e-12);
    }

    [Test]
    public void RegressionMetrics_NaN_Throws()
    {
        Assert.That(() => RegressionMetrics.Evaluate([1f, float.NaN], [1f, 2f]), Throws.ArgumentException.With.Message.Contains("event 1"));
    }

    [TestCase("unweighted")]
    [TestCase("weighted")]
    public void MulticlassMetrics_OneVersusRest_MatchesSklearn(string name)
    {
        JsonElement fixture = ClassicFixture.Load("multiclass_metrics.json");
        var (scores, classes) = fixture.GetProperty("scores").RowMajor();
        float[] weights = name == "weighted" ? fixture.GetProperty("weights").Floats() : [];
        JsonElement reference = fixture.GetProperty(name);

        var m = MulticlassMetrics.Evaluate(scores, classes, fixture.GetProperty("labels").Ints(), weights);

        ClassicFixture.AssertAllClose(reference.GetProperty("per_class").Doubles(), m.OneVersusRestAreaUnderRocCurve, 1e-12, 0, "per-class AUC");
        // sklearn averages AUCs of re-normalised probabilities; the per-class ranking is unchanged by that, so the
        // averages agree to rounding of the float32 inputs.
        Tolerance.AssertClose(reference.GetProperty("macro").GetDouble(), m.MacroAverageAreaUnderRocCurve, 1e-12);
        Tolerance.AssertClose(reference.GetProperty("weighted").GetDouble(), m.WeightedAverageAreaUnderRocCurve, 1e-12);
    }

    [Test]
    public void MulticlassMetrics_SingleClass_Throws()
    {
        Assert.That(() => MulticlassMetrics.Evaluate([0.5f, 0.5f, 0.4f, 0.6f], 2, [1, 1]), Throws.ArgumentException.With.Message.Contains("at least two classes"));
    }
}
