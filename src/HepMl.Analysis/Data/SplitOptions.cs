namespace HepMl.Analysis.Data;

/// <summary>Options of <see cref="DatasetSplitter.Split(Dataset, SplitOptions)"/>.</summary>
public sealed class SplitOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Share of events for training.</summary>
        public const double TrainingFraction = 0.6;

        /// <summary>Share of events for validation.</summary>
        public const double ValidationFraction = 0.2;

        /// <summary>Seed of the shuffle.</summary>
        public const int Seed = 42;

        /// <summary>Whether each class is split in the same proportions.</summary>
        public const bool Stratify = true;
    }

    /// <summary>Share of events for training, in (0, 1]. The test part gets what training and validation leave.</summary>
    public double TrainingFraction { get; init; } = Defaults.TrainingFraction;

    /// <summary>Share of events for validation, in [0, 1).</summary>
    public double ValidationFraction { get; init; } = Defaults.ValidationFraction;

    /// <summary>Seed of the shuffle; the same seed gives the same split on every machine.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Split each class separately in the requested proportions (ignored without labels).</summary>
    public bool Stratify { get; init; } = Defaults.Stratify;
}
