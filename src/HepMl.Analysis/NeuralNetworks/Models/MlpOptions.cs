using HepMl.Analysis.NeuralNetworks.Schedules;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Architecture and training settings of <see cref="MlpClassifier"/> and <see cref="MlpRegressor"/>.</summary>
public sealed class MlpOptions
{
    /// <summary>Hidden layer widths.</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = Defaults.HiddenLayers;

    /// <summary>Hidden activation.</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Relu;

    /// <summary>Dropout probability after each hidden activation (0: none).</summary>
    public float Dropout { get; init; }

    /// <summary>Batch normalisation after each hidden Linear.</summary>
    public bool BatchNormalization { get; init; }

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Adam (or AdamW, with <see cref="WeightDecay"/>) learning rate.</summary>
    public float LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>AdamW's decoupled weight decay (0: plain Adam).</summary>
    public float WeightDecay { get; init; }

    /// <summary>L1 penalty on weights.</summary>
    public float L1Penalty { get; init; }

    /// <summary>L2 penalty on weights.</summary>
    public float L2Penalty { get; init; }

    /// <summary>Fraction of the training events held out for validation (0: none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Early-stopping patience (0: off).</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Per-class weight factors (classification), or null.</summary>
    public IReadOnlyList<float>? ClassWeights { get; init; }

    /// <summary>Global gradient-norm clip, or null.</summary>
    public float? GradientClipNorm { get; init; }

    /// <summary>Learning-rate schedule, or null.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Use the dataset's event weights in the loss.</summary>
    public bool UseEventWeights { get; init; } = true;

    /// <summary>Seed of initialisation and shuffling.</summary>
    public ulong Seed { get; init; }

    /// <summary>Console progress bar.</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Default values (those of the HIGGS peer, <c>torch_mlp.py</c>).</summary>
    public static class Defaults
    {
        /// <summary>Three hidden layers of 64.</summary>
        public static readonly IReadOnlyList<int> HiddenLayers = [64, 64, 64];

        /// <summary>5 epochs.</summary>
        public const int Epochs = 5;

        /// <summary>256 events per batch.</summary>
        public const int BatchSize = 256;

        /// <summary>Adam 1e-3.</summary>
        public const float LearningRate = 1e-3f;
    }
}
