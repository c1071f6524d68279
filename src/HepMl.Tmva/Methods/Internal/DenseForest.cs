using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Tmva.Methods.Internal;

/// <summary>
/// A forest of ordinary-cut trees padded to complete binary trees of one depth D, stored breadth-first, so each
/// event walks exactly D levels with no branches: <c>i = 2i + 1 + (x[f_i] &gt;= c_i)</c>. A leaf shallower than D is
/// copied to every padded leaf below it, so the padded comparisons cannot change the result. Leaf values are kept
/// as doubles, plain and multiplied by the tree's boost weight, so sums in tree order equal TMVA's to the bit.
/// With AVX2, eight events walk a tree at once (gathers of node variables, cuts, inputs and leaves, a vector
/// compare per level); the scalar walk (<see cref="AddTree"/>) is its twin and handles the remaining events. Both add
/// the trees' leaves to each event's sum in tree order, so they give identical bits.
/// </summary>
internal sealed class DenseForest
{
    public const int MaximumDepth = 10;
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

        depth = Math.Max(depth, 1);
        int internalCount = (1 << depth) - 1, leafCount = 1 << depth;
        // Eight spare slots: the vector walk of shallow trees loads eight nodes from a tree's first node.
        var feature = new int[(trees.Count * internalCount) + 8];
        var threshold = new float[(trees.Count * internalCount) + 8];
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
        for (int start = 0; start < rows; start += BlockSize)
        {
            int count = Math.Min(BlockSize, rows - start);
            block[..count].Clear();
            ReadOnlySpan<float> x = inputs.Slice(start * stride, ((count - 1) * stride) + Math.Max(stride, 1));
            int vectorRows = UseVectors ? count & ~7 : 0;
            if (vectorRows > 0)
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
                if (depth <= 3)
                {
                    // Up to seven internal nodes fit in one vector: pick each event's node with a permute, not a gather.
                    Vector256<int> nodeFeatures = Avx.LoadVector256(treeFeature);
                    Vector256<float> nodeThresholds = Avx.LoadVector256(treeThreshold);
                    for (int g = 0; g < rows; g += 8)
                    {
                        float* events = xp + ((long)g * stride);
                        Vector256<float> value = Avx2.GatherVector256(events, rootOffsets, 4);
                        Vector256<int> index = one - Avx.CompareGreaterThanOrEqual(value, rootThreshold).AsInt32();
                        for (int level = 1; level < depth; level++)
                        {
                            Vector256<int> feature = Avx2.PermuteVar8x32(nodeFeatures, index);
                            Vector256<float> threshold = Avx2.PermuteVar8x32(nodeThresholds, index);
                            value = Avx2.GatherVector256(events, rowOffsets + feature, 4);
                            index = index + index + one - Avx.CompareGreaterThanOrEqual(value, threshold).AsInt32();
                        }

                        Vector256<int> slot = index - Vector256.Create(internalCount);
                        Vector256<double> low = Avx2.GatherVector256(treeLeaf, slot.GetLower(), 8);
                        Vector256<double> high = Avx2.GatherVector256(treeLeaf, slot.GetUpper(), 8);
                        Avx.Store(bp + g, Avx.Add(Avx.LoadVector256(bp + g), low));
                        Avx.Store(bp + g + 4, Avx.Add(Avx.LoadVector256(bp + g + 4), high));
                    }

                    continue;
                }

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
