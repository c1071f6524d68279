namespace HepMl.Samples.Anomaly;

/// <summary>What one run of the anomaly-detection study does. The defaults are the embedded small configuration.</summary>
public sealed record AnomalySettings
{
    /// <summary>Default values (a run of well under a minute on two cores).</summary>
    public static class Defaults
    {
        /// <summary>Background events generated for training when no files are given.</summary>
        public const int TrainEvents = 50_000;

        /// <summary>Events generated for testing when no files are given.</summary>
        public const int TestEvents = 50_000;

        /// <summary>Share of signal in the generated test events (LHCO R&amp;D: about 1%).</summary>
        public const double SignalFraction = 0.01;

        /// <summary>Training epochs of the autoencoder and the VAE (the peer trains 20).</summary>
        public const int Epochs = 20;

        /// <summary>Mini-batch size (the peer's 256).</summary>
        public const int BatchSize = 256;

        /// <summary>Weight of the VAE's KL term.</summary>
        public const float Beta = 1f;

        /// <summary>Seed of the toy, the networks and the isolation forest.</summary>
        public const int Seed = 2020;

        /// <summary>Background efficiency of the working point (1%).</summary>
        public const double BackgroundEfficiency = 0.01;

        /// <summary>Where scores, ROC curves, models and the summary go.</summary>
        public const string OutputDirectory = "anomaly-output";
    }

    /// <summary>Background events to generate for training (ignored with files).</summary>
    public int TrainEvents { get; init; } = Defaults.TrainEvents;

    /// <summary>Events to generate for testing (ignored with files).</summary>
    public int TestEvents { get; init; } = Defaults.TestEvents;

    /// <summary>Signal share of the generated test events.</summary>
    public double SignalFraction { get; init; } = Defaults.SignalFraction;

    /// <summary>Training file (the peers' <c>dijet_train.h5</c> layout, or CSV); null to generate.</summary>
    public string? TrainFile { get; init; }

    /// <summary>Test file (the peers' <c>dijet_test.h5</c> layout, or CSV); null to generate.</summary>
    public string? TestFile { get; init; }

    /// <summary>Read at most this many events from each file (0: all).</summary>
    public int MaxEvents { get; init; }

    /// <summary>Training epochs of the autoencoder and the VAE.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Weight of the VAE's KL term.</summary>
    public float Beta { get; init; } = Defaults.Beta;

    /// <summary>Seed of the toy, the networks and the isolation forest.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Background efficiency of the working point.</summary>
    public double BackgroundEfficiency { get; init; } = Defaults.BackgroundEfficiency;

    /// <summary>Format of the per-event score file.</summary>
    public ScoreFileFormat ScoreFormat { get; init; } = ScoreFileFormat.Root;

    /// <summary>Output folder (created when missing).</summary>
    public string OutputDirectory { get; init; } = Defaults.OutputDirectory;

    /// <summary>Draw progress bars when the console is interactive.</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named).</exception>
    /// <exception cref="ArgumentException">Only one of the two files is given.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TrainEvents, 100, nameof(TrainEvents));
        ArgumentOutOfRangeException.ThrowIfLessThan(TestEvents, 100, nameof(TestEvents));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxEvents, nameof(MaxEvents));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(Beta, nameof(Beta));
        if (!(SignalFraction > 0 && SignalFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SignalFraction), SignalFraction, "the signal fraction must be in (0, 1)");
        }

        if (!(BackgroundEfficiency > 0 && BackgroundEfficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(BackgroundEfficiency), BackgroundEfficiency, "the background efficiency must be in (0, 1]");
        }

        if ((TrainFile is null) != (TestFile is null))
        {
            throw new ArgumentException("give both a training and a test file, or neither (to generate the toy)");
        }
    }
}
