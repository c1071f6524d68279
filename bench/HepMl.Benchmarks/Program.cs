using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/HepMl.Benchmarks -- --filter '*'
// Peer comparisons (HepMl and a Python/C++ peer on the same data in one run) live in bench/peers/.
if (HepMl.Benchmarks.Neural.NeuralPeerBenchmarks.TryRun(args))
{
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
