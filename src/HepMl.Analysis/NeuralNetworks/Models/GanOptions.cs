using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Architecture and training settings of <see cref="Gan"/>.</summary>
public sealed class GanOptions
{
    /// <summary>Values per generated event (e.g. 144 for a flattened 12x12 shower) (required).</summary>
    public int DataDimensions { get; init; }

    /// <summary>Values per condition (e.g. 1 for the incident energy); 0 for an unconditional GAN.</summary>
    public int ConditionDimensions { get; init; }

    /// <summary>Latent noise dimensions.</summary>
    public int LatentDimensions { get; init; } = 8;

    /// <summary>Generator hidden widths.</summary>
    public IReadOnlyList<int> GeneratorHidden { get; init; } = [64, 64];

    /// <summary>Discriminator hidden widths.</summary>
    public IReadOnlyList<int> DiscriminatorHidden { get; init; } = [64, 64];

    /// <summary>Activation of the generator's output (Identity, or e.g. Softplus / Relu for non-negative energies).</summary>
    public ActivationKind GeneratorOutputActivation { get; init; } = ActivationKind.Identity;

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam learning rate of both networks.</summary>
    public float LearningRate { get; init; } = 2e-4f;

    /// <summary>Adam β1 of both networks (0.5 as in DCGAN).</summary>
    public float Beta1 { get; init; } = 0.5f;

    /// <summary>Seed of initialisation, shuffling and noise.</summary>
    public ulong Seed { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DataDimensions, nameof(DataDimensions));
        ArgumentOutOfRangeException.ThrowIfNegative(ConditionDimensions, nameof(ConditionDimensions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentDimensions, nameof(LatentDimensions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
    }
}
