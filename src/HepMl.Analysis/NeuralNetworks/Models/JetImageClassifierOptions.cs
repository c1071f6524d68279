namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Architecture and training settings of <see cref="JetImageClassifier"/>.</summary>
public sealed class JetImageClassifierOptions
{
    /// <summary>Image channels.</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Image height (rows).</summary>
    public int Height { get; init; } = Defaults.ImageSize;

    /// <summary>Image width (columns).</summary>
    public int Width { get; init; } = Defaults.ImageSize;

    /// <summary>Output channels of each convolution block (conv k x k, ReLU, 2x2 max pool).</summary>
    public IReadOnlyList<int> ConvolutionChannels { get; init; } = Defaults.ConvolutionChannels;

    /// <summary>Convolution kernel size (padding keeps the size: k / 2).</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Width of the dense layer after flattening.</summary>
    public int DenseUnits { get; init; } = 64;

    /// <summary>Number of classes (2: one logit and binary cross-entropy).</summary>
    public int ClassCount { get; init; } = 2;

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam learning rate.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>Fraction held out for validation (0: none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Early-stopping patience (0: off).</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Per-class weight factors, or null.</summary>
    public IReadOnlyList<float>? ClassWeights { get; init; }

    /// <summary>Seed of initialisation and shuffling.</summary>
    public ulong Seed { get; init; }

    /// <summary>Console progress bar.</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Defaults: the architecture of the jet-image peer (<c>torch_cnn.py</c>).</summary>
    public static class Defaults
    {
        /// <summary>25 x 25 pixels.</summary>
        public const int ImageSize = 25;

        /// <summary>Two blocks: 8 then 16 channels.</summary>
        public static readonly IReadOnlyList<int> ConvolutionChannels = [8, 16];
    }
}
