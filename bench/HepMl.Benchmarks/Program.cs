using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/HepMl.Benchmarks -- --filter '*'
// Peer comparisons (HepMl and a Python/C++ peer on the same data in one run) live in bench/peers/.
// `-- root-read FILE ...` times the ROOT reader in the uproot peer's JSON format (bench/peers/root_read_vs_uproot.sh).
if (args.Length > 0 && args[0] == "root-read")
{
    return HepMl.Benchmarks.RootRead.RootReadBenchmark.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
