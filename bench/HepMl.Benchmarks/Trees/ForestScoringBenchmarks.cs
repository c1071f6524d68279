using BenchmarkDotNet.Attributes;
using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.Analysis.Trees.Internal;

namespace HepMl.Benchmarks.Trees;

/// <summary>
/// Scoring a 200-tree forest: one event (latency, must not allocate) and a batch of events (throughput), with the AVX2
/// kernel or its scalar twin (the baseline). Run: <c>dotnet run -c Release --project bench/HepMl.Benchmarks -- --filter '*ForestScoring*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ForestScoringBenchmarks
{
    private BoostedDecisionTrees _forest = null!;
    private Dataset _events = null!;
    private float[] _row = [];
    private float[] _scores = [];

    /// <summary>Tree depth (6 = XGBoost's default, 3 = TMVA's).</summary>
    [Params(3, 6)]
    public int Depth { get; set; }

    /// <summary>Whether the AVX2 kernel is used (false = scalar baseline).</summary>
    [Params(false, true)]
    public bool Vector { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        const int rows = 20_000, features = 28;
        var columns = new float[features][];
        for (int f = 0; f < features; f++)
        {
            columns[f] = new float[rows];
            for (int i = 0; i < rows; i++)
            {
                columns[f][i] = (float)random.NextDouble();
            }
        }

        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            labels[i] = columns[0][i] + columns[1][i] + (0.5 * random.NextDouble()) > 1.2 ? 1 : 0;
        }

        _events = new Dataset(Enumerable.Range(0, features).Select(f => $"f{f}").ToArray(), columns, labels);
        _forest = GradientBoostingTrainer.Train(_events, new GradientBoostingOptions { NumberOfTrees = 200, MaxDepth = Depth, MinChildWeight = 0 });
        _forest.ScoringThreadCount = 1;
        _row = new float[features];
        _events.CopyRow(0, _row);
        _scores = new float[rows];
        ForestKernels.Avx2Enabled = Vector && System.Runtime.Intrinsics.X86.Avx2.IsSupported;
    }

    /// <summary>One event through 200 trees.</summary>
    [Benchmark]
    public float SingleEvent() => _forest.Score(_row);

    /// <summary>20 000 events through 200 trees on one thread.</summary>
    [Benchmark(Baseline = true)]
    public float[] Batch()
    {
        _forest.Score(_events, _scores);
        return _scores;
    }
}
