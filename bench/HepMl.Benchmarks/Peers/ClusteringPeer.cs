using System.Diagnostics;
using System.Globalization;
using HepMl.Benchmarks.Trees;
using HepMl.Physics.Jets;
using HepMl.Physics.Vectors;

namespace HepMl.Benchmarks.Peers;

/// <summary>
/// HepMl's side of the FastJet anti-kt comparison (bench/peers/physics_clustering.sh): the same input, the same
/// timed region and the same JSON fields as ../shared/peers/fastjet_antikt.cpp. Timed per event:
/// <c>ClusterSequence.Run</c> plus <c>InclusiveJets(ptmin).SortedByPt()</c>; parsing is not timed. A warm-up pass
/// over the whole file lets the JIT reach its optimised code first (FastJet is compiled ahead of time).
/// </summary>
internal static class ClusteringPeer
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: peer-cluster particles.csv [--R 0.4] [--ptmin 5] [--strategy Best] [--passes 1] [--algorithm AntiKt]");
            return 2;
        }

        string path = args[0];
        double radius = 0.4, ptMin = 5.0;
        int passes = 1;
        var strategy = ClusteringStrategy.Best;
        var algorithm = JetAlgorithm.AntiKt;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--R": radius = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--ptmin": ptMin = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--passes": passes = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--strategy": strategy = Enum.Parse<ClusteringStrategy>(value); break;
                case "--algorithm": algorithm = Enum.Parse<JetAlgorithm>(value); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var load = new HostLoad();
        var readClock = Stopwatch.StartNew();
        List<LorentzVector[]> events = ReadEvents(path);
        double readSeconds = readClock.Elapsed.TotalSeconds;
        var definition = new JetDefinition(algorithm, radius, RecombinationScheme.E, strategy);

        // Warm-up: at least 3 full passes and 1.5 s, so the tiered JIT has settled on its optimised code.
        var warmClock = Stopwatch.StartNew();
        for (int warm = 0; warm < 3 || warmClock.Elapsed.TotalSeconds < 1.5; warm++)
        {
            foreach (LorentzVector[] particles in events)
            {
                GC.KeepAlive(ClusterSequence.Run(particles, definition).InclusiveJets(ptMin).SortedByPt());
            }
        }

        var passSeconds = new List<double>();
        var perEventMs = new List<double>();
        long njets = 0, njets20 = 0, particleTotal = 0;
        double sumPt = 0, leadSum = 0;
        string used = "";
        for (int pass = 0; pass < passes; pass++)
        {
            double total = 0;
            for (int e = 0; e < events.Count; e++)
            {
                long t0 = Stopwatch.GetTimestamp();
                ClusterSequence sequence = ClusterSequence.Run(events[e], definition);
                List<PseudoJet> jets = sequence.InclusiveJets(ptMin).SortedByPt();
                double dt = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                total += dt;
                if (pass == 0)
                {
                    perEventMs.Add(dt * 1e3);
                    if (e == 0)
                    {
                        used = sequence.StrategyUsed.ToString();
                    }

                    particleTotal += events[e].Length;
                    njets += jets.Count;
                    foreach (PseudoJet jet in jets)
                    {
                        sumPt += jet.Pt;
                        if (jet.Pt > 20.0)
                        {
                            njets20++;
                        }
                    }

                    if (jets.Count > 0)
                    {
                        leadSum += jets[0].Pt;
                    }
                }
            }

            passSeconds.Add(total);
        }

        passSeconds.Sort();
        perEventMs.Sort();
        double median = passSeconds[passSeconds.Count / 2];
        int n = events.Count;
        string name = Path.GetFileNameWithoutExtension(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"peer\": \"hepml_{algorithm.ToString().ToLowerInvariant()}\", \"dataset\": \"{name}\", \"events\": {n}, \"n_per_event\": {(double)particleTotal / n:F1}, " +
            $"\"R\": {radius:G}, \"ptmin\": {ptMin:G}, \"recombination\": \"E_scheme\", \"strategy_requested\": \"{strategy}\", \"strategy_used\": \"{used}\", " +
            $"\"passes\": {passes}, \"ms_per_event\": {1e3 * median / n:G6}, \"ms_per_event_p50\": {perEventMs[perEventMs.Count / 2]:G6}, " +
            $"\"ms_per_event_max\": {perEventMs[^1]:G6}, \"events_per_s\": {n / median:G6}, \"total_s\": {median:G6}, \"read_s\": {readSeconds:G6}, " +
            $"\"njets_ptmin_total\": {njets}, \"njets_pt20_total\": {njets20}, \"sum_jet_pt\": {sumPt:F6}, \"mean_leading_jet_pt\": {leadSum / n:F6}, " +
            $"\"host_other_busy\": {load.OtherBusy():F4}, \"versions\": {{\"dotnet\": \"{Environment.Version}\"}}}}"));
        return 0;
    }

    private static List<LorentzVector[]> ReadEvents(string path)
    {
        var events = new List<LorentzVector[]>();
        var current = new List<LorentzVector>();
        long currentEvent = long.MinValue;
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(',');
            long evt = long.Parse(f[0], CultureInfo.InvariantCulture);
            if (evt != currentEvent && current.Count > 0)
            {
                events.Add(current.ToArray());
                current.Clear();
            }

            currentEvent = evt;
            current.Add(new LorentzVector(
                double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        if (current.Count > 0)
        {
            events.Add(current.ToArray());
        }

        return events;
    }
}
