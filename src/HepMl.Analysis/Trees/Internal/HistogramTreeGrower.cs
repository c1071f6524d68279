using System.Buffers;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// Grows one regression tree on gradient pairs over quantised features: per-node histograms of the gradient pairs
/// rounded to integers (<see cref="GradientQuantizer"/>; the smaller child built from its events, the larger one as
/// parent minus smaller), the best split per node from a scan of the histogram with NaN tried on both sides, and a
/// stable partition of the node's event list.
/// </summary>
/// <remarks>
/// The root of a tree on every event is built from the feature columns, one feature per thread. Below it, work is
/// spread over threads by events, not by nodes: the events of all nodes whose histograms are built at one
/// level are concatenated and cut into one equal slice per thread, and a node cut in two gets a private histogram per
/// slice that is summed afterwards in slice order, so results do not depend on timing. Partitions run in chunks the
/// same way. Depth-wise growth splits a whole level at a time; leaf-wise growth splits the leaf with the largest gain.
/// </remarks>
internal sealed unsafe class HistogramTreeGrower
{
    private const int PartitionChunk = 1 << 15;
    private const int ParallelRowThreshold = 1 << 13;

    /// <summary>Memory the live node histograms may take (the subtraction trick keeps a parent's histogram until its
    /// children are built); beyond it, histograms are dropped and rebuilt from events.</summary>
    private const long DefaultHistogramBudgetBytes = 512L << 20;

    /// <summary>Overrides the histogram memory budget (tests use a tiny one to exercise the rebuild path).</summary>
    internal static long? HistogramBudgetOverride { get; set; }

    private readonly QuantizedFeatures _data;
    private readonly GrowerSettings _settings;
    private readonly int _threads;
    private readonly ParallelOptions _parallel;
    private readonly int[] _rows;
    private readonly int[] _leftScratch;
    private readonly int[] _rightScratch;
    private readonly Stack<long[]> _histogramPool = new();
    private readonly Stack<int[]> _countPool = new();
    private readonly int _featureCount;
    private readonly int[] _binCounts;

    private readonly long[] _packedGradients;
    private double _gradientStep;
    private double _hessianStep;
    private int[]? _treeFeatures;
    private int[] _allowedFeatures = [];
    private ulong _seed;
    private List<GrowNode> _nodes = [];
    private int _liveHistograms;
    private readonly int _maxLiveHistograms;

    public HistogramTreeGrower(QuantizedFeatures data, GrowerSettings settings, int threads)
    {
        _data = data;
        _settings = settings;
        _threads = Math.Max(1, threads);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        _featureCount = data.FeatureCount;
        _rows = new int[data.RowCount];
        _leftScratch = new int[data.RowCount];
        _rightScratch = new int[data.RowCount];
        _binCounts = new int[_featureCount];
        _packedGradients = new long[data.RowCount];
        long bytesPerHistogram = (long)_featureCount * ((HistogramKernels.FeatureStride * sizeof(long)) + (settings.NeedsCounts ? HistogramKernels.CountStride * sizeof(int) : 0));
        long budget = HistogramBudgetOverride ?? DefaultHistogramBudgetBytes;
        _maxLiveHistograms = (int)Math.Clamp(budget / Math.Max(1, bytesPerHistogram), HistogramBudgetOverride is null ? 16 : 1, int.MaxValue);
        for (int f = 0; f < _featureCount; f++)
        {
            _binCounts[f] = data.BinCount(f);
        }
    }

    /// <summary>The event list: the trainer writes the tree's events into the first entries before <see cref="Grow"/>;
    /// afterwards every leaf's events are <c>Rows[leaf.Start .. leaf.Start + leaf.Count)</c>.</summary>
    public int[] Rows => _rows;

