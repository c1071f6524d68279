using System.Diagnostics;
using System.Globalization;
using HepMl.Benchmarks.Trees;
using HepMl.Physics.Events;
using HepMl.Physics.Images;

namespace HepMl.Benchmarks.Peers;

/// <summary>
/// Batch jet-image throughput (issue 8: ≥ 100k jets/s on 2 cores). Generates toy jets (half QCD one-prong, half W
/// two-prong, 250–300 GeV, like the peers' jetimages set; not timed), then times <see cref="JetImageBuilder.FillBatch"/>
/// into a [N, C, H, W] float block with the given thread count. Prints one JSON line.
/// </summary>
internal static class JetImageThroughput
{
    public static int Run(string[] args)
    {
        int jets = 100_000, pixels = 25, threads = 2, passes = 3;
        double pixelSize = 0.1;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--jets": jets = value; break;
                case "--pixels": pixels = value; break;
                case "--threads": threads = value; break;
                case "--passes": passes = value; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        if (pixels == 100)
        {
            pixelSize = 0.025;
        }

        var load = new HostLoad();
        ParticleTable table = new ToyEventGenerator(seed: 20240611).NextJets(jets, [ToyJetKind.QcdOneProng, ToyJetKind.WTwoProng], out _);
        var spec = new JetImageSpec(pixels, pixelSize);
        var destination = new float[(long)jets * spec.ValuesPerImage];
        JetImageBuilder.FillBatch(table, spec, destination, threads); // warm-up pass (JIT)
        var seconds = new List<double>();
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        for (int pass = 0; pass < passes; pass++)
        {
            long t0 = Stopwatch.GetTimestamp();
            JetImageBuilder.FillBatch(table, spec, destination, threads);
            seconds.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }

        // CPU seconds per pass: on a shared host the wall time depends on the others; jets per CPU-second times the
        // thread count is the rate the same work reaches on that many idle cores.
        double cpuPerPass = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / passes;
        seconds.Sort();
        double median = seconds[seconds.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"peer\": \"hepml_jet_images\", \"jets\": {jets}, \"constituents_per_jet\": {(double)table.ParticleCount / jets:F1}, \"pixels\": {pixels}, " +
            $"\"threads\": {threads}, \"passes\": {passes}, \"seconds\": {median:G6}, \"jets_per_s\": {jets / median:G6}, \"cpu_seconds\": {cpuPerPass:G6}, " +
            $"\"jets_per_cpu_s\": {jets / cpuPerPass:G6}, \"host_other_busy\": {load.OtherBusy():F4}}}"));
        return 0;
    }
}
