using HepMl.Analysis.Clustering;
using HepMl.Analysis.Data;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Clustering;

public class DbscanTests
{
    private static IEnumerable<string> Cases() => ClusteringFixture.Root.GetProperty("dbscan").EnumerateObject().Select(p => p.Name);

    [TestCaseSource(nameof(Cases))]
    public void Fit_MatchesSklearnLabelsExactly(string key)
    {
        var (points, d) = ClusteringFixture.Root.GetProperty("dbscan_points").RowMajor();
        var reference = ClusteringFixture.Root.GetProperty("dbscan").GetProperty(key);
        var options = new DbscanOptions { Radius = reference.GetProperty("eps").GetDouble(), MinimumNeighbours = reference.GetProperty("min_samples").GetInt32() };

        DbscanResult result = Dbscan.Fit(points, d, options);

        Assert.That(result.IsCore, Is.EqualTo(reference.GetProperty("core").EnumerateArray().Select(e => e.GetBoolean()).ToArray()));
        Assert.That(result.Labels, Is.EqualTo(reference.GetProperty("labels").Ints()));
        Assert.That(result.ClusterCount, Is.EqualTo(reference.GetProperty("labels").Ints().Max() + 1));
        Assert.That(Dbscan.Fit(points, d, new DbscanOptions { Radius = options.Radius, MinimumNeighbours = options.MinimumNeighbours, MaxDegreeOfParallelism = 1 }).Labels,
            Is.EqualTo(result.Labels));
    }

    [Test]
    public void Fit_BadInput_Throws()
    {
        Assert.That(() => Dbscan.Fit(new Dataset(["a"], [[1f]]), new DbscanOptions { Radius = 0 }), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("radius"));
        Assert.That(() => Dbscan.Fit(new Dataset(["a"], [[float.NaN]])), Throws.ArgumentException.With.Message.Contains("NaN"));
        Assert.That(() => Dbscan.Fit(new Dataset(["a"], [Array.Empty<float>()])), Throws.ArgumentException.With.Message.Contains("empty"));
    }
}