    /// <summary>Grows a tree on the first <paramref name="rowCount"/> entries of <see cref="Rows"/>.</summary>
    /// <param name="gradients">Gradient pair of every event (indexed by event).</param>
    /// <param name="rowCount">Number of events in the tree's sample.</param>
    /// <param name="treeFeatures">Features this tree may use (ascending), or null for all.</param>
    /// <param name="seed">Seed of the per-node feature sampling.</param>
    /// <returns>The nodes; index = id, children after parents.</returns>
    public List<GrowNode> Grow(GradientPair[] gradients, int rowCount, int[]? treeFeatures, ulong seed)
    {
        (_gradientStep, _hessianStep) = GradientQuantizer.Quantize(gradients, _packedGradients, seed, _parallel);
        _treeFeatures = treeFeatures;
        _allowedFeatures = treeFeatures ?? Enumerable.Range(0, _featureCount).ToArray();
        _seed = seed;
        var nodes = new List<GrowNode>();
        _nodes = nodes;
        _liveHistograms = 0;
        var root = new GrowNode { Id = 0, Depth = 0, Start = 0, Count = rowCount };
        nodes.Add(root);
        int maxDepth = _settings.MaxDepth > 0 ? _settings.MaxDepth : int.MaxValue;
        int maxLeaves = _settings.MaxLeaves > 0 ? _settings.MaxLeaves : int.MaxValue;

        AttachHistogram(root);
        if (rowCount == _data.RowCount)
        {
            // Every event, in order: read the feature columns in sequence.
            BuildRootByColumns(root);
        }
        else
        {
            BuildHistograms([root]);
        }

        (root.Gradient, root.Hessian) = Totals(root);
        if (maxDepth > 0 && maxLeaves > 1)
        {
            FindSplits([root]);
        }

        if (_settings.Policy == GrowthPolicy.DepthWise)
        {
            GrowDepthWise(nodes, maxDepth, maxLeaves);
        }
        else
        {
            GrowLeafWise(nodes, maxDepth, maxLeaves);
        }

        foreach (GrowNode node in nodes)
        {
            ReleaseHistogram(node);
            node.LeafValue = _settings.LeafValue(node.Gradient, node.Hessian);
        }

        return nodes;
    }

    private void GrowDepthWise(List<GrowNode> nodes, int maxDepth, int maxLeaves)
    {
        var level = new List<GrowNode> { nodes[0] };
        int leaves = 1;
        while (level.Count > 0)
        {
            var splitting = new List<GrowNode>();
            foreach (GrowNode node in level)
            {
                if (IsSplittable(node))
                {
                    splitting.Add(node);
                }
            }

            if (leaves + splitting.Count > maxLeaves)
            {
                // Keep the best splits that fit the leaf budget, in their original order.
                var ranked = splitting.OrderByDescending(n => n.Split.Gain).ThenBy(n => n.Id).Take(maxLeaves - leaves).ToHashSet();
                splitting = splitting.Where(ranked.Contains).ToList();
            }

            if (splitting.Count == 0)
            {
                break;
            }

            Partition(splitting);
            var children = new List<GrowNode>();
            foreach (GrowNode node in splitting)
            {
                (GrowNode left, GrowNode right) = CreateChildren(nodes, node);
                children.Add(left);
                children.Add(right);
                leaves++;
            }

            bool childrenSplittable = splitting[0].Depth + 1 < maxDepth && leaves < maxLeaves;
            if (childrenSplittable)
            {
                // In batches, so that the live histograms stay within the memory budget on very wide levels.
                int batch = Math.Max(1, _maxLiveHistograms / 4);
                for (int first = 0; first < splitting.Count; first += batch)
                {
                    List<GrowNode> parents = splitting.GetRange(first, Math.Min(batch, splitting.Count - first));
                    HistogramsForChildren(parents);
                    var batchChildren = new List<GrowNode>(2 * parents.Count);
                    foreach (GrowNode parent in parents)
                    {
                        batchChildren.Add(_nodes[parent.Left]);
                        batchChildren.Add(_nodes[parent.Right]);
                        ReleaseHistogram(parent);
                    }

                    FindSplits(batchChildren);
                    KeepWithinBudget(batchChildren);
                }
            }

            foreach (GrowNode node in splitting)
            {
                ReleaseHistogram(node);
            }

            foreach (GrowNode node in level)
            {
                ReleaseHistogram(node);
            }

            level = childrenSplittable ? children : [];
        }
    }

