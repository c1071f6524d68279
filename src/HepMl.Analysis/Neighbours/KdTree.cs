using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HepMl.Analysis.Neighbours;

/// <summary>
/// A k-d tree over points in R^d (Euclidean distance) for k-nearest-neighbour and fixed-radius queries.
/// Immutable after construction and safe for concurrent queries.
/// </summary>
/// <remarks>
/// The points are copied in tree order (row-major, so each leaf is one contiguous block). Nodes split the widest
/// dimension of their bounding box at the median until at most <c>leafSize</c> points remain, and keep their tight
/// bounding boxes, so a query prunes any node whose box lies farther than the current k-th neighbour. Distances are
/// squared Euclidean in single precision. scikit-learn: <c>KDTree(X, leaf_size)</c>.
/// </remarks>
public sealed class KdTree
{
    private readonly float[] _points;
    private readonly int[] _originalIndex;
    private readonly int _dimensions;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly float[] _lower;
    private readonly float[] _upper;
    private int _nodeCount;

    /// <summary>Builds the tree.</summary>
    /// <param name="points">Row-major points, <c>[count, dimensions]</c>.</param>
    /// <param name="dimensions">Coordinates per point, at least 1.</param>
    /// <param name="leafSize">Largest number of points in a leaf.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of the dimension, there are no points, or a coordinate is not finite.</exception>
    public KdTree(ReadOnlySpan<float> points, int dimensions, int leafSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(leafSize, 1);
        if (points.Length % dimensions != 0)
        {
            throw new ArgumentException($"{points.Length} values is not a whole number of {dimensions}-dimensional points", nameof(points));
        }

        int n = points.Length / dimensions;
        if (n == 0)
        {
            throw new ArgumentException("a k-d tree needs at least one point", nameof(points));
        }

        for (int i = 0; i < points.Length; i++)
        {
            if (!float.IsFinite(points[i]))
            {
                throw new ArgumentException($"coordinate {i % dimensions} of point {i / dimensions} is {points[i]}; points must be finite", nameof(points));
            }
        }

        _dimensions = dimensions;
        Count = n;
        LeafSize = leafSize;
        int maxNodes = 2 * Math.Max(1, (int)Math.Min(int.MaxValue / 4, (2L * n / leafSize) + 1)) + 1;
        _start = new int[maxNodes];
        _end = new int[maxNodes];
        _left = new int[maxNodes];
        _right = new int[maxNodes];
        _lower = new float[maxNodes * dimensions];
        _upper = new float[maxNodes * dimensions];

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        float[] source = points.ToArray();
        Build(source, order, 0, n);

        _points = new float[points.Length];
        _originalIndex = order;
        for (int i = 0; i < n; i++)
        {
            source.AsSpan(order[i] * dimensions, dimensions).CopyTo(_points.AsSpan(i * dimensions, dimensions));
        }
    }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Coordinates per point.</summary>
    public int Dimensions => _dimensions;

    /// <summary>Largest leaf size.</summary>
    public int LeafSize { get; }

    /// <summary>
    /// Finds the <c>indices.Length</c> nearest points to <paramref name="query"/>, nearest first. Ties are broken
    /// towards the smaller original index.
    /// </summary>
    /// <param name="query">The query point (length = <see cref="Dimensions"/>).</param>
    /// <param name="indices">Receives the original indices of the neighbours; its length is k.</param>
    /// <param name="squaredDistances">Receives the squared distances (same length as <paramref name="indices"/>).</param>
    /// <exception cref="ArgumentException">Lengths mismatch, or k exceeds the number of points.</exception>
    public void Query(ReadOnlySpan<float> query, Span<int> indices, Span<float> squaredDistances)
    {
        int k = indices.Length;
        if (query.Length != _dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} coordinates; the tree has {_dimensions}", nameof(query));
        }

        if (squaredDistances.Length != k)
        {
            throw new ArgumentException($"{squaredDistances.Length} distance slots for {k} neighbours", nameof(squaredDistances));
        }

