namespace HepMl.Analysis.Clustering;

/// <summary>One merge of a dendrogram, in scipy's linkage-matrix convention.</summary>
/// <param name="First">Smaller id of the two merged clusters (events are 0..n−1; the cluster made by merge m is n + m).</param>
/// <param name="Second">Larger id of the two merged clusters.</param>
/// <param name="Distance">Linkage distance at which they merge.</param>
/// <param name="Size">Number of events in the merged cluster.</param>
public readonly record struct ClusterMerge(int First, int Second, double Distance, int Size);
