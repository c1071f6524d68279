namespace HepMl.Analysis.Clustering;

/// <summary>Options of <see cref="KMeans"/>.</summary>
public sealed class KMeansOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Number of clusters.</summary>
        public const int ClusterCount = 8;

        /// <summary>k-means++ seeding.</summary>
        public const KMeansInitialisation Initialisation = KMeansInitialisation.KMeansPlusPlus;

        /// <summary>Independent starts; the lowest inertia wins.</summary>
        public const int Initialisations = 1;

        /// <summary>Lloyd iteration limit.</summary>
        public const int MaximumIterations = 300;

        /// <summary>Relative centroid-shift tolerance.</summary>
        public const double Tolerance = 1e-4;

        /// <summary>Random seed.</summary>
        public const int Seed = 42;
    }

    /// <summary>k, the number of clusters; at most the number of events.</summary>
    public int ClusterCount { get; init; } = Defaults.ClusterCount;

    /// <summary>Seeding method.</summary>
    public KMeansInitialisation Initialisation { get; init; } = Defaults.Initialisation;

    /// <summary>Row-major <c>[ClusterCount, dimensions]</c> starting centroids for <see cref="KMeansInitialisation.Explicit"/>.</summary>
    public float[]? InitialCentroids { get; init; }

    /// <summary>Number of independent starts (ignored for explicit centroids).</summary>
    public int Initialisations { get; init; } = Defaults.Initialisations;

    /// <summary>Iteration limit per start (reaching it is not an error: the last centroids are returned).</summary>
    public int MaximumIterations { get; init; } = Defaults.MaximumIterations;

    /// <summary>
    /// Stop when the summed squared centroid shift falls to this times the mean per-feature variance (scikit-learn's
    /// <c>tol</c>); 0 iterates until no event changes cluster.
    /// </summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>Seed of the initialisation.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Threads (-1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
