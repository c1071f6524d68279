namespace HepMl.Analysis.ModelSelection;

/// <summary>Options of <see cref="HyperparameterSearch"/>.</summary>
public sealed class SearchOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Cross-validation folds.</summary>
        public const int Folds = 5;

        /// <summary>Trials of a random or Bayesian search.</summary>
        public const int Trials = 30;

        /// <summary>Seed of folds, sampling and objective seeds.</summary>
        public const int Seed = 42;

        /// <summary>Higher scores are better.</summary>
        public const bool Maximize = true;

        /// <summary>Random trials before the tree-structured Parzen estimator takes over.</summary>
        public const int StartupTrials = 10;

        /// <summary>Candidates drawn from the "good" density per parameter and trial.</summary>
        public const int Candidates = 24;

        /// <summary>Share of trials in the "good" group (capped at 25 trials).</summary>
        public const double GoodFraction = 0.25;

        /// <summary>Trials proposed together (and run in parallel) by the Bayesian search.</summary>
        public const int BatchSize = 4;
    }

    /// <summary>k of the k-fold cross-validation (stratified when the data have labels).</summary>
    public int Folds { get; init; } = Defaults.Folds;

    /// <summary>Number of trials (random and Bayesian search; a grid search tries every point).</summary>
    public int Trials { get; init; } = Defaults.Trials;

    /// <summary>Seed: the same seed and options give the same trials and scores.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>True when a larger mean score is better (AUC); false for losses.</summary>
    public bool Maximize { get; init; } = Defaults.Maximize;

    /// <summary>Threads running trials and folds (-1: all cores). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Bayesian search: random trials before modelling.</summary>
    public int StartupTrials { get; init; } = Defaults.StartupTrials;

    /// <summary>Bayesian search: candidates per parameter and trial.</summary>
    public int Candidates { get; init; } = Defaults.Candidates;

    /// <summary>Bayesian search: share of the best trials forming the "good" density.</summary>
    public double GoodFraction { get; init; } = Defaults.GoodFraction;

    /// <summary>
    /// Bayesian search: trials proposed from the same history and evaluated in parallel. Part of the algorithm's
    /// definition (not of the machine), so results are the same on any core count.
    /// </summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Receives each finished trial (from worker threads).</summary>
    public IProgress<TrialRecord>? Progress { get; init; }
}
