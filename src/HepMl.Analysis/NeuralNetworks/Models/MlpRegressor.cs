using System.Text.Json.Nodes;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.Data;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Serialization;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>
/// A fully connected regressor on a feature table: features and target standardised on the training data, loss
/// MSE (or Huber with a delta in standardised units), event weights in the loss; predictions come back in target units.
/// </summary>
public sealed class MlpRegressor
{
    private MlpRegressor(Sequential network, FeatureScaler scaler, double targetMean, double targetScale, TrainingHistory? history)
    {
        (Network, Scaler, TargetMean, TargetScale, History) = (network, scaler, targetMean, targetScale, history);
    }

    /// <summary>The network (outputs the standardised target).</summary>
    public Sequential Network { get; }

    /// <summary>Training history (null for a loaded model).</summary>
    public TrainingHistory? History { get; }

    /// <summary>Mean of the training target.</summary>
    public double TargetMean { get; }

    /// <summary>Standard deviation of the training target.</summary>
    public double TargetScale { get; }

    internal FeatureScaler Scaler { get; }

    /// <summary>Trains on a dataset with regression targets; <paramref name="huberDelta"/> selects the Huber loss.</summary>
    /// <exception cref="ArgumentException">The dataset has no targets or holds non-finite features.</exception>
    public static MlpRegressor Fit(Dataset train, MlpOptions options, float? huberDelta = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (!train.HasTargets)
        {
            throw new ArgumentException("MlpRegressor needs a dataset with regression targets", nameof(train));
        }

        FeatureScaler scaler = FeatureScaler.Fit(train);
        float[] x = scaler.Transform(train);
        ReadOnlySpan<float> targets = train.Targets;
        double mean = 0;
        double squares = 0;
        foreach (float t in targets)
        {
            mean += t;
            squares += (double)t * t;
        }

        mean /= Math.Max(targets.Length, 1);
        double scale = Math.Sqrt(Math.Max(0, (squares / Math.Max(targets.Length, 1)) - (mean * mean))) + 1e-12;
        float[] y = new float[targets.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (float)((targets[i] - mean) / scale);
        }

        float[]? weights = options.UseEventWeights && train.HasExplicitWeights ? train.Weights.ToArray() : null;
        var random = new RandomSource(options.Seed);
        Sequential network = NetworkBuilder.Mlp(train.FeatureCount, options.HiddenLayers, 1, options.Activation, random, options.Dropout, options.BatchNormalization);
        Optimizer optimizer = options.WeightDecay > 0f
            ? new AdamW(network.Parameters(), options.LearningRate, options.WeightDecay)
            : new Adam(network.Parameters(), options.LearningRate);
        optimizer.L1Penalty = options.L1Penalty;
        optimizer.L2Penalty = options.L2Penalty;
        BatchLoss loss = huberDelta is { } delta
            ? Trainer.Supervised(network, (o, t, w) => Losses.Losses.Huber(o, t!, delta, w))
            : Trainer.Supervised(network, (o, t, w) => Losses.Losses.MeanSquaredError(o, t!, w));
        var trainer = new Trainer(network, optimizer, loss, new TrainerOptions
        {
            Epochs = options.Epochs, BatchSize = options.BatchSize, ValidationFraction = options.ValidationFraction,
            EarlyStoppingPatience = options.EarlyStoppingPatience, GradientClipNorm = options.GradientClipNorm,
            Schedule = options.Schedule, Seed = options.Seed, ShowProgress = options.ShowProgress,
        });
        TrainingHistory history = trainer.Fit(new InMemoryBatchSource(x, new TensorShape(train.FeatureCount), train.RowCount, y, 1, weights));
        return new MlpRegressor(network, scaler, mean, scale, history);
    }

    /// <summary>Predicted target per event, in target units.</summary>
    public float[] Predict(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        float[] x = Scaler.Transform(data);
        int f = Scaler.Names.Length;
        float[] result = new float[data.RowCount];
        Network.Eval();
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        for (int start = 0; start < data.RowCount; start += 8192)
        {
            using TensorScope scope = TensorScope.Begin();
            int count = Math.Min(8192, data.RowCount - start);
            ReadOnlySpan<float> output = Network.Forward(Tensor.Wrap(x, new TensorShape(count, f), start * f)).Span;
            for (int i = 0; i < count; i++)
            {
                result[start + i] = (float)((output[i] * TargetScale) + TargetMean);
            }
        }

        return result;
    }

    /// <summary>Saves architecture, weights and scaling.</summary>
    public void Save(string path) => ModelFile.Save(
        path, "MlpRegressor", new Dictionary<string, Module> { ["network"] = Network },
        new JsonObject { ["scaler"] = Scaler.Describe(), ["target_mean"] = TargetMean, ["target_scale"] = TargetScale });

    /// <summary>Loads a regressor saved by <see cref="Save"/>.</summary>
    /// <exception cref="HepMl.Io.HepMlFormatException">The file is not an MlpRegressor model file.</exception>
    public static MlpRegressor Load(string path)
    {
        ModelFileContents contents = ModelFile.Load(path);
        if (contents.Kind != "MlpRegressor")
        {
            throw new HepMl.Io.HepMlFormatException($"expected an MlpRegressor model; the file holds a {contents.Kind}", path);
        }

        JsonObject m = contents.Metadata;
        return new MlpRegressor(
            (Sequential)contents.Modules["network"], FeatureScaler.Read(m["scaler"]!.AsObject()),
            m["target_mean"]!.GetValue<double>(), m["target_scale"]!.GetValue<double>(), null);
    }
}