    private void GrowLeafWise(List<GrowNode> nodes, int maxDepth, int maxLeaves)
    {
        var queue = new PriorityQueue<GrowNode, (double, int)>();
        if (IsSplittable(nodes[0]))
        {
            queue.Enqueue(nodes[0], (-nodes[0].Split.Gain, nodes[0].Id));
        }

        int leaves = 1;
        while (queue.Count > 0 && leaves < maxLeaves)
        {
            GrowNode node = queue.Dequeue();
            Partition([node]);
            (GrowNode left, GrowNode right) = CreateChildren(nodes, node);
            leaves++;
            if (node.Depth + 1 < maxDepth && leaves < maxLeaves)
            {
                HistogramsForChildren([node]);
                ReleaseHistogram(node);
                FindSplits([left, right]);
                KeepWithinBudget([left, right]);
                foreach (GrowNode child in (ReadOnlySpan<GrowNode>)[left, right])
                {
                    if (IsSplittable(child))
                    {
                        queue.Enqueue(child, (-child.Split.Gain, child.Id));
                    }
                    else
                    {
                        ReleaseHistogram(child);
                    }
                }
            }

            ReleaseHistogram(node);
        }
    }

    private bool IsSplittable(GrowNode node) =>
        node.Split.IsValid && node.Split.Gain > Math.Max(_settings.MinSplitGain, 1e-6);

    private static (GrowNode Left, GrowNode Right) CreateChildren(List<GrowNode> nodes, GrowNode parent)
    {
        var left = new GrowNode
        {
            Id = nodes.Count,
            Depth = parent.Depth + 1,
            Start = parent.Start,
            Count = parent.Split.LeftCount,
            Gradient = parent.Split.LeftGradient,
            Hessian = parent.Split.LeftHessian,
        };
        nodes.Add(left);
        var right = new GrowNode
        {
            Id = nodes.Count,
            Depth = parent.Depth + 1,
            Start = parent.Start + parent.Split.LeftCount,
            Count = parent.Split.RightCount,
            Gradient = parent.Split.RightGradient,
            Hessian = parent.Split.RightHessian,
        };
        nodes.Add(right);
        parent.Left = left.Id;
        parent.Right = right.Id;
        return (left, right);
    }

    /// <summary>Builds the smaller child's histogram from its events and derives the larger one by subtraction.</summary>
    private void HistogramsForChildren(List<GrowNode> parents)
    {
        var built = new List<GrowNode>(parents.Count);
        var derived = new (GrowNode Parent, GrowNode Small, GrowNode Large)[parents.Count];
        for (int i = 0; i < parents.Count; i++)
        {
            GrowNode parent = parents[i];
            GrowNode left = _nodes[parent.Left], right = _nodes[parent.Right];
            (GrowNode small, GrowNode large) = left.Count <= right.Count ? (left, right) : (right, left);
            AttachHistogram(small);
            AttachHistogram(large);
            built.Add(small);
            if (parent.Histogram is null)
            {
                // The parent's histogram was dropped to save memory: build both children from their events.
                built.Add(large);
            }

            derived[i] = (parent, small, large);
        }

        BuildHistograms(built);
        Parallel.For(0, derived.Length, _parallel, i =>
        {
            (GrowNode parent, GrowNode small, GrowNode large) = derived[i];
            if (parent.Histogram is null)
            {
                return;
            }

            fixed (long* p = parent.Histogram)
            fixed (long* s = small.Histogram)
            fixed (long* l = large.Histogram)
            {
                HistogramKernels.Subtract(p, s, l, _featureCount, _treeFeatures);
            }

            if (parent.CountHistogram is not null)
            {
                fixed (int* p = parent.CountHistogram)
                fixed (int* s = small.CountHistogram)
                fixed (int* l = large.CountHistogram)
                {
                    HistogramKernels.Subtract(p, s, l, _featureCount, _treeFeatures);
                }
            }
        });
    }

