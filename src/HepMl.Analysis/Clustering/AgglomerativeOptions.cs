namespace HepMl.Analysis.Clustering;

/// <summary>Options of <see cref="AgglomerativeClustering"/>.</summary>
public sealed class AgglomerativeOptions
{
    /// <summary>Default values (those of scikit-learn's <c>AgglomerativeClustering</c>).</summary>
    public static class Defaults
    {
        /// <summary>Clusters left after cutting the tree.</summary>
        public const int ClusterCount = 2;

        /// <summary>Ward linkage.</summary>
        public const Linkage Linkage = Clustering.Linkage.Ward;

        /// <summary>Largest number of events (the pairwise distances take n²/2 doubles).</summary>
        public const int MaximumEvents = 30_000;
    }

    /// <summary>Number of clusters to cut the tree into.</summary>
    public int ClusterCount { get; init; } = Defaults.ClusterCount;

    /// <summary>Linkage criterion.</summary>
    public Linkage Linkage { get; init; } = Defaults.Linkage;

    /// <summary>Refuse larger inputs rather than allocate n²/2 distances (single linkage needs only O(n) memory and ignores this).</summary>
    public int MaximumEvents { get; init; } = Defaults.MaximumEvents;
}
