using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Tmva.Methods.Internal;

/// <summary>
/// A forest of ordinary-cut trees padded to complete binary trees of one depth D, stored breadth-first, so each
/// event walks exactly D levels with no branches: <c>i = 2i + 1 + (x[f_i] &gt;= c_i)</c>. A leaf shallower than D is
/// copied to every padded leaf below it, so the padded comparisons cannot change the result. Leaf values are kept
/// as doubles, plain and multiplied by the tree's boost weight, so sums in tree order equal TMVA's to the bit.
/// With AVX2, eight events walk a tree at once: depth-3 forests (shallower ones are padded to depth 3) without
/// gathers (<see cref="AddShallowTreesAvx2"/>), deeper ones with gathers of node variables, cuts, inputs and leaves
/// (<see cref="AddTreesAvx2"/>); the scalar walk (<see cref="AddTree"/>) is its twin and handles the remaining events. Both add
/// the trees' leaves to each event's sum in tree order, so they give identical bits.
/// </summary>
internal sealed class DenseForest
{
    public const int MaximumDepth = 10;
    private const int ShallowDepth = 3;
    private const int BlockSize = 64;

    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly double[] _leaf;
    private readonly double[] _weightedLeaf;

    private DenseForest(int depth, int trees, int[] feature, float[] threshold, double[] leaf, double[] weightedLeaf)
    {
        Depth = depth;
        TreeCount = trees;
        _feature = feature;
        _threshold = threshold;
        _leaf = leaf;
        _weightedLeaf = weightedLeaf;
    }

    public int Depth { get; }

    public int TreeCount { get; }

    private int InternalCount => (1 << Depth) - 1;

    private int LeafCount => 1 << Depth;

    /// <summary>Builds the layout, or returns null when a tree has a Fisher node or is deeper than <see cref="MaximumDepth"/>.</summary>
    public static DenseForest? TryBuild(IReadOnlyList<TmvaTreeNode> trees, double[] boostWeights, bool regressionTrees, bool useNodeType)
    {
        int depth = 0;
        foreach (TmvaTreeNode tree in trees)
        {
            if (HasFisherNode(tree))
            {
                return null;
            }

            depth = Math.Max(depth, tree.Depth);
        }

        if (depth > MaximumDepth)
        {
            return null;
        }

        // Shallower forests are padded to depth 3, the depth of the gather-free vector walk.
        depth = Math.Max(depth, ShallowDepth);
        int internalCount = (1 << depth) - 1, leafCount = 1 << depth;
        var feature = new int[trees.Count * internalCount];
        var threshold = new float[trees.Count * internalCount];
        var leaf = new double[trees.Count * leafCount];
        var weighted = new double[trees.Count * leafCount];
        for (int t = 0; t < trees.Count; t++)
        {
            Fill(trees[t], 0, 0);

            void Fill(TmvaTreeNode node, int index, int level)
            {
                if (level == depth)
                {
                    float value = CompiledForest.LeafValue(node, regressionTrees, useNodeType);
                    int slot = (t * leafCount) + index - internalCount;
                    leaf[slot] = value;
                    weighted[slot] = boostWeights[t] * value;
                    return;
                }

                int at = (t * internalCount) + index;
                if (node.IsLeaf)
                {
                    feature[at] = 0;
                    threshold[at] = 0f;
                    Fill(node, (2 * index) + 1, level + 1);
                    Fill(node, (2 * index) + 2, level + 1);
                    return;
                }

                feature[at] = node.Variable;
                threshold[at] = node.Cut;
                Fill(node.CutType ? node.Left! : node.Right!, (2 * index) + 1, level + 1);
                Fill(node.CutType ? node.Right! : node.Left!, (2 * index) + 2, level + 1);
            }
        }

        return new DenseForest(depth, trees.Count, feature, threshold, leaf, weighted);
    }

    /// <summary>
    /// Writes, for each of <paramref name="rows"/> events (row-major, <paramref name="stride"/> floats apart), the
    /// sum over trees in order of the leaf value (or boost weight × leaf value when <paramref name="weighted"/>).
    /// </summary>
    public void Accumulate(ReadOnlySpan<float> inputs, int rows, int stride, bool weighted, Span<double> sums)
    {
        double[] leaves = weighted ? _weightedLeaf : _leaf;
        Span<double> block = stackalloc double[BlockSize];
        float[] columns = ArrayPool<float>.Shared.Rent(Math.Max(stride, 1) * BlockSize);
        try
        {
            AccumulateBlocks(inputs, rows, stride, leaves, block, columns, sums);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(columns);
        }
    }

