using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;
using HepMl.Analysis.Neighbours;

namespace HepMl.Analysis.Clustering;

/// <summary>
/// Density-based clustering (DBSCAN, Ester et al. 1996) on a k-d tree, in parallel: core events have at least
/// <c>MinimumNeighbours</c> events (themselves included) within ε; core events within ε of each other share a
/// cluster; other events within ε of a core event join the lowest-numbered such cluster; the rest are noise.
/// </summary>
/// <remarks>
/// Labels are numbered by each cluster's lowest-index core event, and a border event reachable from several
/// clusters joins the lowest-numbered one, which is exactly what scikit-learn's <c>DBSCAN(eps, min_samples)</c>
/// returns. Core events are linked with a lock-free union-find, so the result does not depend on thread timing.
/// Memory is O(n): neighbourhoods are visited, never stored. Distances are single-precision, so events at a distance
/// within float rounding of ε may be classified differently from a double-precision implementation.
/// </remarks>
public static class Dbscan
{
    private const string MethodName = "DBSCAN";
    private const int ChunkSize = 2048;

    /// <summary>Clusters the features of <paramref name="data"/> with ε = 0.5 and 5 neighbours.</summary>
    public static DbscanResult Fit(Dataset data) => Fit(data, new DbscanOptions());

    /// <summary>Clusters the features of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The dataset is empty or has a NaN feature, or an option is out of range.</exception>
    public static DbscanResult Fit(Dataset data, DbscanOptions options)
    {
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        return Fit(TrainingInput.RowMajor(data), data.FeatureCount, options);
    }

    /// <summary>Clusters row-major points <c>[n, dimensions]</c>.</summary>
    /// <exception cref="ArgumentException">No points, a coordinate is not finite, or an option is out of range.</exception>
    public static DbscanResult Fit(ReadOnlySpan<float> points, int dimensions, DbscanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.Radius > 0) || double.IsInfinity(options.Radius))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Radius, $"{MethodName}: the radius ε must be positive and finite");
        }

        if (options.MinimumNeighbours < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinimumNeighbours, $"{MethodName}: MinimumNeighbours must be at least 1");
        }

        var tree = new KdTree(points, dimensions, leafSize: 16);
        float[] x = points.ToArray();
        int n = tree.Count, d = dimensions;
        float r2 = (float)(options.Radius * options.Radius);
        int chunks = (n + ChunkSize - 1) / ChunkSize;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };

        // 1. Core events: count neighbours, stopping at the threshold.
        var core = new bool[n];
        Parallel.For(0, chunks, parallel, chunk =>
        {
            int begin = chunk * ChunkSize, end = Math.Min(n, begin + ChunkSize);
            for (int i = begin; i < end; i++)
            {
                core[i] = tree.CountWithinSquared(x.AsSpan(i * d, d), r2, options.MinimumNeighbours) >= options.MinimumNeighbours;
            }
        });

        // 2. Link core events within ε: concurrent union-find, linking the larger root under the smaller.
        var parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        Parallel.For(0, chunks, parallel, chunk =>
        {
            int begin = chunk * ChunkSize, end = Math.Min(n, begin + ChunkSize);
            for (int i = begin; i < end; i++)
            {
                if (core[i])
                {
                    var linker = new LinkVisitor(i, core, parent);
                    tree.VisitWithin(x.AsSpan(i * d, d), r2, ref linker);
                }
            }
        });

        // 3. Number clusters by their lowest core index (a root is its component's lowest index).
        var labels = new int[n];
        int clusters = 0;
        var clusterOfRoot = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (core[i])
            {
                int root = Find(parent, i);
                if (root == i)
                {
                    clusterOfRoot[i] = clusters++;
                }

                labels[i] = clusterOfRoot[root];
            }
        }

        // 4. Border events join the lowest-numbered cluster among their core neighbours.
        Parallel.For(0, chunks, parallel, chunk =>
        {
            int begin = chunk * ChunkSize, end = Math.Min(n, begin + ChunkSize);
            for (int i = begin; i < end; i++)
            {
                if (!core[i])
                {
                    var border = new BorderVisitor(core, labels);
                    tree.VisitWithin(x.AsSpan(i * d, d), r2, ref border);
                    labels[i] = border.Best;
                }
            }
        });

        return new DbscanResult(labels, core, clusters);
    }

    private static int Find(int[] parent, int i)
    {
        while (true)
        {
            int p = Volatile.Read(ref parent[i]);
            if (p == i)
            {
                return i;
            }

            int grand = Volatile.Read(ref parent[p]);
            if (grand != p)
            {
                Interlocked.CompareExchange(ref parent[i], grand, p); // path halving
            }

            i = p;
        }
    }

    private static void Union(int[] parent, int a, int b)
    {
        while (true)
        {
            a = Find(parent, a);
            b = Find(parent, b);
            if (a == b)
            {
                return;
            }

            if (a < b)
            {
                (a, b) = (b, a);
            }

            // Link the larger root a under b only if a is still a root.
            if (Interlocked.CompareExchange(ref parent[a], b, a) == a)
            {
                return;
            }
        }
    }

    private readonly struct LinkVisitor(int self, bool[] core, int[] parent) : IRadiusVisitor
    {
        public bool Visit(int index)
        {
            if (index > self && core[index])
            {
                Union(parent, self, index);
            }

            return true;
        }
    }

    private struct BorderVisitor(bool[] core, int[] labels) : IRadiusVisitor
    {
        public int Best = DbscanResult.Noise;

        public bool Visit(int index)
        {
            if (core[index] && (Best == DbscanResult.Noise || labels[index] < Best))
            {
                Best = labels[index];
            }

            return true;
        }
    }
}
