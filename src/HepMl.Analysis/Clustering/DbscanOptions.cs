namespace HepMl.Analysis.Clustering;

/// <summary>Options of <see cref="Dbscan"/>.</summary>
public sealed class DbscanOptions
{
    /// <summary>Default values (those of scikit-learn's <c>DBSCAN</c>).</summary>
    public static class Defaults
    {
        /// <summary>Neighbourhood radius.</summary>
        public const double Radius = 0.5;

        /// <summary>Events (including itself) within the radius that make an event a core event.</summary>
        public const int MinimumNeighbours = 5;
    }

    /// <summary>ε, the neighbourhood radius (Euclidean, inclusive). scikit-learn: <c>eps</c>.</summary>
    public double Radius { get; init; } = Defaults.Radius;

    /// <summary>Events within ε, counting the event itself, needed for a core event. scikit-learn: <c>min_samples</c>.</summary>
    public int MinimumNeighbours { get; init; } = Defaults.MinimumNeighbours;

    /// <summary>Threads (-1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
