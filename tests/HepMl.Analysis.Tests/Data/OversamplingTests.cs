using HepMl.Analysis.Data;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Data;

public class OversamplingTests
{
    [Test]
    public void RandomOversample_BalancesCountsAndKeepsOriginals()
    {
        var data = new Dataset(["x"], [[0f, 1f, 2f, 3f, 4f, 5f, 6f]], [0, 0, 0, 0, 0, 1, 1], [1f, 1f, 1f, 1f, 1f, 2f, 3f]);

        Dataset result = Oversampling.RandomOversample(data, seed: 5);

        Assert.That(result.RowCount, Is.EqualTo(10));
        Assert.That(result.Labels.ToArray().Count(l => l == 1), Is.EqualTo(5));
        Assert.That(result.Column(0)[..7].ToArray(), Is.EqualTo(data.Column(0).ToArray()));
        for (int i = 7; i < 10; i++)
        {
            Assert.That(result.Column(0)[i], Is.EqualTo(5f).Or.EqualTo(6f));
            Assert.That(result.Weights[i], Is.EqualTo(result.Column(0)[i] == 5f ? 2f : 3f));
        }

        Assert.That(Oversampling.RandomOversample(data, seed: 5).Column(0).ToArray(), Is.EqualTo(result.Column(0).ToArray()));
    }
}
