namespace HepMl.Analysis.Clustering;

/// <summary>The outcome of <see cref="Dbscan"/>.</summary>
/// <param name="Labels">Cluster of each event, from 0, numbered in order of each cluster's first core event; −1 for noise.</param>
/// <param name="IsCore">Whether each event is a core event.</param>
/// <param name="ClusterCount">Number of clusters.</param>
public sealed record DbscanResult(IReadOnlyList<int> Labels, IReadOnlyList<bool> IsCore, int ClusterCount)
{
    /// <summary>Label of noise events.</summary>
    public const int Noise = -1;
}