    private void AccumulateBlocks(ReadOnlySpan<float> inputs, int rows, int stride, double[] leaves, Span<double> block, float[] columns, Span<double> sums)
    {
        for (int start = 0; start < rows; start += BlockSize)
        {
            int count = Math.Min(BlockSize, rows - start);
            block[..count].Clear();
            ReadOnlySpan<float> x = inputs.Slice(start * stride, ((count - 1) * stride) + Math.Max(stride, 1));
            int vectorRows = UseVectors ? count & ~7 : 0;
            if (vectorRows > 0 && Depth == ShallowDepth)
            {
                AddShallowTreesAvx2(x, vectorRows, stride, leaves, block, columns);
            }
            else if (vectorRows > 0)
            {
                AddTreesAvx2(x, vectorRows, stride, leaves, block);
            }

            if (vectorRows < count)
            {
                ReadOnlySpan<float> rest = x[(vectorRows * stride)..];
                for (int t = 0; t < TreeCount; t++)
                {
                    AddTree(t, rest, count - vectorRows, stride, leaves, block[vectorRows..]);
                }
            }

            block[..count].CopyTo(sums.Slice(start, count));
        }
    }

    /// <summary>Whether <see cref="Accumulate"/> uses the AVX2 walk (tests switch it off to compare with the scalar twin).</summary>
    internal static bool UseVectors { get; set; } = Avx2.IsSupported;

