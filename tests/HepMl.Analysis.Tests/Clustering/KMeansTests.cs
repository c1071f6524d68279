using HepMl.Analysis.Clustering;
using HepMl.Analysis.Data;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Clustering;

public class KMeansTests
{
    [TestCase("unweighted")]
    [TestCase("weighted")]
    public void Fit_FixedInitialCentroids_MatchesSklearn(string key)
    {
        var root = ClusteringFixture.Root;
        var (points, d) = root.GetProperty("kmeans_points").RowMajor();
        var (init, _) = root.GetProperty("kmeans_init").RowMajor();
        var reference = root.GetProperty("kmeans").GetProperty(key);
        float[] weights = key == "weighted" ? root.GetProperty("kmeans_weights").Floats() : [];

        var model = KMeans.Fit(points, d, new KMeansOptions { ClusterCount = 5, Initialisation = KMeansInitialisation.Explicit, InitialCentroids = init, Tolerance = 0 }, weights);

        ClassicFixture.AssertAllClose(reference.GetProperty("centroids").DoubleRows().SelectMany(r => r).ToArray(), model.Centroids, 1e-9, 1e-9, "centroids");
        Assert.That(model.Labels, Is.EqualTo(reference.GetProperty("labels").Ints()));
        Assert.That(model.Iterations, Is.EqualTo(reference.GetProperty("iterations").GetInt32()));
        Tolerance.AssertClose(reference.GetProperty("inertia").GetDouble(), model.Inertia, 1e-6, 0, "inertia");
    }

    [Test]
    public void Fit_KMeansPlusPlus_FindsSeparatedBlobs()
    {
        var root = ClusteringFixture.Root;
        var (points, d) = root.GetProperty("separated_points").RowMajor();
        double[][] expected = root.GetProperty("separated_centroids").DoubleRows();

        foreach (int seed in new[] { 1, 2, 3 })
        {
            var model = KMeans.Fit(points, d, new KMeansOptions { ClusterCount = 4, Seed = seed });
            foreach (double[] centre in expected)
            {
                double nearest = Enumerable.Range(0, 4).Min(c => Math.Sqrt(Math.Pow(model.Centroids[c * 2] - centre[0], 2) + Math.Pow(model.Centroids[(c * 2) + 1] - centre[1], 2)));
                Assert.That(nearest, Is.LessThan(1e-5), $"seed {seed}: centre ({centre[0]}, {centre[1]})");
            }

            Assert.That(model.Predict(points), Is.EqualTo(model.Labels));
        }
    }

    [Test]
    public void Fit_SameSeed_SameResult()
    {
        var (points, d) = ClusteringFixture.Root.GetProperty("kmeans_points").RowMajor();
        var a = KMeans.Fit(points, d, new KMeansOptions { ClusterCount = 5, Seed = 11, Initialisations = 2 });
        var b = KMeans.Fit(points, d, new KMeansOptions { ClusterCount = 5, Seed = 11, Initialisations = 2, MaxDegreeOfParallelism = 1 });
        Assert.That(a.Centroids, Is.EqualTo(b.Centroids));
    }

    [Test]
    public void Fit_BadInput_Throws()
    {
        Assert.That(() => KMeans.Fit(new Dataset(["a"], [[1f, 2f]]), new KMeansOptions { ClusterCount = 3 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("k = 3 clusters must be between 1 and the 2 events"));
        Assert.That(() => KMeans.Fit(new Dataset(["a"], [Array.Empty<float>()])), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => KMeans.Fit(new Dataset(["a"], [[1f, float.NaN]]), new KMeansOptions { ClusterCount = 1 }),
            Throws.ArgumentException.With.Message.Contains("feature 'a' of event 1 is NaN"));
        Assert.That(() => KMeans.Fit([1f, 2f], 1, new KMeansOptions { ClusterCount = 1, Initialisation = KMeansInitialisation.Explicit, InitialCentroids = [1f, 2f] }),
            Throws.ArgumentException.With.Message.Contains("InitialCentroids holds 2 values; [1, 1] needs 1"));
    }
}
