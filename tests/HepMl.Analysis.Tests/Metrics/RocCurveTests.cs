using HepMl.Analysis.Metrics;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Metrics;

public class RocCurveTests
{
    [Test]
    public void Compute_TwoUnitGaussians_AreaMatchesClosedForm()
    {
        // Signal ~ N(d, 1), background ~ N(0, 1): AUC = Phi(d / sqrt(2)). For d = 1, Phi(0.70710678) = 0.7602499389.
        var random = new Random(12345);
        const int n = 200_000;
        var scores = new float[2 * n];
        var labels = new int[2 * n];
        for (int i = 0; i < n; i++)
        {
            scores[i] = (float)(1.0 + Normal(random));
            labels[i] = 1;
            scores[n + i] = (float)Normal(random);
        }

        RocCurve roc = RocCurve.Compute(scores, labels);

        // Statistical error of the AUC estimate at this n is about 1e-3; allow 4 sigma.
        Tolerance.AssertClose(0.7602499389, roc.AreaUnderCurve, abs: 4e-3);
    }

    [Test]
    public void Compute_SmallWeightedCase_MatchesPairCounting()
    {
        // Signal scores 0.9 (w 2), 0.4 (w 1); background 0.5 (w 1), 0.4 (w 3), 0.1 (w 1).
        // Pairs (s beats b, ties half): 0.9 beats all background: 2 * 5 = 10;
        // 0.4 vs 0.5: 0; vs 0.4 tie: 1 * 3 * 0.5 = 1.5; vs 0.1: 1 * 1 = 1. Total 12.5 of 3 * 5 = 15 -> 0.8333...
        float[] scores = [0.9f, 0.4f, 0.5f, 0.4f, 0.1f];
        int[] labels = [1, 1, 0, 0, 0];
        float[] weights = [2, 1, 1, 3, 1];

        RocCurve roc = RocCurve.Compute(scores, labels, weights);

        Tolerance.AssertClose(12.5 / 15.0, roc.AreaUnderCurve);
        Assert.That(roc.SignalEfficiency[^1], Is.EqualTo(1.0));
        Assert.That(roc.BackgroundEfficiency[^1], Is.EqualTo(1.0));
    }

    [Test]
    public void Compute_NegativeWeights_AreaEqualsSignedPairSum()
    {
        // Signal 0.8 (w 2), 0.3 (w -1); background 0.5 (w 1), 0.2 (w 1).
        // Signed pair sum: 0.8 beats both: 2 * 2 = 4; 0.3 beats 0.2 only: -1 * 1 = -1. Total 3 of (2 - 1) * 2 = 2 -> 1.5.
        float[] scores = [0.8f, 0.3f, 0.5f, 0.2f];
        int[] labels = [1, 1, 0, 0];
        float[] weights = [2, -1, 1, 1];

        Tolerance.AssertClose(1.5, RocCurve.Compute(scores, labels, weights).AreaUnderCurve);
    }

    [Test]
    public void Compute_SingleClass_Throws()
    {
        Assert.That(() => RocCurve.Compute([0.1f, 0.2f], [1, 1]), Throws.ArgumentException.With.Message.Contains("both classes"));
    }

    [Test]
    public void Compute_NaNScore_Throws()
    {
        Assert.That(() => RocCurve.Compute([0.1f, float.NaN], [1, 0]), Throws.ArgumentException.With.Message.Contains("NaN"));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
