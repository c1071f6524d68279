using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using HepMl.Tmva.Reader;

namespace HepMl.Benchmarks.Trees;

/// <summary>
/// HepMl's side of the TMVA-evaluation comparison (<c>bench/peers/tmva_eval_vs_xgboost.sh</c>): reads a TMVA weight
/// file (the XGBoost forest converted by <c>hepml tmva convert</c>) with <see cref="TmvaReader"/>, evaluates every row
/// of a raw tabular file (all rows, row-major float32) with <c>EvaluateBatch</c> on T threads, and prints one JSON line
/// with the peer's field names (<c>seconds</c> = median of the repeats, <c>rows_per_s</c>, <c>host_other_busy</c>).
/// </summary>
/// <remarks><c>tmva-eval WEIGHTS.xml DATA.raw [--threads T] [--repeats R] [--scores OUT.f32]</c>; the scores file
/// holds the responses as float32 for the agreement check.</remarks>
internal static class TmvaEvaluationPeerRun
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: tmva-eval WEIGHTS.xml DATA.raw [--threads T] [--repeats R] [--scores OUT.f32]");
            return 2;
        }

        var host = new HostLoad();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 2; i + 1 < args.Length; i += 2)
        {
            settings[args[i].TrimStart('-')] = args[i + 1];
        }

        int threads = int.Parse(settings.GetValueOrDefault("threads", "1"), CultureInfo.InvariantCulture);
        int repeats = int.Parse(settings.GetValueOrDefault("repeats", "3"), CultureInfo.InvariantCulture);
        (float[] rows, int count, int features) = ReadRowMajor(args[1]);
        TmvaBookedMethod method = new TmvaReader().BookMva("BDT", args[0]);
        if (method.InputCount != features)
        {
            Console.Error.WriteLine($"the weight file has {method.InputCount} variables; the data {features} features");
            return 2;
        }

        var scores = new float[count];
        method.EvaluateBatch(rows.AsSpan(0, 1000 * features), scores.AsSpan(0, 1000), maxDegreeOfParallelism: threads); // warm-up
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            method.EvaluateBatch(rows, scores, maxDegreeOfParallelism: threads);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        if (settings.TryGetValue("scores", out string? scoresPath))
        {
            File.WriteAllBytes(scoresPath, MemoryMarshal.AsBytes(scores.AsSpan()).ToArray());
        }

        double seconds = times.Order().ElementAt(times.Count / 2);
        var record = new Dictionary<string, object>
        {
            ["peer"] = "hepml",
            ["task"] = "tmva_bdt_eval",
            ["dataset"] = Path.GetFileNameWithoutExtension(args[1]),
            ["rows"] = count,
            ["threads"] = threads,
            ["seconds"] = seconds,
            ["all_seconds"] = times,
            ["rows_per_s"] = count / seconds,
            ["host_other_busy"] = host.OtherBusy(),
        };
        Console.WriteLine(JsonSerializer.Serialize(record));
        return 0;
    }

    /// <summary>All rows of the raw tabular format (see <see cref="RawTabularFile"/>) as one row-major array.</summary>
    private static (float[] Rows, int Count, int Features) ReadRowMajor(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        Span<byte> header = stackalloc byte[16];
        stream.ReadExactly(header);
        if (!header[..8].SequenceEqual("HMLRAW01"u8))
        {
            throw new InvalidDataException($"{path}: expected magic HMLRAW01");
        }

        int count = BitConverter.ToInt32(header[8..12]);
        int features = BitConverter.ToInt32(header[12..16]);
        var column = new float[count];
        var rows = new float[(long)count * features];
        for (int f = 0; f < features; f++)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(column.AsSpan()));
            for (int i = 0; i < count; i++)
            {
                rows[((long)i * features) + f] = column[i];
            }
        }

        return (rows, count, features);
    }
}
