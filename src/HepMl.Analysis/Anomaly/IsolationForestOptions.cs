namespace HepMl.Analysis.Anomaly;

/// <summary>Options of <see cref="IsolationForest.Train(Data.Dataset, IsolationForestOptions)"/>.</summary>
public sealed class IsolationForestOptions
{
    /// <summary>Default values (those of Liu et al. and scikit-learn's <c>IsolationForest</c>).</summary>
    public static class Defaults
    {
        /// <summary>Number of trees.</summary>
        public const int TreeCount = 100;

        /// <summary>Events drawn (without replacement) to grow each tree.</summary>
        public const int SampleSize = 256;

        /// <summary>Random seed.</summary>
        public const int Seed = 42;
    }

    /// <summary>Number of isolation trees.</summary>
    public int TreeCount { get; init; } = Defaults.TreeCount;

    /// <summary>ψ, the subsample size per tree (capped at the number of events); trees grow to depth ceil(log2 ψ).</summary>
    public int SampleSize { get; init; } = Defaults.SampleSize;

    /// <summary>Seed; the same seed gives the same forest on any machine and thread count.</summary>
    public int Seed { get; init; } = Defaults.Seed;
}
