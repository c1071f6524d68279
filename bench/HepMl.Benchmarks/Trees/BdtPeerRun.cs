using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HepMl.Analysis.Data;
using HepMl.Analysis.Metrics;
using HepMl.Analysis.Trees;

namespace HepMl.Benchmarks.Trees;

/// <summary>
/// HepMl's side of the BDT peer comparison (<c>bench/peers/bdt_compare.py</c>): trains on the first 70% of a raw
/// tabular file, scores the rest, and prints one JSON line with the peers' field names (<c>train_s</c>, <c>auc</c>,
/// <c>auc_weighted</c>, <c>predict_rows_per_s</c>, <c>host_other_busy</c>, <c>peak_rss_kb</c>).
/// </summary>
/// <remarks>
/// <c>bdt-peer DATA.raw [--mode gbdt|adaboost|realadaboost|bagging|grad] [--trees N] [--depth D] [--lr X] [--bins B]
/// [--threads T] [--leaves L] [--min-node-size P] [--ncuts C] [--beta B]</c>
/// </remarks>
internal static class BdtPeerRun
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: bdt-peer DATA.raw [--mode gbdt|adaboost|realadaboost|bagging|grad] [--trees N] [--depth D] [--lr X] [--bins B] [--threads T]");
            return 2;
        }

        var host = new HostLoad();
        string path = args[0];
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            settings[args[i].TrimStart('-')] = args[i + 1];
        }

        string mode = Get(settings, "mode", "gbdt");
        int threads = int.Parse(Get(settings, "threads", "2"), CultureInfo.InvariantCulture);
        var load = Stopwatch.StartNew();
        (Dataset train, Dataset test) = RawTabularFile.ReadSplit(path);
        double loadSeconds = load.Elapsed.TotalSeconds;

        var clock = Stopwatch.StartNew();
        double cpuStart = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        BoostedDecisionTrees forest;
        var parameters = new Dictionary<string, object>();
        if (mode == "gbdt")
        {
            var options = new GradientBoostingOptions
            {
                NumberOfTrees = int.Parse(Get(settings, "trees", "200"), CultureInfo.InvariantCulture),
                MaxDepth = int.Parse(Get(settings, "depth", "6"), CultureInfo.InvariantCulture),
                LearningRate = double.Parse(Get(settings, "lr", "0.1"), CultureInfo.InvariantCulture),
                MaxBins = int.Parse(Get(settings, "bins", "255"), CultureInfo.InvariantCulture),
                MaxLeaves = int.Parse(Get(settings, "leaves", "0"), CultureInfo.InvariantCulture),
                GrowthPolicy = Get(settings, "policy", "depthwise") == "leafwise" ? GrowthPolicy.LeafWise : GrowthPolicy.DepthWise,
                ThreadCount = threads,
            };
            parameters["trees"] = options.NumberOfTrees;
            parameters["depth"] = options.MaxDepth;
            parameters["eta"] = options.LearningRate;
            parameters["max_bin"] = options.MaxBins + 1;
            parameters["threads"] = threads;
            forest = GradientBoostingTrainer.Train(train, options);
        }
        else if (mode is "adaboost" or "realadaboost" or "bagging" or "grad")
        {
            // TMVAClassification.C's BDT and BDTG bookings unless overridden.
            bool grad = mode == "grad";
            var options = new TmvaBdtOptions
            {
                BoostType = mode switch
                {
                    "grad" => TmvaBoostType.Grad,
                    "realadaboost" => TmvaBoostType.RealAdaBoost,
                    "bagging" => TmvaBoostType.Bagging,
                    _ => TmvaBoostType.AdaBoost,
                },
                NTrees = int.Parse(Get(settings, "trees", grad ? "1000" : "850"), CultureInfo.InvariantCulture),
                MaxDepth = int.Parse(Get(settings, "depth", grad ? "2" : "3"), CultureInfo.InvariantCulture),
                MinNodeSize = double.Parse(Get(settings, "min-node-size", "2.5"), CultureInfo.InvariantCulture),
                NCuts = int.Parse(Get(settings, "ncuts", "20"), CultureInfo.InvariantCulture),
                AdaBoostBeta = double.Parse(Get(settings, "beta", "0.5"), CultureInfo.InvariantCulture),
                Shrinkage = double.Parse(Get(settings, "lr", "0.1"), CultureInfo.InvariantCulture),
                UseBaggedBoost = Get(settings, "bagged", "true") == "true",
                BaggedSampleFraction = double.Parse(Get(settings, "bagged-fraction", "0.5"), CultureInfo.InvariantCulture),
                ThreadCount = threads,
            };
            parameters["NTrees"] = options.NTrees;
            parameters["MaxDepth"] = options.MaxDepth;
            parameters["MinNodeSize"] = options.MinNodeSize;
            parameters["nCuts"] = options.NCuts;
            parameters["AdaBoostBeta"] = options.AdaBoostBeta;
            parameters["Shrinkage"] = options.Shrinkage;
            parameters["UseBaggedBoost"] = options.UseBaggedBoost;
            parameters["BaggedSampleFraction"] = options.BaggedSampleFraction;
            parameters["threads"] = threads;
            forest = TmvaBdtTrainer.Train(train, options);
        }
        else
        {
            Console.Error.WriteLine($"unknown mode {mode}");
            return 2;
        }

        double trainSeconds = clock.Elapsed.TotalSeconds;
        double trainCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuStart;
        forest.ScoringThreadCount = threads;
        float[] scores = forest.Score(test);
        var rates = new List<double>();
        var total = Stopwatch.StartNew();
        while (rates.Count < 3 || (total.Elapsed.TotalSeconds < 1.0 && rates.Count < 50))
        {
            var once = Stopwatch.StartNew();
            forest.Score(test, scores);
            rates.Add(test.RowCount / once.Elapsed.TotalSeconds);
        }

        rates.Sort();
        double auc = RocCurve.Compute(scores, test.Labels).AreaUnderCurve;
        double aucWeighted = RocCurve.Compute(scores, test.Labels, test.Weights).AreaUnderCurve;
        var record = new Dictionary<string, object>
        {
            ["peer"] = "hepml_" + mode,
            ["dataset"] = Path.GetFileNameWithoutExtension(path),
            ["n_train"] = train.RowCount,
            ["n_test"] = test.RowCount,
            ["n_features"] = train.FeatureCount,
            ["params"] = parameters,
            ["load_s"] = Round(loadSeconds),
            ["train_s"] = Round(trainSeconds),
            ["train_cpu_s"] = Round(trainCpu),
            ["auc"] = Round(auc),
            ["auc_weighted"] = Round(aucWeighted),
            ["predict_rows_per_s"] = Round(rates[rates.Count / 2]),
            ["predict_reps"] = rates.Count,
            ["trees"] = forest.Trees.Count,
            ["peak_rss_kb"] = HostLoad.PeakResidentKilobytes(),
            ["host_other_busy"] = Round(host.OtherBusy()),
            ["cpus"] = Environment.ProcessorCount,
            ["unix_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        Console.WriteLine(JsonSerializer.Serialize(record));
        return 0;
    }

    private static string Get(Dictionary<string, string> settings, string key, string fallback) =>
        settings.TryGetValue(key, out string? value) ? value : fallback;

    private static double Round(double value) => double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
