using HepMl.Analysis.Data;
using HepMl.Analysis.Expressions;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Data;

public class DatasetColumnsTests
{
    private static Dataset Sample() =>
        new(["px", "py", "eta"], [[3f, 6f, 1f], [4f, 8f, 1f], [0.5f, 3f, -1f]], [1, 0, 1], [1f, 2f, 3f],
            spectatorNames: ["run"], spectators: [[100f, 101f, 102f]]);

    [Test]
    public void WithDerivedFeature_AddsComputedColumn()
    {
        Dataset data = Sample().WithDerivedFeature("pt", "sqrt(px*px + py*py)");
        Assert.That(data.Column("pt").ToArray(), Is.EqualTo(new[] { 5f, 10f, (float)Math.Sqrt(2) }));
        Assert.That(data.FeatureCount, Is.EqualTo(4));
    }

    [Test]
    public void Where_SelectsEventsKeepingEverything()
    {
        Dataset selected = Sample().Where("abs(eta) < 3.5 && py > 2 && run != 102");
        Assert.That(selected.RowCount, Is.EqualTo(2));
        Assert.That(selected.Spectator("run").ToArray(), Is.EqualTo(new[] { 100f, 101f }));
        Assert.That(selected.Weights.ToArray(), Is.EqualTo(new[] { 1f, 2f }));
        Assert.That(selected.Labels.ToArray(), Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void Where_Malformed_ThrowsExpressionException()
    {
        Assert.That(() => Sample().Where("abs(eta < 2.5"), Throws.TypeOf<ExpressionException>().With.Message.Contains("column 14"));
    }

    [Test]
    public void SelectFeatures_PromotesSpectator()
    {
        Dataset data = Sample().SelectFeatures("run", "px");
        Assert.That(data.FeatureNames, Is.EqualTo(new[] { "run", "px" }));
        Assert.That(data.SpectatorCount, Is.Zero);
        Assert.That(() => Sample().SelectFeatures("nope"), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public void Constructor_SpectatorNameClash_Throws()
    {
        Assert.That(
            () => new Dataset(["a"], [[1f]], spectatorNames: ["a"], spectators: [[1f]]),
            Throws.ArgumentException.With.Message.Contains("spectator name 'a' repeats"));
        Assert.That(
            () => new Dataset(["a"], [[1f]], spectatorNames: ["b"], spectators: [[1f, 2f]]),
            Throws.ArgumentException.With.Message.Contains("spectator 'b' has 2 rows"));
    }
}
