using System.Text.Json;
using HepMl.Analysis.Anomaly;
using HepMl.Analysis.Data;
using HepMl.Analysis.Metrics;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Anomaly;

public class IsolationForestTests
{
    private static readonly JsonElement s_fixture = ClassicFixture.Load("decomposition_density.json").GetProperty("isolation_forest");

    [Test]
    public void AveragePathLength_MatchesSklearn()
    {
        int[] n = s_fixture.GetProperty("path_length_n").Ints();
        double[] expected = s_fixture.GetProperty("path_length").Doubles();
        for (int i = 0; i < n.Length; i++)
        {
            Tolerance.AssertClose(expected[i], IsolationForest.AveragePathLength(n[i]), 1e-12, 0, $"c({n[i]})");
        }
    }

    [Test]
    public void Score_RanksOutliersLikeSklearn()
    {
        // Forests are random, so the reference is statistical: the same outlier-detection AUC as scikit-learn's
        // forest (to the spread between seeds, ~0.01) and scores strongly correlated with its scores.
        var data = new Dataset(["a", "b", "c"], s_fixture.GetProperty("features").Columns());
        int[] outlier = s_fixture.GetProperty("outlier").Ints();
        double[] reference = s_fixture.GetProperty("sklearn_scores").Doubles();

        float[] scores = IsolationForest.Train(data, new IsolationForestOptions { TreeCount = 300, Seed = 5 }).Score(data);

        double auc = AreaUnderRocCurve.Compute(scores, outlier);
        Tolerance.AssertClose(s_fixture.GetProperty("sklearn_auc").GetDouble(), auc, 0, 0.02, "AUC");
        Assert.That(Correlation(reference, scores.Select(s => (double)s).ToArray()), Is.GreaterThan(0.95));
        Assert.That(scores.All(s => s > 0 && s <= 1), Is.True);
    }

    [Test]
    public void Train_SameSeed_IsReproducible()
    {
        var data = new Dataset(["a", "b", "c"], s_fixture.GetProperty("features").Columns());
        float[] a = IsolationForest.Train(data, new IsolationForestOptions { TreeCount = 20, Seed = 9 }).Score(data);
        float[] b = IsolationForest.Train(data, new IsolationForestOptions { TreeCount = 20, Seed = 9 }).Score(data);
        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void Train_BadInput_Throws()
    {
        Assert.That(() => IsolationForest.Train(new Dataset(["a"], [Array.Empty<float>()])), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => IsolationForest.Train(new Dataset(["a"], [[1f, float.NaN]])), Throws.ArgumentException.With.Message.Contains("NaN"));
        Assert.That(() => IsolationForest.Train(new Dataset(["a"], [[1f, 2f]], weights: [1f, -1f])), Throws.ArgumentException.With.Message.Contains("non-negative"));
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        double cov = a.Zip(b, (x, y) => (x - ma) * (y - mb)).Sum();
        return cov / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(y => (y - mb) * (y - mb)));
    }
}
