using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.Clustering;

/// <summary>
/// Hierarchical agglomerative clustering with Ward, complete, average or single linkage on Euclidean distances:
/// the full dendrogram (scipy linkage-matrix convention) and its cut into a given number of clusters.
/// </summary>
/// <remarks>
/// Ward, complete and average linkage use the nearest-neighbour-chain algorithm with Lance-Williams updates on the
/// O(n²) pairwise distance matrix; single linkage uses Prim's minimum spanning tree in O(n) memory. Merges are sorted
/// by height, as scipy's <c>linkage</c> returns them. The cut keeps the first n − k merges; labels are numbered in
/// order of each cluster's first event. scikit-learn: <c>AgglomerativeClustering(n_clusters, linkage)</c> (same
/// partition, different label numbers); scipy: <c>scipy.cluster.hierarchy.linkage(X, method)</c>.
/// </remarks>
public sealed class AgglomerativeClustering
{
    private const string MethodName = "agglomerative clustering";

    private AgglomerativeClustering(int[] labels, int clusters, ClusterMerge[] merges)
    {
        Labels = labels;
        ClusterCount = clusters;
        Merges = merges;
    }

    /// <summary>Cluster of each event, numbered in order of first appearance.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Number of clusters after the cut.</summary>
    public int ClusterCount { get; }

    /// <summary>All n − 1 merges, by increasing height.</summary>
    public IReadOnlyList<ClusterMerge> Merges { get; }

    /// <summary>Clusters the features of <paramref name="data"/> into 2 clusters with Ward linkage.</summary>
    public static AgglomerativeClustering Fit(Dataset data) => Fit(data, new AgglomerativeOptions());

    /// <summary>Clusters the features of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, or is larger than <see cref="AgglomerativeOptions.MaximumEvents"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cluster count is below 1 or above the number of events.</exception>
    public static AgglomerativeClustering Fit(Dataset data, AgglomerativeOptions options)
    {
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        return Fit(TrainingInput.RowMajor(data), data.FeatureCount, options);
    }