    /// <summary>
    /// The walk of depth-3 trees without gathers (in the manner of QuickScorer): the block's events are transposed to
    /// columns; per tree, eight events at a time, all seven nodes' comparisons are made with plain loads, the path's
    /// three decisions are chosen among them with blends, and the leaf among the eight broadcast leaf values with a
    /// blend tree on doubles. Leaves are added to the sums tree by tree, as in the scalar walk.
    /// </summary>
    private unsafe void AddShallowTreesAvx2(ReadOnlySpan<float> x, int rows, int stride, double[] leaves, Span<double> block, float[] columns)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = x.Slice(r * stride, stride);
            for (int f = 0; f < stride; f++)
            {
                columns[(f * BlockSize) + r] = row[f];
            }
        }

        fixed (float* cp = columns)
        fixed (int* fp = _feature)
        fixed (float* tp = _threshold)
        fixed (double* lp = leaves)
        fixed (double* bp = block)
        {
            for (int t = 0; t < TreeCount; t++)
            {
                int* feature = fp + (t * 7L);
                float* threshold = tp + (t * 7L);
                double* leaf = lp + (t * 8L);
                float* c0 = cp + (feature[0] * BlockSize), c1 = cp + (feature[1] * BlockSize), c2 = cp + (feature[2] * BlockSize);
                float* c3 = cp + (feature[3] * BlockSize), c4 = cp + (feature[4] * BlockSize), c5 = cp + (feature[5] * BlockSize);
                float* c6 = cp + (feature[6] * BlockSize);
                Vector256<float> t0 = Vector256.Create(threshold[0]), t1 = Vector256.Create(threshold[1]), t2 = Vector256.Create(threshold[2]);
                Vector256<float> t3 = Vector256.Create(threshold[3]), t4 = Vector256.Create(threshold[4]), t5 = Vector256.Create(threshold[5]);
                Vector256<float> t6 = Vector256.Create(threshold[6]);
                for (int g = 0; g < rows; g += 8)
                {
                    // Node n goes right (child 2n + 2) where its mask is set; the root's children are 1 and 2, theirs 3..6.
                    Vector256<float> m0 = Avx.CompareGreaterThanOrEqual(Avx.LoadVector256(c0 + g), t0);
                    Vector256<float> m1 = Avx.CompareGreaterThanOrEqual(Avx.LoadVector256(c1 + g), t1);
                    Vector256<float> m2 = Avx.CompareGreaterThanOrEqual(Avx.LoadVector256(c2 + g), t2);
                    Vector256<float> m3 = Avx.CompareGreaterThanOrEqual(Avx.LoadVector256(c3 + g), t3);
                    Vector256<float> m4 = Avx.CompareGreaterThanOrEqual(Avx.LoadVector256(c4 + g), t4);
                    Vector256<float> m5 = Avx.CompareGreaterThanOrEqual(Avx.LoadVector256(c5 + g), t5);
                    Vector256<float> m6 = Avx.CompareGreaterThanOrEqual(Avx.LoadVector256(c6 + g), t6);
                    Vector256<float> b0 = m0;
                    Vector256<float> b1 = Avx.BlendVariable(m1, m2, b0);
                    Vector256<float> b2 = Avx.BlendVariable(Avx.BlendVariable(m3, m4, b1), Avx.BlendVariable(m5, m6, b1), b0);

                    // Leaf slot = 4 b0 + 2 b1 + b2; the masks widened to 64 bits pick among the eight leaf values.
                    AddLeaves(leaf, b0.AsInt32().GetLower(), b1.AsInt32().GetLower(), b2.AsInt32().GetLower(), bp + g);
                    AddLeaves(leaf, b0.AsInt32().GetUpper(), b1.AsInt32().GetUpper(), b2.AsInt32().GetUpper(), bp + g + 4);
                }
            }
        }
    }

    private static unsafe void AddLeaves(double* leaf, Vector128<int> first, Vector128<int> second, Vector128<int> third, double* sums)
    {
        Vector256<double> b0 = Avx2.ConvertToVector256Int64(first).AsDouble();
        Vector256<double> b1 = Avx2.ConvertToVector256Int64(second).AsDouble();
        Vector256<double> b2 = Avx2.ConvertToVector256Int64(third).AsDouble();
        Vector256<double> q0 = Avx.BlendVariable(Vector256.Create(leaf[0]), Vector256.Create(leaf[1]), b2);
        Vector256<double> q1 = Avx.BlendVariable(Vector256.Create(leaf[2]), Vector256.Create(leaf[3]), b2);
        Vector256<double> q2 = Avx.BlendVariable(Vector256.Create(leaf[4]), Vector256.Create(leaf[5]), b2);
        Vector256<double> q3 = Avx.BlendVariable(Vector256.Create(leaf[6]), Vector256.Create(leaf[7]), b2);
        Vector256<double> value = Avx.BlendVariable(Avx.BlendVariable(q0, q1, b1), Avx.BlendVariable(q2, q3, b1), b0);
        Avx.Store(sums, Avx.Add(Avx.LoadVector256(sums), value));
    }

    /// <summary>
    /// Adds every tree's leaf to the sums of <paramref name="rows"/> (a multiple of 8) events, eight at a time: per
    /// level, gather the nodes' variables and cuts, gather the events' values, compare, and step to child 2i + 1 or
    /// 2i + 2. The event sums live in <paramref name="block"/> and are added tree by tree, as in the scalar walk.
    /// </summary>
    private unsafe void AddTreesAvx2(ReadOnlySpan<float> x, int rows, int stride, double[] leaves, Span<double> block)
    {
        int internalCount = InternalCount, leafCount = LeafCount, depth = Depth;
        Vector256<int> rowOffsets = Vector256.Create(0, stride, 2 * stride, 3 * stride, 4 * stride, 5 * stride, 6 * stride, 7 * stride);
        Vector256<int> one = Vector256.Create(1);
        fixed (float* xp = x)
        fixed (int* fp = _feature)
        fixed (float* tp = _threshold)
        fixed (double* lp = leaves)
        fixed (double* bp = block)
        {
            for (int t = 0; t < TreeCount; t++)
            {
                int* treeFeature = fp + ((long)t * internalCount);
                float* treeThreshold = tp + ((long)t * internalCount);

                // Leaf slot = node index - internalCount; index the leaf array from the tree's first node instead.
                double* treeLeaf = lp + ((long)t * leafCount);
                Vector256<int> rootOffsets = rowOffsets + Vector256.Create(treeFeature[0]);
                Vector256<float> rootThreshold = Vector256.Create(treeThreshold[0]);
                for (int g = 0; g < rows; g += 8)
                {
                    float* events = xp + ((long)g * stride);

                    // Root: one node for all eight events. A true compare is -1, so 1 - mask is child 1 or 2.
                    Vector256<float> value = Avx2.GatherVector256(events, rootOffsets, 4);
                    Vector256<int> index = one - Avx.CompareGreaterThanOrEqual(value, rootThreshold).AsInt32();
                    for (int level = 1; level < depth; level++)
                    {
                        Vector256<int> feature = Avx2.GatherVector256(treeFeature, index, 4);
                        Vector256<float> threshold = Avx2.GatherVector256(treeThreshold, index, 4);
                        value = Avx2.GatherVector256(events, rowOffsets + feature, 4);
                        index = index + index + one - Avx.CompareGreaterThanOrEqual(value, threshold).AsInt32();
                    }

                    Vector256<int> slot = index - Vector256.Create(internalCount);
                    Vector256<double> low = Avx2.GatherVector256(treeLeaf, slot.GetLower(), 8);
                    Vector256<double> high = Avx2.GatherVector256(treeLeaf, slot.GetUpper(), 8);
                    Avx.Store(bp + g, Avx.Add(Avx.LoadVector256(bp + g), low));
                    Avx.Store(bp + g + 4, Avx.Add(Avx.LoadVector256(bp + g + 4), high));
                }
            }
        }
    }

    private void AddTree(int tree, ReadOnlySpan<float> x, int count, int stride, double[] leaves, Span<double> block)
    {
        int internalCount = InternalCount;
        ReadOnlySpan<int> feature = _feature.AsSpan(tree * internalCount, internalCount);
        ReadOnlySpan<float> threshold = _threshold.AsSpan(tree * internalCount, internalCount);
        ReadOnlySpan<double> leaf = leaves.AsSpan(tree * LeafCount, LeafCount);
        int depth = Depth;
        for (int e = 0; e < count; e++)
        {
            ReadOnlySpan<float> row = x.Slice(e * stride, stride);
            int index = 0;
            for (int level = 0; level < depth; level++)
            {
                int go = row[feature[index]] >= threshold[index] ? 2 : 1;
                index = (2 * index) + go;
            }

            block[e] += leaf[index - internalCount];
        }
    }

    private static bool HasFisherNode(TmvaTreeNode node) =>
        !node.IsLeaf && (node.FisherCoefficients is { Count: > 0 } || HasFisherNode(node.Left!) || HasFisherNode(node.Right!));
}
