using HepMl.Analysis.Data;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Data;

public class DatasetSplitterTests
{
    private static Dataset Sample(int n, double signalShare = 0.3)
    {
        var x = new float[n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i;
            labels[i] = i < n * signalShare ? 1 : 0;
        }

        return new Dataset(["x"], [x], labels).WithSpectator("id", x.ToArray());
    }

    [Test]
    public void Split_Stratified_KeepsClassShareInEveryPart()
    {
        Dataset data = Sample(1000);

        DatasetSplit split = DatasetSplitter.Split(data, new SplitOptions { TrainingFraction = 0.5, ValidationFraction = 0.25, Seed = 7 });

        // 300 signal and 700 background events, each cut 50/25/25 with rounding half away from zero.
        Assert.That(split.Training.Labels.ToArray().Count(l => l == 1), Is.EqualTo(150));
        Assert.That(split.Validation.Labels.ToArray().Count(l => l == 1), Is.EqualTo(75));
        Assert.That(split.Test.Labels.ToArray().Count(l => l == 1), Is.EqualTo(75));
        Assert.That(split.Training.RowCount + split.Validation.RowCount + split.Test.RowCount, Is.EqualTo(1000));
        int[] all = [.. split.TrainingRows, .. split.ValidationRows, .. split.TestRows];
        Assert.That(all.Distinct().Count(), Is.EqualTo(1000));
        Assert.That(split.TrainingRows, Is.Ordered);
        Assert.That(split.Test.Spectator("id").ToArray(), Is.EqualTo(split.TestRows.Select(r => (float)r).ToArray()));
    }

    [Test]
    public void Split_SameSeed_SameRows_OtherSeed_OtherRows()
    {
        Dataset data = Sample(200);
        var a = DatasetSplitter.Split(data, new SplitOptions { Seed = 3 });
        var b = DatasetSplitter.Split(data, new SplitOptions { Seed = 3 });
        var c = DatasetSplitter.Split(data, new SplitOptions { Seed = 4 });

        Assert.That(a.TrainingRows, Is.EqualTo(b.TrainingRows));
        Assert.That(a.TrainingRows, Is.Not.EqualTo(c.TrainingRows));
    }

    [Test]
    public void Split_EmptyDataset_Throws()
    {
        var empty = new Dataset(["x"], [Array.Empty<float>()], Array.Empty<int>());
        Assert.That(() => DatasetSplitter.Split(empty), Throws.ArgumentException.With.Message.Contains("empty dataset"));
    }

    [Test]
    public void Split_BadFractions_Throws()
    {
        Assert.That(
            () => DatasetSplitter.Split(Sample(10), new SplitOptions { TrainingFraction = 0.8, ValidationFraction = 0.3 }),
            Throws.ArgumentException.With.Message.Contains("train + validation <= 1"));
    }
}