        if (k > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(indices), k, $"k = {k} neighbours were asked for; the tree holds {Count} points");
        }

        if (k == 0)
        {
            return;
        }

        Span<int> stack = stackalloc int[64];
        QueryCore(query, k, indices, squaredDistances, stack);
    }

    /// <summary>
    /// Finds the k nearest neighbours of many queries, in parallel over queries.
    /// </summary>
    /// <param name="queries">Row-major queries, <c>[m, Dimensions]</c>.</param>
    /// <param name="k">Neighbours per query.</param>
    /// <param name="indices">Receives <c>[m, k]</c> original indices, nearest first.</param>
    /// <param name="squaredDistances">Receives <c>[m, k]</c> squared distances.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (-1: all cores).</param>
    /// <exception cref="ArgumentException">Shapes mismatch or k exceeds the number of points.</exception>
    public void QueryBatch(ReadOnlySpan<float> queries, int k, Span<int> indices, Span<float> squaredDistances, int maxDegreeOfParallelism = -1)
    {
        if (queries.Length % _dimensions != 0)
        {
            throw new ArgumentException($"{queries.Length} values is not a whole number of {_dimensions}-dimensional queries", nameof(queries));
        }

        int m = queries.Length / _dimensions;
        if (indices.Length != (long)m * k || squaredDistances.Length != (long)m * k)
        {
            throw new ArgumentException($"[{m}, {k}] results need {(long)m * k} slots; got {indices.Length} indices and {squaredDistances.Length} distances", nameof(indices));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (k > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k = {k} neighbours were asked for; the tree holds {Count} points");
        }

        CheckFinite(queries);
        unsafe
        {
            fixed (float* q = queries)
            fixed (int* ip = indices)
            fixed (float* dp = squaredDistances)
            {
                nint qa = (nint)q, ia = (nint)ip, da = (nint)dp;
                int d = _dimensions;
                const int Block = 256;
                int blocks = (m + Block - 1) / Block;
                Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, () => new int[64], (b, _, stack) =>
                {
                    int begin = b * Block, end = Math.Min(m, begin + Block);
                    for (int i = begin; i < end; i++)
                    {
                        var query = new ReadOnlySpan<float>((float*)qa + ((long)i * d), d);
                        var idx = new Span<int>((int*)ia + ((long)i * k), k);
                        var dist = new Span<float>((float*)da + ((long)i * k), k);
                        QueryCore(query, k, idx, dist, stack);
                    }

                    return stack;
                }, _ => { });
            }
        }
    }

    /// <summary>Appends the original indices of all points within <paramref name="radius"/> of <paramref name="query"/> (inclusive) to <paramref name="result"/>, in no particular order.</summary>
    /// <exception cref="ArgumentException">The query has the wrong dimension or the radius is negative or NaN.</exception>
    public void QueryRadius(ReadOnlySpan<float> query, float radius, List<int> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (query.Length != _dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} coordinates; the tree has {_dimensions}", nameof(query));
        }

        if (!(radius >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "the radius must be non-negative");
        }

        var collector = new CollectVisitor(result);
        VisitWithin(query, radius * radius, ref collector);
    }

    /// <summary>Counts the points within <paramref name="radius"/> of <paramref name="query"/> (inclusive), stopping early once <paramref name="stopAt"/> is reached.</summary>
    public int CountWithin(ReadOnlySpan<float> query, float radius, int stopAt = int.MaxValue)
    {
        if (query.Length != _dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} coordinates; the tree has {_dimensions}", nameof(query));
        }

        return CountWithinSquared(query, radius * radius, stopAt);
    }

    /// <summary>Counts the points within squared radius <paramref name="squaredRadius"/> (inclusive), stopping at <paramref name="stopAt"/>.</summary>
    internal int CountWithinSquared(ReadOnlySpan<float> query, float squaredRadius, int stopAt)
    {
        var counter = new CountVisitor(stopAt);
        VisitWithin(query, squaredRadius, ref counter);
        return counter.Count;
    }

    /// <summary>Calls <paramref name="visitor"/> with the original index of every point within squared radius
    /// <paramref name="squaredRadius"/> (inclusive) until it returns false.</summary>
    internal void VisitWithin<TVisitor>(ReadOnlySpan<float> query, float squaredRadius, ref TVisitor visitor)
        where TVisitor : struct, IRadiusVisitor
    {
        Span<int> stack = stackalloc int[64];
        int top = 0;
        stack[top++] = 0;
        int d = _dimensions;
        ref float points = ref MemoryMarshal.GetArrayDataReference(_points);
        ref float q0 = ref MemoryMarshal.GetReference(query);
        while (top > 0)
        {
            int node = stack[--top];
            if (BoxDistance(node, query) > squaredRadius)
            {
                continue;
            }

            if (_left[node] < 0)
            {
                int end = _end[node];
                for (int p = _start[node]; p < end; p++)
                {
                    ref float row = ref Unsafe.Add(ref points, p * d);
                    float sum = 0;
                    for (int j = 0; j < d; j++)
                    {
                        float diff = Unsafe.Add(ref row, j) - Unsafe.Add(ref q0, j);
                        sum += diff * diff;
                    }

                    if (sum <= squaredRadius && !visitor.Visit(_originalIndex[p]))
                    {
                        return;
                    }
                }
            }
            else
            {
                stack[top++] = _left[node];
                stack[top++] = _right[node];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            float diff = a[j] - b[j];
            sum += diff * diff;
        }

        return sum;
    }

    private void QueryCore(ReadOnlySpan<float> query, int k, Span<int> indices, Span<float> distances, Span<int> stack)
    {
        // Max-heap of the current best k (distance, position in tree order), grown until full.
        int size = 0;
        float worst = float.PositiveInfinity;
        int d = _dimensions;
        ref float points = ref MemoryMarshal.GetArrayDataReference(_points);
        ref float q0 = ref MemoryMarshal.GetReference(query);
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int node = stack[--top];
            if (size == k && BoxDistance(node, query) > worst)
            {
                continue;
            }

            int left = _left[node];
            if (left < 0)
            {
                int end = _end[node];
                for (int p = _start[node]; p < end; p++)
                {
                    ref float row = ref Unsafe.Add(ref points, p * d);
                    float sum = 0;
                    for (int j = 0; j < d; j++)
                    {
                        float diff = Unsafe.Add(ref row, j) - Unsafe.Add(ref q0, j);
                        sum += diff * diff;
                    }

                    if (size < k)
                    {
                        HeapPush(distances, indices, ref size, sum, _originalIndex[p]);
                        if (size == k)
                        {
                            worst = distances[0];
                        }
                    }
                    else if (sum < worst || (sum == worst && _originalIndex[p] < indices[0]))
                    {
                        HeapReplaceTop(distances, indices, k, sum, _originalIndex[p]);
                        worst = distances[0];
                    }
                }
            }
            else
            {
                int right = _right[node];
                float dl = BoxDistance(left, query), dr = BoxDistance(right, query);

                // Push the farther child first so the nearer one is searched first.
                if (dl <= dr)
                {
                    if (size < k || dr <= worst)
                    {
                        stack[top++] = right;
                    }

                    stack[top++] = left;
                }
                else
                {
                    if (size < k || dl <= worst)
                    {
                        stack[top++] = left;
                    }

                    stack[top++] = right;
                }
            }
        }

        // Heap sort in place: ascending distance, ties by index.
        for (int end = k - 1; end > 0; end--)
        {
            (distances[0], distances[end]) = (distances[end], distances[0]);
            (indices[0], indices[end]) = (indices[end], indices[0]);
            SiftDown(distances, indices, 0, end);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Greater(float da, int ia, float db, int ib) => da > db || (da == db && ia > ib);

    private static void HeapPush(Span<float> d, Span<int> idx, ref int size, float dist, int index)
    {
        int i = size++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Greater(dist, index, d[parent], idx[parent]))
            {
                break;
            }

            d[i] = d[parent];
            idx[i] = idx[parent];
            i = parent;
        }

        d[i] = dist;
        idx[i] = index;
    }

    private static void HeapReplaceTop(Span<float> d, Span<int> idx, int size, float dist, int index)
    {
        d[0] = dist;
        idx[0] = index;
        SiftDown(d, idx, 0, size);
    }

    private static void SiftDown(Span<float> d, Span<int> idx, int i, int size)
    {
        float dist = d[i];
        int index = idx[i];
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && Greater(d[child + 1], idx[child + 1], d[child], idx[child]))
            {
                child++;
            }

            if (!Greater(d[child], idx[child], dist, index))
            {
                break;
            }

            d[i] = d[child];
            idx[i] = idx[child];
            i = child;
        }

        d[i] = dist;
        idx[i] = index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float BoxDistance(int node, ReadOnlySpan<float> query)
    {
        int d = _dimensions;
        ref float lo = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lower), node * d);
        ref float hi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_upper), node * d);
        float sum = 0;
        for (int j = 0; j < d; j++)
        {
            float x = query[j];
            float below = Unsafe.Add(ref lo, j) - x;
            float above = x - Unsafe.Add(ref hi, j);
            float gap = Math.Max(Math.Max(below, above), 0);
            sum += gap * gap;
        }

        return sum;
    }

    private int Build(float[] source, int[] order, int start, int end)
    {
        int node = _nodeCount++;
        int d = _dimensions;
        _start[node] = start;
        _end[node] = end;
        Span<float> lo = _lower.AsSpan(node * d, d);
        Span<float> hi = _upper.AsSpan(node * d, d);
        lo.Fill(float.PositiveInfinity);
        hi.Fill(float.NegativeInfinity);
        for (int i = start; i < end; i++)
        {
            ReadOnlySpan<float> p = source.AsSpan(order[i] * d, d);
            for (int j = 0; j < d; j++)
            {
                lo[j] = Math.Min(lo[j], p[j]);
                hi[j] = Math.Max(hi[j], p[j]);
            }
        }

        int count = end - start;
        int splitDimension = 0;
        float spread = -1;
        for (int j = 0; j < d; j++)
        {
            if (hi[j] - lo[j] > spread)
            {
                spread = hi[j] - lo[j];
                splitDimension = j;
            }
        }

        if (count <= LeafSize || spread <= 0)
        {
            _left[node] = _right[node] = -1;
            return node;
        }

        int middle = start + (count / 2);
        Select(source, order, start, end - 1, middle, splitDimension);
        _left[node] = Build(source, order, start, middle);
        _right[node] = Build(source, order, middle, end);
        return node;
    }

    /// <summary>Quickselect (Hoare partition, median-of-three pivot) on one coordinate.</summary>
    private void Select(float[] source, int[] order, int lo, int hi, int kth, int dimension)
    {
        int d = _dimensions;
        while (hi > lo)
        {
            int mid = lo + ((hi - lo) / 2);
            float a = source[(order[lo] * d) + dimension], b = source[(order[mid] * d) + dimension], c = source[(order[hi] * d) + dimension];
            float pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (source[(order[i] * d) + dimension] < pivot)
                {
                    i++;
                }

                while (source[(order[j] * d) + dimension] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (order[i], order[j]) = (order[j], order[i]);
                    i++;
                    j--;
                }
            }

            if (kth <= j)
            {
                hi = j;
            }
            else if (kth >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private void CheckFinite(ReadOnlySpan<float> queries)
    {
        for (int i = 0; i < queries.Length; i++)
        {
            if (!float.IsFinite(queries[i]))
            {
                throw new ArgumentException($"coordinate {i % _dimensions} of query {i / _dimensions} is {queries[i]}; queries must be finite", nameof(queries));
            }
        }
    }

    private readonly struct CollectVisitor(List<int> result) : IRadiusVisitor
    {
        public bool Visit(int index)
        {
            result.Add(index);
            return true;
        }
    }

    private struct CountVisitor(int stopAt) : IRadiusVisitor
    {
        public int Count;

        public bool Visit(int index) => ++Count < stopAt;
    }
}
