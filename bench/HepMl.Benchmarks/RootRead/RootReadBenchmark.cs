using System.Globalization;
using System.Text.Json;
using HepMl.Io.Columns;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;

namespace HepMl.Benchmarks.RootRead;

/// <summary>
/// <c>root-read FILE [--threads N] [--repeat R] [--mode full|stream] [--chunk N] [--quiet-wait S] [--clean-busy F]</c>:
/// reads every branch of the first tree, one untimed warm-up then R timed reads (best clean read reported), and
/// prints one JSON line in the format of the uproot peer's <c>read_bench.py</c> (plus <c>reader</c>, <c>mode</c>,
/// <c>peak_working_set_mb</c>). <c>full</c> decodes every branch over all entries into typed arrays (what uproot's
/// <c>tree.arrays</c> does); <c>stream</c> walks the tree in basket-aligned chunks of at most N entries with
/// reused buffers (bounded memory).
/// </summary>
internal static class RootReadBenchmark
{
    public static int Run(string[] args)
    {
        string file = args[0];
        int threads = IntOption(args, "--threads", 1);
        int repeat = IntOption(args, "--repeat", 3);
        string mode = Option(args, "--mode") ?? "full";
        long chunk = IntOption(args, "--chunk", 1_000_000);
        double quietWait = DoubleOption(args, "--quiet-wait", 60);
        double quietBusy = DoubleOption(args, "--quiet-busy", 0.25);
        double cleanBusy = DoubleOption(args, "--clean-busy", 0.10);
        int extraTries = IntOption(args, "--extra-tries", 3);

        string treePath;
        List<string> branches;
        long entries;
        long baskets = 0;
        long totBytes = 0;
        long zipBytes = 0;
        int compression;
        using (RootFile metadata = RootFile.Open(file))
        {
            compression = metadata.CompressionSetting;
            treePath = metadata.Root.Walk().First(k => k.Key.ClassName is "TTree" or "TNtuple").Path;
            TreeReader tree = metadata.GetTree(treePath);
            entries = tree.Entries;
            branches = [.. tree.AllBranches.Where(b => b.Leaves.Count > 0 && b.HasData).Select(b => b.Path)];
            foreach (string name in branches)
            {
                TreeBranch branch = tree.GetBranch(name);
                baskets += branch.BasketCount;
                totBytes += branch.Model.GetInt64("fTotBytes");
                zipBytes += branch.Model.GetInt64("fZipBytes");
            }
        }

        Func<Dictionary<string, BranchChecks>?> read = mode switch
        {
            "full" => () => ReadFull(file, treePath, branches, threads),
            "stream" => () => ReadStream(file, treePath, branches, threads, chunk),
            _ => throw new ArgumentException($"--mode must be full or stream, not {mode}"),
        };

        read(); // warm-up: page cache, JIT
        var runs = new List<(double Seconds, double Other, double User, double System, double Waited)>();
        Dictionary<string, BranchChecks>? checks = null;
        while (runs.Count(r => r.Other <= cleanBusy) < repeat && runs.Count < repeat + extraTries)
        {
            double waited = quietWait > 0 ? HostLoad.WaitForQuiet(quietWait, quietBusy) : 0;
            GC.Collect();
            var measured = HostLoad.Measure(read);
            runs.Add((measured.Seconds, measured.OtherBusy, measured.UserSeconds, measured.SystemSeconds, waited));
        }

        // Values checked untimed, from a full read (stream mode reads the same bytes chunk by chunk).
        checks = mode == "full" ? ReadFull(file, treePath, branches, threads, withChecks: true) : ReadStream(file, treePath, branches, threads, chunk, withChecks: true);
        var clean = runs.Where(r => r.Other <= cleanBusy).ToList();
        var best = (clean.Count > 0 ? clean : runs).MinBy(r => r.Seconds);
        long valueBytes = checks!.Values.Sum(c => c.ValueBytes);
        var output = new Dictionary<string, object?>
        {
            ["reader"] = "hepml",
            ["mode"] = mode,
            ["file"] = Path.GetFileName(file),
            ["file_bytes"] = new FileInfo(file).Length,
            ["compression"] = CompressionName(compression),
            ["fCompress"] = compression,
            ["tree"] = treePath,
            ["entries"] = entries,
            ["n_branches"] = branches.Count,
            ["branches"] = branches,
            ["jagged_branches"] = branches.Where(b => b.StartsWith("Muon_", StringComparison.Ordinal)).ToList(),
            ["jagged_mode"] = "flat",
            ["threads"] = threads,
            ["baskets"] = baskets,
            ["uncompressed_bytes"] = valueBytes,
            ["tree_tot_bytes"] = totBytes,
            ["tree_zip_bytes"] = zipBytes,
            ["seconds"] = Math.Round(best.Seconds, 4),
            ["all_seconds"] = runs.Select(r => Math.Round(r.Seconds, 4)).ToList(),
            ["other_busy"] = runs.Select(r => Math.Round(r.Other, 3)).ToList(),
            ["clean_runs"] = clean.Count,
            ["clean"] = clean.Count >= repeat,
            ["best_user_s"] = Math.Round(best.User, 2),
            ["best_system_s"] = Math.Round(best.System, 2),
            ["quiet_waited_s"] = runs.Select(r => Math.Round(r.Waited, 1)).ToList(),
            ["entries_per_s"] = Math.Round(entries / best.Seconds, 1),
            ["MB_per_s"] = Math.Round(valueBytes / best.Seconds / 1e6, 2),
            ["peak_working_set_mb"] = Math.Round(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, 1),
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["sums"] = checks.ToDictionary(c => c.Key, c => new { count = c.Value.Count, sum = c.Value.Sum, bits = c.Value.Bits }),
        };
        Console.WriteLine(JsonSerializer.Serialize(output));
        return 0;
    }