    /// <summary>Builds the histograms of <paramref name="targets"/> from their events, split evenly over threads.</summary>
    private void BuildHistograms(List<GrowNode> targets)
    {
        long total = 0;
        foreach (GrowNode node in targets)
        {
            total += node.Count;
        }

        foreach (GrowNode node in targets)
        {
            if (node.Count == 0)
            {
                ClearHistogram(node.Histogram!, node.CountHistogram);
            }
        }

        int parts = total < ParallelRowThreshold ? 1 : _threads;
        if (parts == 1)
        {
            foreach (GrowNode node in targets)
            {
                ClearHistogram(node.Histogram!, node.CountHistogram);
                AddRows(node.Start, node.Count, node.Histogram!, node.CountHistogram);
            }

            return;
        }

        // Slice the concatenated event lists into equal parts; a node spanning parts gets one partial per part.
        var pieces = new List<(int Part, GrowNode Node, int Start, int Count, bool Whole)>();
        long offset = 0;
        for (int i = 0; i < targets.Count; i++)
        {
            GrowNode node = targets[i];
            long nodeStart = offset, nodeEnd = offset + node.Count;
            for (int part = 0; part < parts; part++)
            {
                long partStart = total * part / parts, partEnd = total * (part + 1) / parts;
                long from = Math.Max(nodeStart, partStart), to = Math.Min(nodeEnd, partEnd);
                if (to > from)
                {
                    bool whole = from == nodeStart && to == nodeEnd;
                    pieces.Add((part, node, node.Start + (int)(from - nodeStart), (int)(to - from), whole));
                }
            }

            offset = nodeEnd;
        }

        var partials = new (long[] Histogram, int[]? Counts)?[pieces.Count];
        for (int i = 0; i < pieces.Count; i++)
        {
            if (!pieces[i].Whole)
            {
                partials[i] = (RentHistogram(), _settings.NeedsCounts ? RentCounts() : null);
            }
        }

        Parallel.For(0, parts, _parallel, part =>
        {
            for (int i = 0; i < pieces.Count; i++)
            {
                (int piecePart, GrowNode node, int start, int count, bool whole) = pieces[i];
                if (piecePart != part)
                {
                    continue;
                }

                long[] histogram = whole ? node.Histogram! : partials[i]!.Value.Histogram;
                int[]? counts = whole ? node.CountHistogram : partials[i]!.Value.Counts;
                ClearHistogram(histogram, counts);
                AddRows(start, count, histogram, counts);
            }
        });

        // Sum the partials of each split node, in part order.
        foreach (GrowNode node in targets)
        {
            bool first = true;
            for (int i = 0; i < pieces.Count; i++)
            {
                if (pieces[i].Whole || !ReferenceEquals(pieces[i].Node, node))
                {
                    continue;
                }

                (long[] partial, int[]? partialCounts) = partials[i]!.Value;
                if (first)
                {
                    CopyFeatures(partial, node.Histogram!, partialCounts, node.CountHistogram);
                    first = false;
                }
                else
                {
                    AddFeatures(partial, node.Histogram!, partialCounts, node.CountHistogram);
                }

                _histogramPool.Push(partial);
                if (partialCounts is not null)
                {
                    _countPool.Push(partialCounts);
                }
            }
        }
    }

    /// <summary>The root's histogram when it holds every event in order, feature by feature in parallel (each feature's
    /// slots are written by one thread, so no partial histograms are needed).</summary>
    private void BuildRootByColumns(GrowNode root)
    {
        long[] histogram = root.Histogram!;
        int[]? counts = root.CountHistogram;
        int rowCount = root.Count;
        Parallel.For(0, _allowedFeatures.Length, _parallel, () => ArrayPool<long>.Shared.Rent(HistogramKernels.ColumnScratchLength),
            (k, _, scratch) =>
            {
                int f = _allowedFeatures[k];
                fixed (byte* column = _data.ColumnBins[f])
                fixed (long* gradients = _packedGradients)
                fixed (long* h = histogram)
                fixed (int* c = counts)
                fixed (long* copies = scratch)
                {
                    HistogramKernels.BuildColumn(
                        column, gradients, rowCount, h + (f * HistogramKernels.FeatureStride),
                        c is null ? null : c + (f * HistogramKernels.CountStride), copies);
                }

                return scratch;
            },
            scratch => ArrayPool<long>.Shared.Return(scratch));
    }

    private void AddRows(int start, int count, long[] histogram, int[]? counts)
    {
        if (count == 0)
        {
            return;
        }

        fixed (byte* bins = _data.Bins)
        fixed (long* gradients = _packedGradients)
        fixed (int* rows = &_rows[start])
        fixed (long* h = histogram)
        fixed (int* c = counts)
        fixed (int* features = _treeFeatures)
        {
            HistogramKernels.Build(
                bins, _featureCount, features, _treeFeatures?.Length ?? _featureCount, gradients, rows, count, h, c);
        }
    }

    private void ClearHistogram(long[] histogram, int[]? counts)
    {
        if (_treeFeatures is null)
        {
            Array.Clear(histogram);
            if (counts is not null)
            {
                Array.Clear(counts);
            }

            return;
        }

        foreach (int f in _treeFeatures)
        {
            Array.Clear(histogram, f * HistogramKernels.FeatureStride, HistogramKernels.FeatureStride);
            if (counts is not null)
            {
                Array.Clear(counts, f * HistogramKernels.CountStride, HistogramKernels.CountStride);
            }
        }
    }

