using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/HepMl.Benchmarks -- --filter '*'
// Peer comparisons (HepMl and a Python/C++ peer on the same data in one run) live in bench/peers/.
if (args is ["classic-peer", ..])
{
    return HepMl.Benchmarks.Classic.ClassicPeerRunner.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
