using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.Metrics;
using HepMl.Analysis.NeuralNetworks;
using HepMl.Analysis.NeuralNetworks.Activations;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.NeuralNetworks.Losses;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;
using HepMl.Analysis.Tensors.Kernels;
using HostLoad = HepMl.Benchmarks.Trees.HostLoad;

namespace HepMl.Benchmarks.Neural;

/// <summary>
/// Single-launch peer comparisons of the neural-network engine (STYLE B6: training benchmarks run once), driven by
/// bench/peers/run_neural_peers.sh next to the PyTorch scripts on the same data, architecture and settings. Each mode
/// prints one JSON line with the peers' field names.
/// </summary>
internal static class NeuralPeerBenchmarks
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || !args[0].StartsWith("neural-", StringComparison.Ordinal))
        {
            return false;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        int epochs = options.TryGetValue("epochs", out string? e) ? int.Parse(e, CultureInfo.InvariantCulture) : 5;
        switch (args[0])
        {
            case "neural-mlp": Mlp(positional[0], epochs); break;
            case "neural-cnn": Cnn(positional[0], epochs); break;
            case "neural-vae": Vae(positional[0], positional[1], options.TryGetValue("epochs", out string? ve) ? int.Parse(ve, CultureInfo.InvariantCulture) : 20); break;
            case "neural-gemm": GemmThroughput(); break;
            default: throw new ArgumentException($"unknown mode {args[0]}; use neural-mlp, neural-cnn, neural-vae or neural-gemm");
        }

        return true;
    }

    private static void Mlp(string prefix, int epochs)
    {
        var load = new HostLoad();
        var loadClock = Stopwatch.StartNew();
        RawDataset data = RawDataset.Load(prefix);
        double loadSeconds = loadClock.Elapsed.TotalSeconds;
        int n = data.Rows;
        int f = data.RowLength;
        int ntr = (int)(n * 0.7);
        float[] x = Standardise(data.Features, n, f, ntr);
        float[] y = data.Labels.Select(l => (float)l).ToArray();
        var train = new InMemoryBatchSource(x[..(ntr * f)], new TensorShape(f), ntr, y[..ntr], 1, data.Weights[..ntr]);
        var random = new RandomSource(0);
        var model = new Sequential(
            new Linear(f, 64, random: random), Activation.Relu(),
            new Linear(64, 64, random: random), Activation.Relu(),
            new Linear(64, 64, random: random), Activation.Relu(),
            new Linear(64, 1, random: random));
        var trainer = new Trainer(
            model, new Adam(model.Parameters(), 1e-3f),
            Trainer.Supervised(model, (o, t, w) => Losses.BinaryCrossEntropyWithLogits(o, t!, w)),
            new TrainerOptions { Epochs = epochs, BatchSize = 256, Seed = 0 });
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        TrainingHistory history = trainer.Fit(train);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        double trainCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        long allocatedPerStep = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Math.Max(1, (long)epochs * ((ntr + 255) / 256));

        int nte = n - ntr;
        float[] testX = x[(ntr * f)..];
        float[] scores = new float[nte];
        void Predict()
        {
            using TensorScope scope = TensorScope.Begin();
            using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
            Tensor logits = model.Forward(Tensor.Wrap(testX, new TensorShape(nte, f)));
            Tensor.Sigmoid(logits).Span.CopyTo(scores);
        }

        Predict();
        double auc = RocCurve.Compute(scores, data.Labels.AsSpan(ntr), default).AreaUnderCurve;
        double aucWeighted = RocCurve.Compute(scores, data.Labels.AsSpan(ntr), data.Weights.AsSpan(ntr)).AreaUnderCurve;
        (double rate, int reps) = Throughput(Predict, nte);
        Emit(new Dictionary<string, object?>
        {
            ["peer"] = "hepml_mlp", ["dataset"] = Path.GetFileName(prefix), ["n_train"] = ntr, ["n_test"] = nte, ["n_features"] = f,
            ["load_s"] = loadSeconds, ["train_s"] = trainSeconds, ["train_cpu_s"] = trainCpu, ["epoch_s"] = history.Epochs.Select(r => r.Seconds).ToArray(),
            ["samples_per_s"] = epochs * ntr / trainSeconds, ["auc"] = auc, ["auc_weighted"] = aucWeighted,
            ["predict_rows_per_s"] = rate, ["predict_reps"] = reps, ["final_epoch_loss"] = history.Epochs[^1].TrainLoss,
            ["allocated_bytes_per_step"] = allocatedPerStep, ["threads"] = ParallelRunner.ThreadCount,
            ["host_other_busy"] = load.OtherBusy(),
        });
    }

    private static void Cnn(string prefix, int epochs)
    {
        var load = new HostLoad();
        var loadClock = Stopwatch.StartNew();
        RawDataset data = RawDataset.Load(prefix);
        int n = data.Rows;
        int pixels = data.RowLength;
        float[] x = data.Features;
        for (int i = 0; i < n; i++)
        {
            Span<float> image = x.AsSpan(i * pixels, pixels);
            double sum = 0;
            foreach (float v in image)
            {
                sum += v;
            }

            float scale = (float)(1.0 / Math.Max(sum, 1e-12));
            System.Numerics.Tensors.TensorPrimitives.Multiply(image, scale, image);
        }

        double loadSeconds = loadClock.Elapsed.TotalSeconds;
        int ntr = (int)(n * 0.7);
        float[] y = data.Labels.Select(l => (float)l).ToArray();
        var train = new InMemoryBatchSource(x[..(ntr * pixels)], new TensorShape(1, 25, 25), ntr, y[..ntr]);
        var random = new RandomSource(0);
        var model = new Sequential(
            new Conv2d(1, 8, 3, padding: 1, random: random), Activation.Relu(), Pool2d.Max(2),
            new Conv2d(8, 16, 3, padding: 1, random: random), Activation.Relu(), Pool2d.Max(2),
            new Flatten(), new Linear(16 * 6 * 6, 64, random: random), Activation.Relu(), new Linear(64, 1, random: random));
        var trainer = new Trainer(
            model, new Adam(model.Parameters(), 1e-3f),
            Trainer.Supervised(model, (o, t, w) => Losses.BinaryCrossEntropyWithLogits(o, t!, w)),
            new TrainerOptions { Epochs = epochs, BatchSize = 256, Seed = 0 });
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        TrainingHistory history = trainer.Fit(train);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        double trainCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        int nte = n - ntr;
        float[] scores = new float[nte];
        void Predict()
        {
            using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
            for (int start = 0; start < nte; start += 4096)
            {
                using TensorScope scope = TensorScope.Begin();
                int count = Math.Min(4096, nte - start);
                Tensor images = Tensor.Wrap(x, new TensorShape(count, 1, 25, 25), (ntr + start) * pixels);
                Tensor.Sigmoid(model.Forward(images)).Span.CopyTo(scores.AsSpan(start, count));
            }
        }

        Predict();
        double auc = RocCurve.Compute(scores, data.Labels.AsSpan(ntr), default).AreaUnderCurve;
        (double rate, int reps) = Throughput(Predict, nte);
        Emit(new Dictionary<string, object?>
        {
            ["peer"] = "hepml_cnn", ["dataset"] = Path.GetFileName(prefix), ["n_train"] = ntr, ["n_test"] = nte,
            ["n_params"] = model.ParameterCount(), ["epochs"] = epochs, ["load_s"] = loadSeconds, ["train_s"] = trainSeconds, ["train_cpu_s"] = trainCpu,
            ["epoch_s"] = history.Epochs.Select(r => r.Seconds).ToArray(), ["images_per_s"] = epochs * ntr / trainSeconds,
            ["auc"] = auc, ["predict_images_per_s"] = rate, ["predict_reps"] = reps, ["final_epoch_loss"] = history.Epochs[^1].TrainLoss,
            ["threads"] = ParallelRunner.ThreadCount, ["host_other_busy"] = load.OtherBusy(),
        });
    }

    private static void Vae(string trainPrefix, string testPrefix, int epochs)
    {
        var load = new HostLoad();
        RawDataset train = RawDataset.Load(trainPrefix);
        RawDataset test = RawDataset.Load(testPrefix);
        int f = train.RowLength;
        int[] logColumns = [0, 1, 2, 4, 5];
        float[] Prepare(RawDataset d)
        {
            float[] values = (float[])d.Features.Clone();
            for (int i = 0; i < d.Rows; i++)
            {
                foreach (int c in logColumns)
                {
                    values[(i * f) + c] = MathF.Log(MathF.Max(values[(i * f) + c], 1e-3f));
                }
            }

            return values;
        }

        float[] xtr = Prepare(train);
        float[] xte = Prepare(test);
        (double[] mean, double[] std) = MeanStd(xtr, train.Rows, f);
        Apply(xtr, mean, std, f);
        Apply(xte, mean, std, f);
        var vae = new HepMl.Analysis.NeuralNetworks.Models.VariationalAutoencoder(
            new HepMl.Analysis.NeuralNetworks.Models.AutoencoderOptions { InputFeatures = f, HiddenLayers = [32, 32], LatentDimensions = 4, Epochs = epochs, BatchSize = 256, LearningRate = 1e-3f, Seed = 0 });
        var clock = Stopwatch.StartNew();
        vae.Fit(xtr, train.Rows);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        float[] reconstruction = new float[test.Rows];
        float[] kl = new float[test.Rows];
        void Score()
        {
            vae.AnomalyScores(xte, test.Rows, HepMl.Analysis.NeuralNetworks.Models.AnomalyScoreKind.Reconstruction, reconstruction);
            vae.AnomalyScores(xte, test.Rows, HepMl.Analysis.NeuralNetworks.Models.AnomalyScoreKind.KlDivergence, kl);
        }

        Score();
        float[] elbo = reconstruction.Zip(kl, (a, b) => a + b).ToArray();
        (double rate, int reps) = Throughput(Score, test.Rows);
        Emit(new Dictionary<string, object?>
        {
            ["peer"] = "hepml_vae", ["dataset"] = "dijet", ["n_train"] = train.Rows, ["n_test"] = test.Rows, ["epochs"] = epochs,
            ["train_s"] = trainSeconds, ["samples_per_s"] = epochs * train.Rows / trainSeconds,
            ["auc_recon"] = RocCurve.Compute(reconstruction, test.Labels, default).AreaUnderCurve,
            ["auc_kl"] = RocCurve.Compute(kl, test.Labels, default).AreaUnderCurve,
            ["auc_elbo"] = RocCurve.Compute(elbo, test.Labels, default).AreaUnderCurve,
            ["score_rows_per_s"] = rate, ["score_reps"] = reps, ["threads"] = ParallelRunner.ThreadCount, ["host_other_busy"] = load.OtherBusy(),
        });
    }

    private static void GemmThroughput()
    {
        var load = new HostLoad();
        double clockGhz = CpuClockGhz();
        int cores = Environment.ProcessorCount;
        int lanes = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 16 : 8;
        double peakBrief = cores * lanes * 2 * clockGhz;
        var results = new List<object>();
        foreach ((int m, int nn, int k) in new[] { (256, 64, 64), (256, 64, 28), (512, 512, 512), (1024, 1024, 1024), (2048, 2048, 2048) })
        {
            float[] a = new float[m * k];
            float[] b = new float[k * nn];
            float[] c = new float[m * nn];
            new RandomSource(1).FillUniform(a, -1f, 1f);
            new RandomSource(2).FillUniform(b, -1f, 1f);
            foreach (bool parallel in new[] { false, true })
            {
                double seconds = TimeBest(() => Gemm.Multiply(false, false, m, nn, k, 1f, a, k, b, nn, 0f, c, nn, parallel), minimumSeconds: 1.0);
                results.Add(new Dictionary<string, object>
                {
                    ["m"] = m, ["n"] = nn, ["k"] = k, ["threads"] = parallel ? ParallelRunner.ThreadCount : 1,
                    ["gflops"] = 2.0 * m * nn * k / seconds / 1e9,
                });
            }
        }

        Emit(new Dictionary<string, object?>
        {
            ["peer"] = "hepml_gemm", ["clock_ghz"] = clockGhz, ["cores"] = cores, ["fma_lanes"] = lanes,
            ["peak_gflops_one_fma_pipe"] = peakBrief, ["peak_gflops_two_fma_pipes"] = 2 * peakBrief,
            ["results"] = results, ["host_other_busy"] = load.OtherBusy(),
        });
    }

    private static double CpuClockGhz()
    {
        foreach (string line in File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo") : [])
        {
            if (line.StartsWith("cpu MHz", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(':')[1], CultureInfo.InvariantCulture) / 1000.0;
            }
        }

        return double.NaN;
    }

    private static double TimeBest(Action action, double minimumSeconds)
    {
        action();
        double best = double.PositiveInfinity;
        var total = Stopwatch.StartNew();
        int runs = 0;
        while (runs < 3 || total.Elapsed.TotalSeconds < minimumSeconds)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            runs++;
        }

        return best;
    }

    private static (double Rate, int Reps) Throughput(Action action, int rows)
    {
        var rates = new List<double>();
        var total = Stopwatch.StartNew();
        while (rates.Count < 3 || (total.Elapsed.TotalSeconds < 1.0 && rates.Count < 50))
        {
            var clock = Stopwatch.StartNew();
            action();
            rates.Add(rows / clock.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return (rates[rates.Count / 2], rates.Count);
    }

    private static float[] Standardise(float[] features, int n, int f, int trainRows)
    {
        float[] x = (float[])features.Clone();
        (double[] mean, double[] std) = MeanStd(x, trainRows, f);
        Apply(x, mean, std, f);
        return x;
    }

    private static (double[] Mean, double[] Std) MeanStd(float[] x, int rows, int f)
    {
        double[] mean = new double[f];
        double[] squares = new double[f];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < f; j++)
            {
                double v = x[(i * f) + j];
                mean[j] += v;
                squares[j] += v * v;
            }
        }

        double[] std = new double[f];
        for (int j = 0; j < f; j++)
        {
            mean[j] /= rows;
            std[j] = Math.Sqrt(Math.Max(0, (squares[j] / rows) - (mean[j] * mean[j]))) + 1e-6;
        }

        return (mean, std);
    }

    private static void Apply(float[] x, double[] mean, double[] std, int f)
    {
        for (int i = 0; i < x.Length; i++)
        {
            int j = i % f;
            x[i] = (float)((x[i] - mean[j]) / std[j]);
        }
    }

    private static void Emit(Dictionary<string, object?> record)
    {
        record["hepml_provider"] = HepMl.Analysis.Providers.LinearAlgebraControl.Provider.Name;
        record["unix_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Console.WriteLine(JsonSerializer.Serialize(record));
    }
}
