using System.Text.Json.Nodes;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Serialization;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

using Linear = HepMl.Analysis.NeuralNetworks.Layers.Linear;

/// <summary>
/// Variational autoencoder for anomaly detection: Gaussian encoder, reparameterised sample z = μ + ε·exp(lv/2),
/// decoder; loss = Σ_features (x̂ - x)² + β KL, averaged over the batch (as <c>torch_vae.py</c>). Anomaly scores:
/// reconstruction error, KL term, or both.
/// </summary>
public sealed class VariationalAutoencoder
{
    private readonly RandomSource _random;

    /// <summary>Creates an untrained VAE.</summary>
    public VariationalAutoencoder(AutoencoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _random = new RandomSource(options.Seed);
        int h = options.HiddenLayers.Count > 0 ? options.HiddenLayers[^1] : options.InputFeatures;
        var reversed = options.HiddenLayers.Reverse().ToArray();
        Network = new VariationalAutoencoderNetwork(
            NetworkBuilder.Mlp(options.InputFeatures, options.HiddenLayers, 0, options.Activation, _random),
            new Linear(h, options.LatentDimensions, random: _random),
            new Linear(h, options.LatentDimensions, random: _random),
            NetworkBuilder.Mlp(options.LatentDimensions, reversed, options.InputFeatures, options.Activation, _random));
    }

    private VariationalAutoencoder(AutoencoderOptions options, VariationalAutoencoderNetwork network)
    {
        Options = options;
        Network = network;
        _random = new RandomSource(options.Seed);
    }

    /// <summary>The settings.</summary>
    public AutoencoderOptions Options { get; }

    /// <summary>The modules.</summary>
    public VariationalAutoencoderNetwork Network { get; }

    /// <summary>History of the last <see cref="Fit"/>.</summary>
    public TrainingHistory? History { get; private set; }

    /// <summary>Trains on row-major events [rows, InputFeatures] (typically background only).</summary>
    /// <exception cref="ArgumentException">The array size does not match.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN.</exception>
    public TrainingHistory Fit(float[] events, int rows)
    {
        ArgumentNullException.ThrowIfNull(events);
        var source = new InMemoryBatchSource(events, new TensorShape(Options.InputFeatures), rows);
        int features = Options.InputFeatures;
        float beta = Options.Beta;
        Tensor Loss(Batch batch, Tensor? weights, TrainingMetric? metric)
        {
            Tensor x = batch.Features;
            (Tensor mean, Tensor logVariance) = Network.Encode(x);
            Tensor latent = mean;
            if (GradientMode.IsEnabled)
            {
                Tensor noise = Tensor.Normal(mean.Shape, 0f, 1f, _random);
                latent = mean + (noise * Tensor.Exp(Tensor.Scale(logVariance, 0.5f)));
            }

            Tensor reconstruction = Network.Decode(latent);
            Tensor loss = Losses.Losses.MeanSquaredError(reconstruction, x) * features;
            return beta == 0f ? loss : loss + (Losses.Losses.GaussianKlDivergence(mean, logVariance) * beta);
        }

        var trainer = new Trainer(
            Network, new Adam(Network.Parameters(), Options.LearningRate), Loss,
            new TrainerOptions
            {
                Epochs = Options.Epochs, BatchSize = Options.BatchSize, ValidationFraction = Options.ValidationFraction,
                EarlyStoppingPatience = Options.EarlyStoppingPatience, Seed = Options.Seed, ShowProgress = Options.ShowProgress,
            });
        History = trainer.Fit(source);
        return History;
    }

    /// <summary>Writes one anomaly score per event into <paramref name="destination"/>.</summary>
    public void AnomalyScores(float[] events, int rows, AnomalyScoreKind kind, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(events);
        int f = Options.InputFeatures;
        if (events.Length < (long)rows * f || destination.Length < rows)
        {
            throw new ArgumentException($"[{rows}, {f}] events need {(long)rows * f} values and {rows} destination slots");
        }

        Network.Eval();
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        const int chunk = 8192;
        for (int start = 0; start < rows; start += chunk)
        {
            using TensorScope scope = TensorScope.Begin();
            int count = Math.Min(chunk, rows - start);
            Tensor x = Tensor.Wrap(events, new TensorShape(count, f), start * f);
            (Tensor mean, Tensor logVariance) = Network.Encode(x);
            Span<float> target = destination.Slice(start, count);
            if (kind != AnomalyScoreKind.KlDivergence)
            {
                Tensor reconstruction = Network.Decode(mean);
                AutoencoderScores.SquaredError(reconstruction.Span, x.Span, f, target);
            }

            if (kind != AnomalyScoreKind.Reconstruction)
            {
                float[] kl = new float[count];
                Losses.Losses.GaussianKlPerEvent(mean.Span, logVariance.Span, Options.LatentDimensions, kl);
                for (int i = 0; i < count; i++)
                {
                    target[i] = kind == AnomalyScoreKind.KlDivergence ? kl[i] : target[i] + (Options.Beta * kl[i]);
                }
            }
        }
    }

    /// <summary>Decodes the latent means of the events (deterministic reconstruction), row-major.</summary>
    public float[] Reconstruct(float[] events, int rows)
    {
        ArgumentNullException.ThrowIfNull(events);
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        using TensorScope scope = TensorScope.Begin();
        Network.Eval();
        return Network.Forward(Tensor.Wrap(events, new TensorShape(rows, Options.InputFeatures))).ToArray();
    }

    /// <summary>Saves the model (architecture, weights, options).</summary>
    public void Save(string path) =>
        ModelFile.Save(path, "VariationalAutoencoder", new Dictionary<string, Module> { ["network"] = Network }, AutoencoderScores.Describe(Options));

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="HepMl.Io.HepMlFormatException">The file is not a VAE model file.</exception>
    public static VariationalAutoencoder Load(string path)
    {
        ModelFileContents contents = ModelFile.Load(path);
        if (contents.Kind != "VariationalAutoencoder")
        {
            throw new HepMl.Io.HepMlFormatException($"expected a VariationalAutoencoder model; the file holds a {contents.Kind}", path);
        }

        return new VariationalAutoencoder(AutoencoderScores.ReadOptions(contents.Metadata), (VariationalAutoencoderNetwork)contents.Modules["network"]);
    }
}
