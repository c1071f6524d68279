using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Architecture and training settings of <see cref="Autoencoder"/> and <see cref="VariationalAutoencoder"/>.</summary>
public sealed class AutoencoderOptions
{
    /// <summary>Features per event (required).</summary>
    public int InputFeatures { get; init; }

    /// <summary>Encoder hidden widths; the decoder mirrors them.</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = Defaults.HiddenLayers;

    /// <summary>Latent dimensions.</summary>
    public int LatentDimensions { get; init; } = Defaults.LatentDimensions;

    /// <summary>Hidden activation.</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Relu;

    /// <summary>Weight of the KL term (VAE).</summary>
    public float Beta { get; init; } = 1f;

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Adam learning rate.</summary>
    public float LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>Fraction held out for validation and early stopping (0: none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Early-stopping patience in epochs (0: off).</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Seed of initialisation, shuffling and sampling.</summary>
    public ulong Seed { get; init; }

    /// <summary>Console progress bar.</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Default values (those of the dijet anomaly peer, <c>torch_vae.py</c>).</summary>
    public static class Defaults
    {
        /// <summary>Two hidden layers of 32.</summary>
        public static readonly IReadOnlyList<int> HiddenLayers = [32, 32];

        /// <summary>4 latent dimensions.</summary>
        public const int LatentDimensions = 4;

        /// <summary>20 epochs.</summary>
        public const int Epochs = 20;

        /// <summary>256 events per batch.</summary>
        public const int BatchSize = 256;

        /// <summary>Adam 1e-3.</summary>
        public const float LearningRate = 1e-3f;
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputFeatures, nameof(InputFeatures));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentDimensions, nameof(LatentDimensions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(Beta, nameof(Beta));
    }
}