    private void CopyFeatures(long[] source, long[] target, int[]? sourceCounts, int[]? targetCounts)
    {
        foreach (int f in _allowedFeatures)
        {
            Array.Copy(source, f * HistogramKernels.FeatureStride, target, f * HistogramKernels.FeatureStride, HistogramKernels.FeatureStride);
            if (sourceCounts is not null && targetCounts is not null)
            {
                Array.Copy(sourceCounts, f * HistogramKernels.CountStride, targetCounts, f * HistogramKernels.CountStride, HistogramKernels.CountStride);
            }
        }
    }

    private void AddFeatures(long[] source, long[] target, int[]? sourceCounts, int[]? targetCounts)
    {
        foreach (int f in _allowedFeatures)
        {
            int start = f * HistogramKernels.FeatureStride;
            System.Numerics.Tensors.TensorPrimitives.Add(
                target.AsSpan(start, HistogramKernels.FeatureStride),
                source.AsSpan(start, HistogramKernels.FeatureStride),
                target.AsSpan(start, HistogramKernels.FeatureStride));
            if (sourceCounts is not null && targetCounts is not null)
            {
                int countStart = f * HistogramKernels.CountStride;
                System.Numerics.Tensors.TensorPrimitives.Add(
                    targetCounts.AsSpan(countStart, HistogramKernels.CountStride),
                    sourceCounts.AsSpan(countStart, HistogramKernels.CountStride),
                    targetCounts.AsSpan(countStart, HistogramKernels.CountStride));
            }
        }
    }

    /// <summary>Node totals from one feature's histogram (every event falls in exactly one slot).</summary>
    private (double Gradient, double Hessian) Totals(GrowNode node)
    {
        if (_allowedFeatures.Length == 0)
        {
            return (0, 0);
        }

        long sum = 0;
        int offset = _allowedFeatures[0] * HistogramKernels.FeatureStride;
        long[] histogram = node.Histogram!;
        for (int slot = 0; slot < 256; slot++)
        {
            sum += histogram[offset + slot];
        }

        return (GradientQuantizer.Gradient(sum) * _gradientStep, GradientQuantizer.Hessian(sum) * _hessianStep);
    }

    /// <summary>Finds the best split of every node (in parallel over nodes and, for few nodes, feature groups).</summary>
    private void FindSplits(List<GrowNode> targets)
    {
        int groups = targets.Count >= _threads ? 1 : Math.Min(_threads, Math.Max(1, _allowedFeatures.Length));
        var results = new SplitInfo[targets.Count * groups];
        Parallel.For(0, results.Length, _parallel, item =>
        {
            GrowNode node = targets[item / groups];
            int group = item % groups;
            int[] features = FeaturesForNode(node);
            int from = features.Length * group / groups, to = features.Length * (group + 1) / groups;
            SplitInfo best = SplitInfo.None;
            double parentScore = _settings.Score(node.Gradient, node.Hessian);
            double* pairs = stackalloc double[512];
            fixed (long* histogram = node.Histogram)
            fixed (int* counts = node.CountHistogram)
            {
                for (int i = from; i < to; i++)
                {
                    int f = features[i];
                    HistogramKernels.Decode(histogram + (f * HistogramKernels.FeatureStride), _gradientStep, _hessianStep, pairs);
                    SplitFinder.BestForFeature(
                        pairs,
                        counts is null ? null : counts + (f * HistogramKernels.CountStride),
                        f, _binCounts[f], node.Gradient, node.Hessian, node.Count, parentScore, _settings, ref best);
                }
            }

            results[item] = best;
        });

        for (int n = 0; n < targets.Count; n++)
        {
            SplitInfo best = SplitInfo.None;
            for (int group = 0; group < groups; group++)
            {
                if (results[(n * groups) + group].BetterThan(best))
                {
                    best = results[(n * groups) + group];
                }
            }

            targets[n].Split = best;
        }
    }

