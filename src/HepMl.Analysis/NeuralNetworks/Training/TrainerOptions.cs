using HepMl.Analysis.NeuralNetworks.Schedules;

namespace HepMl.Analysis.NeuralNetworks.Training;

/// <summary>Settings of <see cref="Trainer"/>; unset values come from <see cref="Defaults"/>.</summary>
public sealed class TrainerOptions
{
    /// <summary>Number of passes over the training data.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Events per mini-batch.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Shuffle the training events every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// When no validation source is given and the training source is in memory, this last fraction of it is held
    /// out for validation (0: none).
    /// </summary>
    public double ValidationFraction { get; init; }

    /// <summary>Stop after this many epochs without improvement of the monitored loss (0: never stop early).</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>At the end, put back the weights of the best epoch (when there was a best epoch).</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>Per-class factors multiplied into the event weights (targets must be class indices), or null.</summary>
    public IReadOnlyList<float>? ClassWeights { get; init; }

    /// <summary>Clip the global gradient norm to this value before each step, or null.</summary>
    public float? GradientClipNorm { get; init; }

    /// <summary>Learning-rate schedule applied after each epoch, or null.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Seed of the shuffling generator.</summary>
    public ulong Seed { get; init; }

    /// <summary>Batches prepared ahead on a background thread (0: none).</summary>
    public int Prefetch { get; init; } = Defaults.Prefetch;

    /// <summary>Draw a progress bar on the console (Spectre.Console).</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Called after each epoch.</summary>
    public IProgress<EpochRecord>? Progress { get; init; }

    /// <summary>Metric accumulated next to the loss, or null.</summary>
    public TrainingMetric? Metric { get; init; }

    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>10 epochs.</summary>
        public const int Epochs = 10;

        /// <summary>256 events per batch.</summary>
        public const int BatchSize = 256;

        /// <summary>2 batches prefetched.</summary>
        public const int Prefetch = 2;
    }
}
