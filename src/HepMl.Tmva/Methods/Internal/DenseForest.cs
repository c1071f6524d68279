namespace HepMl.Tmva.Methods.Internal;

/// <summary>
/// A forest of ordinary-cut trees padded to complete binary trees of one depth D, stored breadth-first, so each
/// event walks exactly D levels with no branches: <c>i = 2i + 1 + (x[f_i] &gt;= c_i)</c>. A leaf shallower than D is
/// copied to every padded leaf below it, so the padded comparisons cannot change the result. Leaf values are kept
/// as doubles, plain and multiplied by the tree's boost weight, so sums in tree order equal TMVA's to the bit.
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
        for (int start = 0; start < rows; start += BlockSize)
        {
            int count = Math.Min(BlockSize, rows - start);
            block[..count].Clear();
            ReadOnlySpan<float> x = inputs.Slice(start * stride, ((count - 1) * stride) + Math.Max(stride, 1));
            for (int t = 0; t < TreeCount; t++)
            {
                AddTree(t, x, count, stride, leaves, block);
            }

            block[..count].CopyTo(sums.Slice(start, count));
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
