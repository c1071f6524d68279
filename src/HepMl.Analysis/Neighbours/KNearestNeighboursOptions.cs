namespace HepMl.Analysis.Neighbours;

/// <summary>Options of <see cref="KNearestNeighbours.Train(Data.Dataset, KNearestNeighboursOptions)"/>.</summary>
public sealed class KNearestNeighboursOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Number of neighbours (TMVA's <c>nkNN</c> default).</summary>
        public const int NeighbourCount = 20;

        /// <summary>Uniform votes.</summary>
        public const NeighbourWeighting Weighting = NeighbourWeighting.Uniform;

        /// <summary>Largest k-d tree leaf.</summary>
        public const int LeafSize = 32;

        /// <summary>Classification if labelled.</summary>
        public const KNearestNeighboursTask Task = KNearestNeighboursTask.Automatic;
    }

    /// <summary>k, the number of neighbours consulted; at most the number of training events.</summary>
    public int NeighbourCount { get; init; } = Defaults.NeighbourCount;

    /// <summary>Vote weighting.</summary>
    public NeighbourWeighting Weighting { get; init; } = Defaults.Weighting;

    /// <summary>Largest k-d tree leaf (affects speed only).</summary>
    public int LeafSize { get; init; } = Defaults.LeafSize;

    /// <summary>Classification or regression.</summary>
    public KNearestNeighboursTask Task { get; init; } = Defaults.Task;

    /// <summary>Threads for batch queries (-1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
