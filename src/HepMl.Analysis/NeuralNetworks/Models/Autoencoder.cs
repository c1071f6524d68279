using HepMl.Analysis.Autodiff;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Serialization;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>
/// Deterministic autoencoder (encoder to <see cref="AutoencoderOptions.LatentDimensions"/>, mirrored decoder), trained
/// on Σ_features (x̂ - x)² averaged over the batch; the anomaly score is the reconstruction error.
/// </summary>
public sealed class Autoencoder
{
    /// <summary>Creates an untrained autoencoder.</summary>
    public Autoencoder(AutoencoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var random = new RandomSource(options.Seed);
        Sequential encoder = NetworkBuilder.Mlp(options.InputFeatures, options.HiddenLayers, options.LatentDimensions, options.Activation, random);
        Sequential decoder = NetworkBuilder.Mlp(options.LatentDimensions, options.HiddenLayers.Reverse().ToArray(), options.InputFeatures, options.Activation, random);
        Network = new Sequential(encoder, decoder);
    }

    private Autoencoder(AutoencoderOptions options, Sequential network)
    {
        Options = options;
        Network = network;
    }

    /// <summary>The settings.</summary>
    public AutoencoderOptions Options { get; }

    /// <summary>Encoder followed by decoder.</summary>
    public Sequential Network { get; }

    /// <summary>Trains on row-major events [rows, InputFeatures].</summary>
    /// <exception cref="TrainingDivergedException">The loss became NaN.</exception>
    public TrainingHistory Fit(float[] events, int rows)
    {
        var source = new InMemoryBatchSource(events, new TensorShape(Options.InputFeatures), rows);
        int features = Options.InputFeatures;
        var trainer = new Trainer(
            Network, new Adam(Network.Parameters(), Options.LearningRate),
            (batch, weights, metric) => Losses.Losses.MeanSquaredError(Network.Forward(batch.Features), batch.Features) * features,
            new TrainerOptions
            {
                Epochs = Options.Epochs, BatchSize = Options.BatchSize, ValidationFraction = Options.ValidationFraction,
                EarlyStoppingPatience = Options.EarlyStoppingPatience, Seed = Options.Seed, ShowProgress = Options.ShowProgress,
            });
        return trainer.Fit(source);
    }

    /// <summary>Writes the reconstruction error of each event (only <see cref="AnomalyScoreKind.Reconstruction"/> applies).</summary>
    /// <exception cref="ArgumentException">A KL-based score was asked for.</exception>
    public void AnomalyScores(float[] events, int rows, AnomalyScoreKind kind, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (kind != AnomalyScoreKind.Reconstruction)
        {
            throw new ArgumentException("a deterministic autoencoder has no KL term; use AnomalyScoreKind.Reconstruction or a VariationalAutoencoder", nameof(kind));
        }

        int f = Options.InputFeatures;
        Network.Eval();
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        for (int start = 0; start < rows; start += 8192)
        {
            using TensorScope scope = TensorScope.Begin();
            int count = Math.Min(8192, rows - start);
            Tensor x = Tensor.Wrap(events, new TensorShape(count, f), start * f);
            AutoencoderScores.SquaredError(Network.Forward(x).Span, x.Span, f, destination.Slice(start, count));
        }
    }

    /// <summary>Saves the model.</summary>
    public void Save(string path) =>
        ModelFile.Save(path, "Autoencoder", new Dictionary<string, Module> { ["network"] = Network }, AutoencoderScores.Describe(Options));

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="HepMl.Io.HepMlFormatException">The file is not an autoencoder model file.</exception>
    public static Autoencoder Load(string path)
    {
        ModelFileContents contents = ModelFile.Load(path);
        if (contents.Kind != "Autoencoder")
        {
            throw new HepMl.Io.HepMlFormatException($"expected an Autoencoder model; the file holds a {contents.Kind}", path);
        }

        return new Autoencoder(AutoencoderScores.ReadOptions(contents.Metadata), (Sequential)contents.Modules["network"]);
    }
}
