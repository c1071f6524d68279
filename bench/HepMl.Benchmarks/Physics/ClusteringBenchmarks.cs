using BenchmarkDotNet.Attributes;
using HepMl.Physics.Events;
using HepMl.Physics.Jets;
using HepMl.Physics.Vectors;

namespace HepMl.Benchmarks.Physics;

/// <summary>
/// Anti-kt clustering of toy events (three QCD jets plus soft particles) per strategy; the side-by-side comparison
/// with FastJet on the shared files is bench/peers/physics_clustering.sh. N2Plain is the baseline.
/// </summary>
[MemoryDiagnoser]
public class ClusteringBenchmarks
{
    private LorentzVector[][] _events = [];
    private JetDefinition _definition = null!;

    /// <summary>Approximate particles per event.</summary>
    [Params(100, 500, 1000)]
    public int Particles { get; set; }

    /// <summary>The strategy.</summary>
    [Params(ClusteringStrategy.N2Plain, ClusteringStrategy.N2Tiled, ClusteringStrategy.N2MinHeapTiled)]
    public ClusteringStrategy Strategy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = new ToyEventGenerator(seed: 7, new ToyJetOptions { PtMin = 30, PtMax = 200, EtaMax = 2.5 });
        _events = Enumerable.Range(0, 50)
            .Select(_ => generator.NextEvent([ToyJetKind.QcdOneProng, ToyJetKind.QcdOneProng, ToyJetKind.QcdOneProng], Math.Max(0, Particles - 60)))
            .ToArray();
        _definition = new JetDefinition(JetAlgorithm.AntiKt, 0.4, RecombinationScheme.E, Strategy);
    }

    /// <summary>Clusters the 50 events and returns the number of jets above 5 GeV.</summary>
    [Benchmark(OperationsPerInvoke = 50)]
    public int AntiKt04()
    {
        int jets = 0;
        foreach (LorentzVector[] particles in _events)
        {
            jets += ClusterSequence.Run(particles, _definition).InclusiveJets(5.0).SortedByPt().Count;
        }

        return jets;
    }
}