    /// <summary>Clusters row-major points <c>[n, dimensions]</c>.</summary>
    /// <inheritdoc cref="Fit(Dataset, AgglomerativeOptions)"/>
    public static AgglomerativeClustering Fit(ReadOnlySpan<float> points, int dimensions, AgglomerativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (points.Length == 0 || points.Length % dimensions != 0)
        {
            throw new ArgumentException($"{MethodName}: {points.Length} values are not a non-empty set of {dimensions}-dimensional points", nameof(points));
        }

        int n = points.Length / dimensions;
        if (options.ClusterCount < 1 || options.ClusterCount > n)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ClusterCount, $"{MethodName}: {options.ClusterCount} clusters must be between 1 and the {n} events");
        }

        if (options.Linkage != Linkage.Single && n > options.MaximumEvents)
        {
            throw new ArgumentException(
                $"{MethodName}: {n} events need {(long)n * (n - 1) / 2 * 8 / (1 << 20)} MB of pairwise distances; the limit is {options.MaximumEvents} events (raise MaximumEvents, subsample, or use single linkage)",
                nameof(points));
        }

        double[] x = new double[points.Length];
        for (int i = 0; i < x.Length; i++)
        {
            if (!float.IsFinite(points[i]))
            {
                throw new ArgumentException($"{MethodName}: coordinate {i % dimensions} of point {i / dimensions} is {points[i]}; points must be finite", nameof(points));
            }

            x[i] = points[i];
        }

        List<(int A, int B, double Distance)> raw = options.Linkage == Linkage.Single
            ? SingleLinkage(x, n, dimensions)
            : NearestNeighbourChain(x, n, dimensions, options.Linkage);
        ClusterMerge[] merges = Relabel(raw, n);
        int[] labels = Cut(merges, n, options.ClusterCount);
        return new AgglomerativeClustering(labels, options.ClusterCount, merges);
    }

    private static double Distance(double[] x, int a, int b, int d)
    {
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double diff = x[(a * d) + j] - x[(b * d) + j];
            sum += diff * diff;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Index of pair (i, j), i &lt; j, in the condensed upper-triangle matrix.</summary>
    private static long Condensed(int n, int i, int j)
    {
        if (i > j)
        {
            (i, j) = (j, i);
        }

        return ((long)n * i) - ((long)i * (i + 1) / 2) + (j - i - 1);
    }

    private static List<(int, int, double)> NearestNeighbourChain(double[] x, int n, int d, Linkage linkage)
    {
        var dist = new double[(long)n * (n - 1) / 2];
        Parallel.For(0, n, i =>
        {
            for (int j = i + 1; j < n; j++)
            {
                dist[Condensed(n, i, j)] = Distance(x, i, j, d);
            }
        });

        var size = new int[n];
        Array.Fill(size, 1);
        var active = new bool[n];
        Array.Fill(active, true);
        var merges = new List<(int, int, double)>(n - 1);
        var chain = new List<int>(n);
        for (int step = 0; step < n - 1; step++)
        {
            if (chain.Count == 0)
            {
                chain.Add(Array.IndexOf(active, true));
            }

            while (true)
            {
                int a = chain[^1];
                int b = -1;
                double best = double.PositiveInfinity;
                if (chain.Count >= 2)
                {
                    b = chain[^2];
                    best = dist[Condensed(n, a, b)];
                }

                for (int c = 0; c < n; c++)
                {
                    if (!active[c] || c == a)
                    {
                        continue;
                    }

                    double value = dist[Condensed(n, a, c)];
                    if (value < best)
                    {
                        best = value;
                        b = c;
                    }
                }

                if (chain.Count >= 2 && b == chain[^2])
                {
                    chain.RemoveRange(chain.Count - 2, 2);
                    MergeInto(dist, size, active, n, a, b, best, linkage);
                    merges.Add((a, b, best));
                    break;
                }

                chain.Add(b);
            }
        }

        return merges;
    }

    /// <summary>Merges clusters a and b into slot max(a, b), updating its distances by the Lance-Williams formula.</summary>
    private static void MergeInto(double[] dist, int[] size, bool[] active, int n, int a, int b, double dab, Linkage linkage)
    {
        int keep = Math.Max(a, b), drop = Math.Min(a, b);
        double na = size[a], nb = size[b];
        active[drop] = false;
        for (int k = 0; k < n; k++)
        {
            if (!active[k] || k == keep)
            {
                continue;
            }

            double dak = dist[Condensed(n, a, k)], dbk = dist[Condensed(n, b, k)];
            double nk = size[k];
            double updated = linkage switch
            {
                Linkage.Complete => Math.Max(dak, dbk),
                Linkage.Average => ((na * dak) + (nb * dbk)) / (na + nb),
                _ => Math.Sqrt(Math.Max(0, (((na + nk) * dak * dak) + ((nb + nk) * dbk * dbk) - (nk * dab * dab)) / (na + nb + nk))),
            };
            dist[Condensed(n, keep, k)] = updated;
        }

        size[keep] = size[a] + size[b];
    }

    /// <summary>Prim's minimum spanning tree; its edges are the single-linkage merges.</summary>
    private static List<(int, int, double)> SingleLinkage(double[] x, int n, int d)
    {
        var inTree = new bool[n];
        var best = new double[n];
        var from = new int[n];
        Array.Fill(best, double.PositiveInfinity);
        var merges = new List<(int, int, double)>(n - 1);
        int current = 0;
        inTree[0] = true;
        for (int step = 0; step < n - 1; step++)
        {
            int next = -1;
            double nextDistance = double.PositiveInfinity;
            for (int k = 0; k < n; k++)
            {
                if (inTree[k])
                {
                    continue;
                }

                double value = Distance(x, current, k, d);
                if (value < best[k])
                {
                    best[k] = value;
                    from[k] = current;
                }

                if (best[k] < nextDistance)
                {
                    nextDistance = best[k];
                    next = k;
                }
            }

            inTree[next] = true;
            merges.Add((from[next], next, nextDistance));
            current = next;
        }

        return merges;
    }

    /// <summary>Sorts merges by height (stable) and renames clusters as scipy does: merge m creates cluster n + m.</summary>
    private static ClusterMerge[] Relabel(List<(int A, int B, double Distance)> raw, int n)
    {
        var order = Enumerable.Range(0, raw.Count).OrderBy(m => raw[m].Distance).ThenBy(m => m).ToArray();
        var parent = new int[(2 * n) - 1];
        var size = new int[(2 * n) - 1];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = i < n ? 1 : 0;
        }

        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var merges = new ClusterMerge[raw.Count];
        for (int m = 0; m < order.Length; m++)
        {
            var (a, b, distance) = raw[order[m]];
            int ra = Root(a), rb = Root(b), created = n + m;
            parent[ra] = created;
            parent[rb] = created;
            size[created] = size[ra] + size[rb];
            merges[m] = new ClusterMerge(Math.Min(ra, rb), Math.Max(ra, rb), distance, size[created]);
        }

        return merges;
    }

    private static int[] Cut(ClusterMerge[] merges, int n, int clusters)
    {
        var parent = new int[(2 * n) - 1];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        for (int m = 0; m < n - clusters; m++)
        {
            parent[merges[m].First] = n + m;
            parent[merges[m].Second] = n + m;
        }

        var labels = new int[n];
        var number = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int root = i;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            if (!number.TryGetValue(root, out int label))
            {
                number[root] = label = number.Count;
            }

            labels[i] = label;
        }

        return labels;
    }
}
