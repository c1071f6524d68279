namespace HepMl.Analysis.Clustering;

/// <summary>How <see cref="KMeans"/> chooses its starting centroids.</summary>
public enum KMeansInitialisation
{
    /// <summary>Greedy k-means++ (Arthur and Vassilvitskii 2007; 2 + ln k candidates per step, as scikit-learn).</summary>
    KMeansPlusPlus,

    /// <summary>k distinct events chosen uniformly at random.</summary>
    RandomEvents,

    /// <summary>The centroids given in <see cref="KMeansOptions.InitialCentroids"/>.</summary>
    Explicit,
}
