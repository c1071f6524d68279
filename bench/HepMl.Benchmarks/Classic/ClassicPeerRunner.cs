using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using HepMl.Analysis.Clustering;
using HepMl.Analysis.Data;
using HepMl.Analysis.Metrics;
using HepMl.Analysis.Neighbours;

namespace HepMl.Benchmarks.Classic;

/// <summary>
/// HepMl's side of bench/peers/classic_peer.py: runs one classic-toolbox task on the raw arrays that script wrote
/// and prints one JSON line (median wall time over repeats, after a warm-up on a small slice for the JIT).
/// Usage: <c>HepMl.Benchmarks classic-peer (auc|knn|kmeans|dbscan) DATA_DIR NAME [options]</c>.
/// </summary>
internal static class ClassicPeerRunner
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: classic-peer (auc|knn|kmeans|dbscan) DATA_DIR NAME [repeats=3] [extra...]");
            return 2;
        }

        string task = args[0], dir = args[1], name = args[2];
        int repeats = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + ".json"))).RootElement;
        var result = task switch
        {
            "auc" => Auc(dir, name, meta, repeats),
            "knn" => Knn(dir, name, meta, repeats),
            "kmeans" => KMeansTask(dir, name, meta, repeats),
            "dbscan" => DbscanTask(dir, name, meta, repeats),
            _ => throw new ArgumentException($"unknown task '{task}'"),
        };
        result["peer"] = "hepml";
        result["task"] = task;
        result["dataset"] = name;
        result["threads"] = Environment.ProcessorCount;
        result["runtime"] = RuntimeInformation.FrameworkDescription;
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static Dictionary<string, object> Auc(string dir, string name, JsonElement meta, int repeats)
    {
        float[] scores = Floats(dir, name + "_scores.f32");
        int[] labels = Ints(dir, name + "_labels.i32");
        float[] weights = Floats(dir, name + "_weights.f32");
        AreaUnderRocCurve.Compute(scores.AsSpan(0, 100_000), labels.AsSpan(0, 100_000)); // JIT warm-up
        double auc = 0, weighted = 0;
        double seconds = Median(repeats, () => auc = AreaUnderRocCurve.Compute(scores, labels));
        double weightedSeconds = Median(repeats, () => weighted = AreaUnderRocCurve.Compute(scores, labels, weights));
        return new()
        {
            ["n"] = scores.Length,
            ["seconds"] = seconds,
            ["scores_per_s"] = scores.Length / seconds,
            ["weighted_seconds"] = weightedSeconds,
            ["auc"] = auc,
            ["auc_weighted"] = weighted,
        };
    }

    private static Dictionary<string, object> Knn(string dir, string name, JsonElement meta, int repeats)
    {
        int d = meta.GetProperty("dimensions").GetInt32(), k = meta.GetProperty("k").GetInt32();
        float[] train = Floats(dir, name + "_train.f32");
        int[] labels = Ints(dir, name + "_labels.i32");
        float[] queries = Floats(dir, name + "_queries.f32");
        Dataset training = FromRows(train, d, labels);
        Dataset queryData = FromRows(queries, d, null);
        var options = new KNearestNeighboursOptions { NeighbourCount = k };
        KNearestNeighbours.Train(training.Subset(Enumerable.Range(0, 20_000).ToArray()), options).Score(queryData.Subset(Enumerable.Range(0, 1000).ToArray()));
        KNearestNeighbours? model = null;
        double build = Median(repeats, () => model = KNearestNeighbours.Train(training, options));
        float[] probabilities = [];
        double seconds = Median(repeats, () => probabilities = model!.Score(queryData));
        return new()
        {
            ["n_train"] = training.RowCount,
            ["n_queries"] = queryData.RowCount,
            ["k"] = k,
            ["build_seconds"] = build,
            ["seconds"] = seconds,
            ["queries_per_s"] = queryData.RowCount / seconds,
            ["mean_probability"] = probabilities.Average(p => (double)p),
        };
    }

    private static Dictionary<string, object> KMeansTask(string dir, string name, JsonElement meta, int repeats)
    {
        int d = meta.GetProperty("dimensions").GetInt32(), k = meta.GetProperty("k").GetInt32(), iterations = meta.GetProperty("max_iter").GetInt32();
        float[] points = Floats(dir, name + "_points.f32");
        float[] init = Floats(dir, name + "_init.f32");
        var options = new KMeansOptions { ClusterCount = k, Initialisation = KMeansInitialisation.Explicit, InitialCentroids = init, MaximumIterations = iterations, Tolerance = 0 };
        KMeans.Fit(points.AsSpan(0, 50_000 * d), d, options);
        KMeans? model = null;
        double seconds = Median(repeats, () => model = KMeans.Fit(points, d, options));
        return new()
        {
            ["n"] = points.Length / d,
            ["k"] = k,
            ["seconds"] = seconds,
            ["iterations"] = model!.Iterations,
            ["seconds_per_iteration"] = seconds / model.Iterations,
            ["inertia"] = model.Inertia,
        };
    }

    private static Dictionary<string, object> DbscanTask(string dir, string name, JsonElement meta, int repeats)
    {
        int d = meta.GetProperty("dimensions").GetInt32();
        double eps = meta.GetProperty("eps").GetDouble();
        int minSamples = meta.GetProperty("min_samples").GetInt32();
        float[] points = Floats(dir, name + "_points.f32");
        var options = new DbscanOptions { Radius = eps, MinimumNeighbours = minSamples };
        Dbscan.Fit(points.AsSpan(0, 50_000 * d), d, options);
        DbscanResult? result = null;
        double seconds = Median(repeats, () => result = Dbscan.Fit(points, d, options));
        return new()
        {
            ["n"] = points.Length / d,
            ["seconds"] = seconds,
            ["clusters"] = result!.ClusterCount,
            ["noise"] = result.Labels.Count(l => l < 0),
            ["core"] = result.IsCore.Count(c => c),
        };
    }

    private static Dataset FromRows(float[] rows, int d, int[]? labels)
    {
        int n = rows.Length / d;
        var columns = new float[d][];
        for (int j = 0; j < d; j++)
        {
            columns[j] = new float[n];
            for (int i = 0; i < n; i++)
            {
                columns[j][i] = rows[(i * d) + j];
            }
        }

        return new Dataset(Enumerable.Range(0, d).Select(j => $"x{j}").ToArray(), columns, labels);
    }

    private static double Median(int repeats, Action action)
    {
        var times = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    private static float[] Floats(string dir, string file) => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(dir, file))).ToArray();

    private static int[] Ints(string dir, string file) => MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(Path.Combine(dir, file))).ToArray();
}