    private static Dictionary<string, BranchChecks>? ReadFull(string file, string treePath, List<string> branches, int threads, bool withChecks = false)
    {
        using RootFile root = RootFile.Open(file);
        TreeReader tree = root.GetTree(treePath);
        tree.MaxThreads = threads;
        var columns = new Dictionary<string, ColumnData>();
        foreach (string name in branches)
        {
            columns[name] = tree.ReadColumn(name);
        }

        if (!withChecks)
        {
            return null;
        }

        var checks = new Dictionary<string, BranchChecks>();
        foreach ((string name, ColumnData column) in columns)
        {
            var check = new BranchChecks();
            check.Add(column);
            checks[name] = check;
        }

        return checks;
    }

    private static Dictionary<string, BranchChecks>? ReadStream(
        string file, string treePath, List<string> branches, int threads, long chunk, bool withChecks = false)
    {
        using RootFile root = RootFile.Open(file);
        TreeReader tree = root.GetTree(treePath);
        tree.MaxThreads = threads;
        var readers = branches.ToDictionary(b => b, b => StreamingReader.Create(tree, tree.GetBranch(b)));
        var checks = withChecks ? branches.ToDictionary(b => b, _ => new BranchChecks()) : null;
        try
        {
            foreach (EntryRange range in tree.Ranges(chunk))
            {
                foreach ((string name, StreamingReader reader) in readers)
                {
                    reader.Read(range, checks?[name]);
                }
            }
        }
        finally
        {
            foreach (StreamingReader reader in readers.Values)
            {
                reader.Dispose();
            }
        }

        return checks;
    }

    private static string CompressionName(int setting) => (setting / 100) switch
    {
        1 => $"ZLIB:{setting % 100}",
        2 => $"LZMA:{setting % 100}",
        4 => $"LZ4:{setting % 100}",
        5 => $"ZSTD:{setting % 100}",
        _ => setting % 100 == 0 ? "none" : $"{setting}",
    };

    private static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is string text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static double DoubleOption(string[] args, string name, double fallback) =>
        Option(args, name) is string text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