    private int[] FeaturesForNode(GrowNode node)
    {
        if (_settings.ColumnSampleByNode >= 1)
        {
            return _allowedFeatures;
        }

        int take = Math.Max(1, (int)Math.Ceiling(_settings.ColumnSampleByNode * _allowedFeatures.Length));
        var random = new SplitMix64(_seed ^ ((ulong)(uint)node.Id * 0x9E3779B97F4A7C15UL));
        int[] copy = [.. _allowedFeatures];
        for (int i = 0; i < take; i++)
        {
            int j = i + (int)random.NextBelow((ulong)(copy.Length - i));
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        int[] chosen = copy[..take];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Stable partition of each node's events into left then right, in parallel over chunks.</summary>
    private void Partition(List<GrowNode> splitting)
    {
        var chunks = new List<(GrowNode Node, int Start, int Count)>();
        foreach (GrowNode node in splitting)
        {
            for (int start = node.Start; start < node.Start + node.Count; start += PartitionChunk)
            {
                chunks.Add((node, start, Math.Min(PartitionChunk, node.Start + node.Count - start)));
            }
        }

        var leftCounts = new int[chunks.Count];
        var rightCounts = new int[chunks.Count];
        Parallel.For(0, chunks.Count, _parallel, i =>
        {
            (GrowNode node, int start, int count) = chunks[i];
            fixed (byte* column = _data.ColumnBins[node.Split.Feature])
            fixed (int* rows = _rows)
            fixed (int* left = _leftScratch)
            fixed (int* right = _rightScratch)
            {
                SplitFinder.PartitionChunk(
                    column, _data.RowCount, node.Split.Bin, node.Split.MissingLeft,
                    rows + start, count, left + start, right + start, out leftCounts[i], out rightCounts[i]);
            }
        });

        var leftOffset = new int[chunks.Count];
        var rightOffset = new int[chunks.Count];
        var nodeLeftTotal = new Dictionary<GrowNode, int>();
        for (int i = 0; i < chunks.Count;)
        {
            GrowNode node = chunks[i].Node;
            int j = i, leftTotal = 0;
            for (; j < chunks.Count && ReferenceEquals(chunks[j].Node, node); j++)
            {
                leftOffset[j] = leftTotal;
                leftTotal += leftCounts[j];
            }

            int rightTotal = 0;
            for (int k = i; k < j; k++)
            {
                rightOffset[k] = leftTotal + rightTotal;
                rightTotal += rightCounts[k];
            }

            nodeLeftTotal[node] = leftTotal;
            i = j;
        }

        Parallel.For(0, chunks.Count, _parallel, i =>
        {
            (GrowNode node, int start, _) = chunks[i];
            Array.Copy(_leftScratch, start, _rows, node.Start + leftOffset[i], leftCounts[i]);
            Array.Copy(_rightScratch, start, _rows, node.Start + rightOffset[i], rightCounts[i]);
        });

        foreach (GrowNode node in splitting)
        {
            // The split's counts are exact when count histograms are kept; otherwise they come from the partition.
            int leftCount = nodeLeftTotal[node];
            node.Split.LeftCount = leftCount;
            node.Split.RightCount = node.Count - leftCount;
        }
    }

    private void AttachHistogram(GrowNode node)
    {
        node.Histogram = RentHistogram();
        node.CountHistogram = _settings.NeedsCounts ? RentCounts() : null;
        _liveHistograms++;
    }

    /// <summary>Drops the histograms of <paramref name="nodes"/> (from the last) while more are alive than the memory
    /// budget allows; their children will then be built from their events instead of by subtraction.</summary>
    private void KeepWithinBudget(List<GrowNode> nodes)
    {
        for (int i = nodes.Count - 1; i >= 0 && _liveHistograms > _maxLiveHistograms; i--)
        {
            ReleaseHistogram(nodes[i]);
        }
    }

    private void ReleaseHistogram(GrowNode node)
    {
        if (node.Histogram is not null)
        {
            _histogramPool.Push(node.Histogram);
            node.Histogram = null;
            _liveHistograms--;
        }

        if (node.CountHistogram is not null)
        {
            _countPool.Push(node.CountHistogram);
            node.CountHistogram = null;
        }
    }

    private long[] RentHistogram() =>
        _histogramPool.Count > 0 ? _histogramPool.Pop() : new long[_featureCount * HistogramKernels.FeatureStride];

    private int[] RentCounts() =>
        _countPool.Count > 0 ? _countPool.Pop() : new int[_featureCount * HistogramKernels.CountStride];
}
