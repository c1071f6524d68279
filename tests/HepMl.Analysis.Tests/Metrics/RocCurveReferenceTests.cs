using System.Text.Json;
using HepMl.Analysis.Metrics;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Metrics;

/// <summary>ROC curves, AUCs and working points against scikit-learn (and a numpy pair sum for negative weights).</summary>
public class RocCurveReferenceTests
{
    private static readonly JsonElement s_fixture = ClassicFixture.Load("binary_metrics.json");

    private static IEnumerable<string> Cases() => ["unweighted", "weighted", "negative_weights"];

    [TestCaseSource(nameof(Cases))]
    public void Compute_MatchesReferenceCurveAndArea(string name)
    {
        var (scores, labels, weights, reference) = Load(name);

        RocCurve roc = RocCurve.Compute(scores, labels, weights);

        Tolerance.AssertClose(reference.GetProperty("auc").GetDouble(), roc.AreaUnderCurve, 1e-12, 1e-15, "AUC");
        Tolerance.AssertClose(reference.GetProperty("auc").GetDouble(), AreaUnderRocCurve.Compute(scores, labels, weights), 1e-12, 1e-15, "fast AUC");
        ClassicFixture.AssertAllClose(reference.GetProperty("tpr").Doubles(), roc.SignalEfficiency, 1e-9, 1e-12, "tpr");
        ClassicFixture.AssertAllClose(reference.GetProperty("fpr").Doubles(), roc.BackgroundEfficiency, 1e-9, 1e-12, "fpr");
        double[] thresholds = reference.GetProperty("thresholds").Doubles();
        ClassicFixture.AssertAllClose(thresholds, roc.Thresholds.Skip(1).ToArray(), 0, 0, "thresholds");
    }

    [Test]
    public void BackgroundEfficiencyAtSignalEfficiency_MatchesLinearInterpolation()
    {
        foreach (string name in new[] { "unweighted", "weighted" })
        {
            var (scores, labels, weights, reference) = Load(name);
            RocCurve roc = RocCurve.Compute(scores, labels, weights);
            double[] targets = reference.GetProperty("signal_efficiency_targets").Doubles();
            double[] expected = reference.GetProperty("background_efficiency_at").Doubles();
            for (int i = 0; i < targets.Length; i++)
            {
                Tolerance.AssertClose(expected[i], roc.BackgroundEfficiencyAtSignalEfficiency(targets[i]), 1e-9, 1e-12, $"{name} eff_B at eff_S={targets[i]}");
                Tolerance.AssertClose(1 / expected[i], roc.BackgroundRejectionAtSignalEfficiency(targets[i]), 1e-9, 0, $"{name} rejection");
            }
        }
    }

    [Test]
    public void ThresholdFigures_MatchSklearn()
    {
        foreach (string name in new[] { "unweighted", "weighted" })
        {
            var (scores, labels, weights, reference) = Load(name);
            float[] probabilities = s_fixture.GetProperty("probabilities").Floats();

            var m = BinaryClassificationMetrics.Evaluate(probabilities, labels, weights, threshold: 0.5);

            double[][] confusion = reference.GetProperty("confusion").DoubleRows();
            for (int t = 0; t < 2; t++)
            {
                for (int p = 0; p < 2; p++)
                {
                    Tolerance.AssertClose(confusion[t][p], m.ConfusionMatrix[t, p], 1e-9, 1e-9, $"{name} confusion[{t},{p}]");
                }
            }

            Tolerance.AssertClose(reference.GetProperty("accuracy").GetDouble(), m.Accuracy, 1e-9, 0, $"{name} accuracy");
            Tolerance.AssertClose(reference.GetProperty("precision").GetDouble(), m.Precision, 1e-9, 0, $"{name} precision");
            Tolerance.AssertClose(reference.GetProperty("recall").GetDouble(), m.Recall, 1e-9, 0, $"{name} recall");
            Tolerance.AssertClose(reference.GetProperty("specificity").GetDouble(), m.Specificity, 1e-9, 0, $"{name} specificity");
            Tolerance.AssertClose(reference.GetProperty("f1").GetDouble(), m.F1Score, 1e-9, 0, $"{name} F1");
            Tolerance.AssertClose(reference.GetProperty("auc").GetDouble(), m.AreaUnderRocCurve, 1e-12, 0, $"{name} AUC of the sigmoid (monotone)");
        }
    }

    [Test]
    public void SignificanceImprovement_IsEfficiencyOverRootBackground()
    {
        // Three signal scores (0.9, 0.8, 0.3) and four background (0.85, 0.4, 0.2, 0.1).
        // Points after 0.9: (1/3, 0); after 0.85: (1/3, 1/4) -> SIC 2/3; after 0.8: (2/3, 1/4) -> 4/3;
        // after 0.4: (2/3, 1/2) -> 0.9428; after 0.3: (1, 1/2) -> 1.4142; after 0.2: (1, 3/4); after 0.1: (1, 1).
        RocCurve roc = RocCurve.Compute([0.9f, 0.8f, 0.3f, 0.85f, 0.4f, 0.2f, 0.1f], [1, 1, 1, 0, 0, 0, 0]);
        Tolerance.AssertClose(Math.Sqrt(2), roc.MaximumSignificanceImprovement());
        Tolerance.AssertClose(1 / Math.Sqrt(0.75), roc.MaximumSignificanceImprovement(minimumBackgroundEfficiency: 0.6));
        var (efficiency, improvement) = roc.SignificanceImprovementCurve();
        Assert.That(efficiency, Has.Length.EqualTo(6));
        Tolerance.AssertClose(4.0 / 3.0, improvement[1]);
    }

    [Test]
    public void AreaUnderRocCurve_BadInput_Throws()
    {
        Assert.That(() => AreaUnderRocCurve.Compute([], []), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => AreaUnderRocCurve.Compute([0.1f, 0.2f], [1, 1]), Throws.ArgumentException.With.Message.Contains("both classes"));
        Assert.That(() => AreaUnderRocCurve.Compute([0.1f, float.NaN], [1, 0]), Throws.ArgumentException.With.Message.Contains("score 1 is NaN"));
        Assert.That(() => AreaUnderRocCurve.Compute([0.1f, 0.2f], [1, 2]), Throws.ArgumentException.With.Message.Contains("label 1 is 2"));
        Assert.That(() => AreaUnderRocCurve.Compute([0.1f, 0.2f], [1, 0], [1f]), Throws.ArgumentException.With.Message.Contains("1 weights for 2 scores"));
    }

    [Test]
    public void AreaUnderRocCurve_SignedZeroAndExtremes_AreOrderedCorrectly()
    {
        // -0 and +0 tie; -inf and +inf order at the ends. Signal {+inf, 0}, background {-0, -inf}.
        // Pairs: inf beats both (2), 0 ties -0 (0.5) and beats -inf (1): 3.5 of 4.
        Tolerance.AssertClose(3.5 / 4, AreaUnderRocCurve.Compute([float.PositiveInfinity, 0f, -0f, float.NegativeInfinity], [1, 1, 0, 0]));
    }

    private static (float[] Scores, int[] Labels, float[] Weights, JsonElement Reference) Load(string name)
    {
        JsonElement reference = s_fixture.GetProperty("roc").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);
        float[] weights = reference.GetProperty("weights").ValueKind == JsonValueKind.Null ? [] : reference.GetProperty("weights").Floats();
        return (s_fixture.GetProperty("scores").Floats(), s_fixture.GetProperty("labels").Ints(), weights, reference);
    }
}
