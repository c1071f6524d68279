using BenchmarkDotNet.Running;
using HepMl.Benchmarks.Peers;

// Run with: dotnet run -c Release --project bench/HepMl.Benchmarks -- --filter '*'
// Peer comparisons (HepMl and a Python/C++ peer on the same data in one run) live in bench/peers/.
if (HepMl.Benchmarks.Neural.NeuralPeerBenchmarks.TryRun(args))
{
    return 0;
}

if (args.Length > 0 && args[0] == "peer-cluster")
{
    return ClusteringPeer.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "jet-images")
{
    return JetImageThroughput.Run(args[1..]);
}

if (args is ["bdt-peer", ..])
{
    return HepMl.Benchmarks.Trees.BdtPeerRun.Run(args[1..]);
}

// `-- root-read FILE ...` times the ROOT reader in the uproot peer's JSON format (bench/peers/root_read_vs_uproot.sh).
if (args.Length > 0 && args[0] == "root-read")
{
    return HepMl.Benchmarks.RootRead.RootReadBenchmark.Run(args[1..]);
}

if (args is ["tmva-eval", ..])
{
    return HepMl.Benchmarks.Trees.TmvaEvaluationPeerRun.Run(args[1..]);
}

if (args is ["classic-peer", ..])
{
    return HepMl.Benchmarks.Classic.ClassicPeerRunner.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
