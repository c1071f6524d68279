using BenchmarkDotNet.Attributes;
using HepMl.Analysis.Clustering;
using HepMl.Analysis.Metrics;
using HepMl.Analysis.Neighbours;

namespace HepMl.Benchmarks.Classic;

/// <summary>Throughput of the classic toolbox's hot paths on synthetic data (peer comparisons: bench/peers/classic_peer.py).</summary>
[MemoryDiagnoser]
public class ClassicBenchmarks
{
    private float[] _scores = [];
    private int[] _labels = [];
    private float[] _points = [];
    private float[] _queries = [];
    private KdTree? _tree;

    /// <summary>Events.</summary>
    [Params(1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _scores = new float[Count];
        _labels = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            _labels[i] = random.Next(2);
            _scores[i] = (float)(random.NextDouble() + (0.3 * _labels[i]));
        }

        _points = new float[Count * 2];
        for (int i = 0; i < _points.Length; i++)
        {
            _points[i] = (float)random.NextDouble();
        }

        _queries = _points.AsSpan(0, 20_000).ToArray();
        _tree = new KdTree(_points, 2);
    }

    [Benchmark]
    public double AreaUnderCurve() => AreaUnderRocCurve.Compute(_scores, _labels);

    [Benchmark]
    public int KdTreeQuery10()
    {
        var indices = new int[_queries.Length / 2 * 10];
        var distances = new float[indices.Length];
        _tree!.QueryBatch(_queries, 10, indices, distances);
        return indices[^1];
    }

    [Benchmark]
    public double KMeansTenIterations() =>
        KMeans.Fit(_points, 2, new KMeansOptions { ClusterCount = 8, MaximumIterations = 10, Tolerance = 0, Initialisation = KMeansInitialisation.RandomEvents }).Inertia;
}
