using HepMl.Analysis.Clustering;
using HepMl.Analysis.Data;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Clustering;

public class AgglomerativeClusteringTests
{
    [TestCase("ward", Linkage.Ward)]
    [TestCase("complete", Linkage.Complete)]
    [TestCase("average", Linkage.Average)]
    [TestCase("single", Linkage.Single)]
    public void Fit_MatchesSklearnPartitionAndScipyHeights(string key, Linkage linkage)
    {
        var (points, d) = ClusteringFixture.Root.GetProperty("agglomerative_points").RowMajor();
        var reference = ClusteringFixture.Root.GetProperty("agglomerative").GetProperty(key);

        var model = AgglomerativeClustering.Fit(points, d, new AgglomerativeOptions { ClusterCount = 4, Linkage = linkage });

        Assert.That(model.Labels, Is.EqualTo(ClusteringFixture.Canonical(reference.GetProperty("labels").Ints())));
        ClassicFixture.AssertAllClose(reference.GetProperty("heights").Doubles(), model.Merges.Select(m => m.Distance).ToArray(), 1e-6, 1e-6, "heights");
        Assert.That(model.Merges.Select(m => m.Size), Is.EqualTo(reference.GetProperty("sizes").Ints()));
    }

    [Test]
    public void Fit_BadInput_Throws()
    {
        Assert.That(() => AgglomerativeClustering.Fit(new Dataset(["a"], [[1f, 2f]]), new AgglomerativeOptions { ClusterCount = 3 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("3 clusters must be between 1 and the 2 events"));
        Assert.That(() => AgglomerativeClustering.Fit(new Dataset(["a"], [[1f, 2f, 3f]]), new AgglomerativeOptions { MaximumEvents = 2 }),
            Throws.ArgumentException.With.Message.Contains("the limit is 2 events"));
    }
}
