using System.Text.Json;
using HepMl.Analysis.Data;
using HepMl.Analysis.Neighbours;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Neighbours;

public class KNearestNeighboursTests
{
    private static readonly JsonElement s_fixture = ClassicFixture.Load("neighbours.json");

    private static Dataset Training(string labelKey = "labels")
    {
        float[][] columns = s_fixture.GetProperty("features").Columns();
        return new Dataset(["a", "b", "c"], columns, s_fixture.GetProperty(labelKey).Ints(), targets: s_fixture.GetProperty("targets").Floats());
    }

    private static Dataset Queries() => new(["a", "b", "c"], s_fixture.GetProperty("queries").Columns());

    [Test]
    public void KdTree_Query_MatchesSklearnKDTree()
    {
        var (points, d) = s_fixture.GetProperty("features").RowMajor();
        var (queries, _) = s_fixture.GetProperty("queries").RowMajor();
        int k = s_fixture.GetProperty("k").GetInt32();
        int[][] expectedIndices = s_fixture.GetProperty("indices").EnumerateArray().Select(r => r.Ints()).ToArray();
        double[][] expectedDistances = s_fixture.GetProperty("distances").DoubleRows();

        foreach (int leafSize in new[] { 1, 4, 32, 1000 })
        {
            var tree = new KdTree(points, d, leafSize);
            var indices = new int[queries.Length / d * k];
            var distances = new float[indices.Length];
            tree.QueryBatch(queries, k, indices, distances);
            for (int q = 0; q < expectedIndices.Length; q++)
            {
                Assert.That(indices.AsSpan(q * k, k).ToArray(), Is.EqualTo(expectedIndices[q]), $"leaf {leafSize}, query {q}");
                for (int j = 0; j < k; j++)
                {
                    Tolerance.AssertClose(expectedDistances[q][j], Math.Sqrt(distances[(q * k) + j]), 1e-6, 1e-7, $"distance {q},{j}");
                }
            }
        }
    }

    [TestCase(NeighbourWeighting.Uniform, "uniform")]
    [TestCase(NeighbourWeighting.InverseDistance, "distance")]
    public void Classification_MatchesSklearnPredictProba(NeighbourWeighting weighting, string key)
    {
        var options = new KNearestNeighboursOptions { NeighbourCount = 7, Weighting = weighting };
        JsonElement reference = s_fixture.GetProperty(key);

        float[] scores = KNearestNeighbours.Train(Training(), options).Score(Queries());
        var multi = KNearestNeighbours.Train(Training("labels3"), options);
        double[] probabilities = multi.PredictProbabilities(Queries());

        ClassicFixture.AssertAllClose(reference.GetProperty("proba").Doubles(), scores.Select(s => (double)s).ToArray(), 1e-6, 1e-7, "P(signal)");
        ClassicFixture.AssertAllClose(reference.GetProperty("proba3").DoubleRows().SelectMany(r => r).ToArray(), probabilities, 1e-6, 1e-9, "P(class)");
        Assert.That(multi.PredictClasses(Queries()), Is.EqualTo(reference.GetProperty("predict3").Ints()));
    }

    [TestCase(NeighbourWeighting.Uniform, "uniform")]
    [TestCase(NeighbourWeighting.InverseDistance, "distance")]
    public void Regression_MatchesSklearn(NeighbourWeighting weighting, string key)
    {
        var options = new KNearestNeighboursOptions { NeighbourCount = 7, Weighting = weighting, Task = KNearestNeighboursTask.Regression };

        var model = KNearestNeighbours.Train(Training(), options);
        float[] predictions = model.Score(Queries());

        ClassicFixture.AssertAllClose(s_fixture.GetProperty(key).GetProperty("regression").Doubles(), predictions.Select(p => (double)p).ToArray(), 1e-6, 1e-6, "regression");
        var one = new float[3];
        Queries().CopyRow(5, one);
        Assert.That(model.Score(one), Is.EqualTo(predictions[5]));
    }

    [Test]
    public void Score_EventWeights_EnterTheVote()
    {
        // Neighbours of 0 with k = 3: x = 0 (signal, w 1), 0.1 (background, w 3), -0.2 (signal, w 1): P(S) = 2/5.
        var data = new Dataset(["x"], [[0f, 0.1f, -0.2f, 5f]], [1, 0, 1, 0], [1f, 3f, 1f, 1f]);
        var model = KNearestNeighbours.Train(data, new KNearestNeighboursOptions { NeighbourCount = 3 });
        Assert.That(model.Score([0f]), Is.EqualTo(0.4f));
    }

    [Test]
    public void Train_BadInput_Throws()
    {
        var small = new Dataset(["x"], [[0f, 1f, 2f]], [0, 1, 0]);
        Assert.That(() => KNearestNeighbours.Train(small, new KNearestNeighboursOptions { NeighbourCount = 5 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("k = 5 exceeds the 3 training events"));
        Assert.That(() => KNearestNeighbours.Train(new Dataset(["x"], [[0f, float.NaN]], [0, 1]), new KNearestNeighboursOptions { NeighbourCount = 1 }),
            Throws.ArgumentException.With.Message.Contains("feature 'x' of event 1 is NaN"));
        Assert.That(() => KNearestNeighbours.Train(new Dataset(["x"], [[0f, 1f]], [1, 1]), new KNearestNeighboursOptions { NeighbourCount = 1 }),
            Throws.ArgumentException.With.Message.Contains("single class"));
        Assert.That(() => KNearestNeighbours.Train(new Dataset(["x"], [Array.Empty<float>()], Array.Empty<int>())),
            Throws.ArgumentException.With.Message.Contains("empty"));
        var model = KNearestNeighbours.Train(small, new KNearestNeighboursOptions { NeighbourCount = 1 });
        Assert.That(() => model.Score(new Dataset(["y"], [[1f]])), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("no feature 'x'"));
        Assert.That(() => model.Score(new Dataset(["x"], [[float.NaN]])), Throws.ArgumentException.With.Message.Contains("event 0 is NaN"));
    }

    [Test]
    public void KdTree_QueryRadius_FindsExactlyThePointsInside()
    {
        var random = new Random(3);
        float[] points = Enumerable.Range(0, 2000).Select(_ => (float)random.NextDouble()).ToArray();
        var tree = new KdTree(points, 2, leafSize: 8);
        float[] query = [0.4f, 0.6f];
        var found = new List<int>();
        tree.QueryRadius(query, 0.1f, found);

        var expected = Enumerable.Range(0, 1000).Where(i => KdTree.SquaredDistance(points.AsSpan(i * 2, 2), query) <= 0.1f * 0.1f).ToArray();
        Assert.That(found.Order(), Is.EqualTo(expected));
        Assert.That(tree.CountWithin(query, 0.1f), Is.EqualTo(expected.Length));
    }
}
