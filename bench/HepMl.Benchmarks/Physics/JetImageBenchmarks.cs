using BenchmarkDotNet.Attributes;
using HepMl.Physics.Events;
using HepMl.Physics.Images;

namespace HepMl.Benchmarks.Physics;

/// <summary>Batch jet-image generation ([N, 1, H, W]) of 10k toy jets, one thread and all threads.</summary>
[MemoryDiagnoser]
public class JetImageBenchmarks
{
    private ParticleTable _jets = null!;
    private JetImageSpec _spec = null!;
    private float[] _images = [];

    /// <summary>Pixels per side.</summary>
    [Params(25, 100)]
    public int Pixels { get; set; }

    /// <summary>Threads (−1 = all cores).</summary>
    [Params(1, -1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _jets = new ToyEventGenerator(seed: 5).NextJets(10_000, [ToyJetKind.QcdOneProng, ToyJetKind.WTwoProng], out _);
        _spec = new JetImageSpec(Pixels, 2.5 / Pixels);
        _images = new float[_jets.EntryCount * _spec.ValuesPerImage];
    }

    /// <summary>Fills all images; returns the number of constituents outside them.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public long FillBatch() => JetImageBuilder.FillBatch(_jets, _spec, _images, Threads);
}
