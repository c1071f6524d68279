using HepMl.Analysis.Data;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Data;

public class DatasetTests
{
    [Test]
    public void CopyRowMajor_InterleavesColumns()
    {
        var data = new Dataset(["a", "b"], [[1f, 2f, 3f], [10f, 20f, 30f]], labels: [0, 1, 1]);
        var rows = new float[6];

        data.CopyRowMajor(rows);

        Assert.That(rows, Is.EqualTo(new[] { 1f, 10f, 2f, 20f, 3f, 30f }));
        Assert.That(data.ClassCount, Is.EqualTo(2));
        Assert.That(data.Weights.ToArray(), Is.EqualTo(new[] { 1f, 1f, 1f }));
    }

    [Test]
    public void Subset_KeepsLabelsAndWeightsInOrder()
    {
        var data = new Dataset(["x"], [[5f, 6f, 7f]], labels: [0, 1, 0], weights: [0.5f, -1f, 2f]);

        Dataset subset = data.Subset([2, 1]);

        Assert.That(subset.Column(0).ToArray(), Is.EqualTo(new[] { 7f, 6f }));
        Assert.That(subset.Labels.ToArray(), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(subset.Weights.ToArray(), Is.EqualTo(new[] { 2f, -1f }));
    }

    [Test]
    public void Constructor_RaggedColumns_Throws()
    {
        Assert.That(() => new Dataset(["a", "b"], [[1f, 2f], [1f]]), Throws.ArgumentException.With.Message.Contains("column 'b' has 1 rows"));
    }

    [Test]
    public void Constructor_NaNWeight_Throws()
    {
        Assert.That(() => new Dataset(["a"], [[1f]], weights: [float.NaN]), Throws.ArgumentException.With.Message.Contains("weights[0]"));
    }

    [Test]
    public void Column_UnknownName_ListsFeatures()
    {
        var data = new Dataset(["pt", "eta"], [[1f], [2f]]);
        Assert.That(() => data.Column("phi"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("pt, eta"));
    }
}
