using System.Buffers;
using System.Runtime.CompilerServices;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// A forest flattened for scoring. Trees no deeper than <see cref="MaxCompleteDepth"/> are stored as complete binary
/// trees (shallower leaves replicated), so every event takes exactly <c>depth</c> branch-free steps
/// <c>i = 2i + 1 + goesRight</c>; deeper forests use a general node/child layout. Leaf values are stored in double,
/// already multiplied by the boost weight where the output averages over trees.
/// </summary>
/// <remarks>
/// Each internal node is a feature word (feature index; the sign bit set when NaN takes the "x &gt;= cut" branch)
/// and a float cut; <c>x &gt;= cut</c> takes the second child. TMVA's <c>cType=false</c> is folded in by swapping
/// the children. Batches are cut into blocks of <see cref="BlockRows"/> events laid out row-major (a block of a
/// column-major dataset is transposed into a small buffer); blocks are scored in parallel, and within a block every
/// tree is applied to all events before the next tree, so the tree stays in cache.
/// </remarks>
internal sealed unsafe class CompiledForest
{
    internal const int BlockRows = 64;
    private const int MaxCompleteDepth = 10;
    private const int BlocksPerTask = 16;
    private const int NaNTakesSecond = int.MinValue;
    private const int FeatureMask = int.MaxValue;

    private readonly int _featureCount;
    private readonly int _outputCount;
    private readonly ForestOutput _output;
    private readonly double[] _base;
    private readonly int[] _treeClass;
    private readonly double[] _weightPrefix;

    private readonly bool _complete;
    private readonly int _depth;
    private readonly int _internalPerTree;
    private readonly int _leavesPerTree;

    // Node arrays: per tree [internalPerTree] nodes in level order (complete layout) or all internal nodes (general).
    private readonly int[] _featureWord;
    private readonly float[] _threshold;
    private readonly double[] _leafValue;

    // General layout only: root per tree (node index, or ~leaf when the tree is a single leaf) and, per node, the
    // two children (x < cut, x >= cut): a node index or ~leaf index.
    private readonly int[] _treeRoot;
    private readonly int[] _children;

    private CompiledForest(BoostedDecisionTrees model)
    {
        IReadOnlyList<DecisionTree> trees = model.Trees;
        int treeCount = trees.Count;
        _featureCount = model.FeatureCount;
        _outputCount = model.OutputCount;
        _output = model.Output;
        _base = [.. model.BaseScores];
        _treeClass = new int[treeCount];
        _weightPrefix = new double[treeCount + 1];
        int depth = 0;
        long totalNodes = 0;
        for (int t = 0; t < treeCount; t++)
        {
            _treeClass[t] = trees[t].ClassIndex;
            _weightPrefix[t + 1] = _weightPrefix[t] + trees[t].BoostWeight;
            depth = Math.Max(depth, trees[t].Depth);
            totalNodes += trees[t].NodeCount;
        }

        _depth = depth;
        _complete = depth <= MaxCompleteDepth && ((long)treeCount << (depth + 1)) <= Math.Max(1L << 16, 8 * totalNodes);
        if (_complete)
        {
            _internalPerTree = (1 << depth) - 1;
            _leavesPerTree = 1 << depth;
            _featureWord = new int[(treeCount * _internalPerTree) + ForestKernels.TablePadding];
            _threshold = new float[(treeCount * _internalPerTree) + ForestKernels.TablePadding];
            _leafValue = new double[treeCount * _leavesPerTree];
            _treeRoot = [];
            _children = [];
            for (int t = 0; t < treeCount; t++)
            {
                FillComplete(trees[t], 0, 0, 0, t * _internalPerTree, t * _leavesPerTree);
            }
        }
        else
        {
            int internalCount = 0, leafCount = 0;
            foreach (DecisionTree tree in trees)
            {
                internalCount += tree.NodeCount - tree.LeafCount;
                leafCount += tree.LeafCount;
            }

            _featureWord = new int[internalCount];
            _threshold = new float[internalCount];
            _children = new int[2 * internalCount];
            _leafValue = new double[leafCount];
            _treeRoot = new int[treeCount];
            int nextNode = 0, nextLeaf = 0;
            for (int t = 0; t < treeCount; t++)
            {
                _treeRoot[t] = FillGeneral(trees[t], ref nextNode, ref nextLeaf);
            }
        }
    }

    public static CompiledForest Build(BoostedDecisionTrees model) => new(model);

    /// <summary>Scores one event; no allocation for up to 128 outputs.</summary>
    public void ScoreOne(ReadOnlySpan<float> features, Span<float> destination, int treeCount, bool raw)
    {
        Span<double> accumulator = _outputCount <= 128 ? stackalloc double[_outputCount] : new double[_outputCount];
        accumulator.Clear();
        fixed (float* x = features)
        fixed (int* words = _featureWord)
        fixed (float* cuts = _threshold)
        fixed (double* leaves = _leafValue)
        fixed (int* children = _children)
        {
            for (int t = 0; t < treeCount; t++)
            {
                accumulator[_treeClass[t]] += leaves[LeafOf(t, x, words, cuts, children)];
            }
        }

        Finish(accumulator, destination, treeCount, raw);
    }

    /// <summary>Scores <paramref name="rows"/> row-major events.</summary>
    public void ScoreRowMajor(ReadOnlySpan<float> features, int rows, Span<float> destination, int treeCount, bool raw, int threads)
    {
        fixed (float* input = features)
        fixed (float* output = destination)
        {
            nint inputAddress = (nint)input, outputAddress = (nint)output;
            ForEachTask(rows, threads, (firstRow, rowCount) =>
            {
                double[] accumulator = ArrayPool<double>.Shared.Rent(_outputCount * BlockRows);
                try
                {
                    for (int start = firstRow; start < firstRow + rowCount; start += BlockRows)
                    {
                        int n = Math.Min(BlockRows, firstRow + rowCount - start);
                        float* block = (float*)inputAddress + ((long)start * _featureCount);
                        Array.Clear(accumulator);
                        Accumulate(block, n, accumulator, 0, treeCount);
                        FinishBlock(accumulator, n, new Span<float>((float*)outputAddress + ((long)start * _outputCount), n * _outputCount), treeCount, raw);
                    }
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(accumulator);
                }
            });
        }
    }

    /// <summary>Scores every event of a column-major dataset; <paramref name="columnMap"/> gives the dataset column of
    /// each forest feature.</summary>
    public void ScoreDataset(Dataset data, int[] columnMap, Span<float> destination, int treeCount, bool raw, int threads)
    {
        fixed (float* output = destination)
        {
            nint outputAddress = (nint)output;
            ForEachTask(data.RowCount, threads, (firstRow, rowCount) =>
            {
                float[] blockBuffer = ArrayPool<float>.Shared.Rent(Math.Max(1, _featureCount * BlockRows));
                double[] accumulator = ArrayPool<double>.Shared.Rent(_outputCount * BlockRows);
                try
                {
                    fixed (float* block = blockBuffer)
                    {
                        for (int start = firstRow; start < firstRow + rowCount; start += BlockRows)
                        {
                            int n = Math.Min(BlockRows, firstRow + rowCount - start);
                            Transpose(data, columnMap, start, n, blockBuffer);
                            Array.Clear(accumulator);
                            Accumulate(block, n, accumulator, 0, treeCount);
                            FinishBlock(accumulator, n, new Span<float>((float*)outputAddress + ((long)start * _outputCount), n * _outputCount), treeCount, raw);
                        }
                    }
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(blockBuffer);
                    ArrayPool<double>.Shared.Return(accumulator);
                }
            });
        }
    }

    /// <summary>Scores after each of <paramref name="treeCounts"/> trees in one pass.</summary>
    public float[][] ScoreStaged(Dataset data, int[] columnMap, int[] treeCounts, int threads)
    {
        int rows = data.RowCount;
        var results = new float[treeCounts.Length][];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = new float[(long)rows * _outputCount];
        }

        int[] order = new int[treeCounts.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort([.. treeCounts], order);
        ForEachTask(rows, threads, (firstRow, rowCount) =>
        {
            float[] blockBuffer = ArrayPool<float>.Shared.Rent(Math.Max(1, _featureCount * BlockRows));
            double[] accumulator = ArrayPool<double>.Shared.Rent(_outputCount * BlockRows);
            try
            {
                fixed (float* block = blockBuffer)
                {
                    for (int start = firstRow; start < firstRow + rowCount; start += BlockRows)
                    {
                        int n = Math.Min(BlockRows, firstRow + rowCount - start);
                        Transpose(data, columnMap, start, n, blockBuffer);
                        Array.Clear(accumulator);
                        int done = 0;
                        foreach (int which in order)
                        {
                            Accumulate(block, n, accumulator, done, treeCounts[which]);
                            done = treeCounts[which];
                            FinishBlock(accumulator, n, results[which].AsSpan(start * _outputCount, n * _outputCount), done, raw: false);
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(blockBuffer);
                ArrayPool<double>.Shared.Return(accumulator);
            }
        });
        return results;
    }

    /// <summary>Adds trees [<paramref name="treeStart"/>, <paramref name="treeEnd"/>) to a block's class-major
    /// accumulator (<c>accumulator[k * BlockRows + r]</c>).</summary>
    internal void Accumulate(float* block, int rows, double[] accumulator, int treeStart, int treeEnd)
    {
        fixed (double* acc = accumulator)
        {
            if (_complete)
            {
                if (ForestKernels.Avx2Enabled && rows >= 8)
                {
                    AccumulateCompleteAvx2(block, rows, acc, treeStart, treeEnd);
                }
                else
                {
                    AccumulateCompleteScalar(block, rows, acc, treeStart, treeEnd, 0);
                }
            }
            else
            {
                AccumulateGeneral(block, rows, acc, treeStart, treeEnd);
            }
        }
    }

    /// <summary>The scalar twin of the vector kernel (used for the tail rows and by tests).</summary>
    internal void AccumulateCompleteScalar(float* block, int rows, double* acc, int treeStart, int treeEnd, int firstRow)
    {
        int stride = _featureCount;
        int levels = _depth;
        fixed (int* allWords = _featureWord)
        fixed (float* allCuts = _threshold)
        fixed (double* allLeaves = _leafValue)
        {
            for (int t = treeStart; t < treeEnd; t++)
            {
                int* words = allWords + ((long)t * _internalPerTree);
                float* cuts = allCuts + ((long)t * _internalPerTree);
                double* leaves = allLeaves + ((long)t * _leavesPerTree) - _internalPerTree;
                double* a = acc + (_treeClass[t] * BlockRows);
                int r = firstRow;
                for (; r + 4 <= rows; r += 4)
                {
                    float* x0 = block + ((long)r * stride);
                    float* x1 = x0 + stride;
                    float* x2 = x1 + stride;
                    float* x3 = x2 + stride;
                    int i0 = 0, i1 = 0, i2 = 0, i3 = 0;
                    for (int level = 0; level < levels; level++)
                    {
                        i0 = Step(words, cuts, x0, i0);
                        i1 = Step(words, cuts, x1, i1);
                        i2 = Step(words, cuts, x2, i2);
                        i3 = Step(words, cuts, x3, i3);
                    }

                    a[r] += leaves[i0];
                    a[r + 1] += leaves[i1];
                    a[r + 2] += leaves[i2];
                    a[r + 3] += leaves[i3];
                }

                for (; r < rows; r++)
                {
                    float* x = block + ((long)r * stride);
                    int i = 0;
                    for (int level = 0; level < levels; level++)
                    {
                        i = Step(words, cuts, x, i);
                    }

                    a[r] += leaves[i];
                }
            }
        }
    }

    private void AccumulateCompleteAvx2(float* block, int rows, double* acc, int treeStart, int treeEnd)
    {
        fixed (int* allWords = _featureWord)
        fixed (float* allCuts = _threshold)
        fixed (double* allLeaves = _leafValue)
        {
            int vectorRows = ForestKernels.AccumulateCompleteAvx2(
                block, rows, _featureCount, acc, BlockRows, allWords, allCuts, allLeaves, _treeClass,
                _internalPerTree, _leavesPerTree, _depth, treeStart, treeEnd);
            if (vectorRows < rows)
            {
                AccumulateCompleteScalar(block, rows, acc, treeStart, treeEnd, vectorRows);
            }
        }
    }

    private void AccumulateGeneral(float* block, int rows, double* acc, int treeStart, int treeEnd)
    {
        fixed (int* words = _featureWord)
        fixed (float* cuts = _threshold)
        fixed (double* leaves = _leafValue)
        fixed (int* children = _children)
        {
            for (int t = treeStart; t < treeEnd; t++)
            {
                double* a = acc + (_treeClass[t] * BlockRows);
                int root = _treeRoot[t];
                for (int r = 0; r < rows; r++)
                {
                    a[r] += leaves[WalkGeneral(root, block + ((long)r * _featureCount), words, cuts, children)];
                }
            }
        }
    }

    private int LeafOf(int tree, float* x, int* words, float* cuts, int* children)
    {
        if (!_complete)
        {
            return WalkGeneral(_treeRoot[tree], x, words, cuts, children);
        }

        int* w = words + ((long)tree * _internalPerTree);
        float* c = cuts + ((long)tree * _internalPerTree);
        int i = 0;
        for (int level = 0; level < _depth; level++)
        {
            i = Step(w, c, x, i);
        }

        return (tree * _leavesPerTree) + i - _internalPerTree;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(int* words, float* cuts, float* x, int i)
    {
        int word = words[i];
        float value = x[word & FeatureMask];
        int second = (value >= cuts[i] ? 1 : 0) | ((float.IsNaN(value) ? 1 : 0) & (int)((uint)word >> 31));
        return (2 * i) + 1 + second;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WalkGeneral(int root, float* x, int* words, float* cuts, int* children)
    {
        int node = root;
        while (node >= 0)
        {
            int word = words[node];
            float value = x[word & FeatureMask];
            int second = (value >= cuts[node] ? 1 : 0) | ((float.IsNaN(value) ? 1 : 0) & (int)((uint)word >> 31));
            node = children[(2 * node) + second];
        }

        return ~node;
    }

    private static void Transpose(Dataset data, int[] columnMap, int start, int rows, float[] block)
    {
        int stride = columnMap.Length;
        for (int j = 0; j < columnMap.Length; j++)
        {
            ReadOnlySpan<float> column = data.Column(columnMap[j]).Slice(start, rows);
            for (int r = 0; r < column.Length; r++)
            {
                block[(r * stride) + j] = column[r];
            }
        }
    }

    private void FinishBlock(double[] accumulator, int rows, Span<float> destination, int treeCount, bool raw)
    {
        Span<double> one = _outputCount <= 128 ? stackalloc double[_outputCount] : new double[_outputCount];
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < _outputCount; k++)
            {
                one[k] = accumulator[(k * BlockRows) + r];
            }

            Finish(one, destination.Slice(r * _outputCount, _outputCount), treeCount, raw);
        }
    }

    /// <summary>Turns summed leaf values into the forest's output.</summary>
    private void Finish(Span<double> sums, Span<float> destination, int treeCount, bool raw)
    {
        switch (_output)
        {
            case ForestOutput.Logistic:
                double margin = _base[0] + sums[0];
                destination[0] = (float)(raw ? margin : 1.0 / (1.0 + Math.Exp(-margin)));
                break;
            case ForestOutput.Sum:
                destination[0] = (float)(_base[0] + sums[0]);
                break;
            case ForestOutput.TmvaGradient:
                destination[0] = (float)(raw ? sums[0] : (2.0 / (1.0 + Math.Exp(-2.0 * sums[0]))) - 1.0);
                break;
            case ForestOutput.WeightedNodeTypeAverage:
            case ForestOutput.WeightedPurityAverage:
                double norm = _weightPrefix[treeCount];
                destination[0] = norm > TmvaSeparation.MachineEpsilon ? (float)(sums[0] / norm) : 0f;
                break;
            case ForestOutput.Softmax:
                double max = double.NegativeInfinity;
                for (int k = 0; k < sums.Length; k++)
                {
                    sums[k] += _base[k];
                    max = Math.Max(max, sums[k]);
                }

                if (raw)
                {
                    for (int k = 0; k < sums.Length; k++)
                    {
                        destination[k] = (float)sums[k];
                    }

                    break;
                }

                double total = 0;
                for (int k = 0; k < sums.Length; k++)
                {
                    sums[k] = Math.Exp(sums[k] - max);
                    total += sums[k];
                }

                for (int k = 0; k < sums.Length; k++)
                {
                    destination[k] = (float)(sums[k] / total);
                }

                break;
        }
    }

    private static void ForEachTask(int rows, int threads, Action<int, int> body)
    {
        int taskRows = BlockRows * BlocksPerTask;
        int tasks = (rows + taskRows - 1) / taskRows;
        if (tasks <= 1 || threads <= 1)
        {
            if (rows > 0)
            {
                body(0, rows);
            }

            return;
        }

        Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = threads }, task =>
        {
            int first = task * taskRows;
            body(first, Math.Min(taskRows, rows - first));
        });
    }

    private double LeafValue(DecisionTree tree, in DecisionTreeNode node) => _output switch
    {
        ForestOutput.WeightedNodeTypeAverage => tree.BoostWeight * (int)node.NodeType,
        ForestOutput.WeightedPurityAverage => float.IsNaN(node.Purity)
            ? throw new InvalidOperationException("a leaf has no purity, which the purity-averaging output needs")
            : tree.BoostWeight * node.Purity,
        _ => node.Response,
    };

    private void FillComplete(DecisionTree tree, int node, int position, int level, int nodeBase, int leafBase)
    {
        ref readonly DecisionTreeNode n = ref tree.NodeArray[node];
        if (level == _depth)
        {
            _leafValue[leafBase + position - _internalPerTree] = LeafValue(tree, n);
            return;
        }

        if (n.IsLeaf)
        {
            // Padding: a pass-through node whose two subtrees end in copies of this leaf.
            _featureWord[nodeBase + position] = 0;
            _threshold[nodeBase + position] = 0f;
            FillComplete(tree, node, (2 * position) + 1, level + 1, nodeBase, leafBase);
            FillComplete(tree, node, (2 * position) + 2, level + 1, nodeBase, leafBase);
            return;
        }

        (int first, int second) = n.CutType ? (n.Left, n.Right) : (n.Right, n.Left);
        bool nanTakesSecond = n.MissingGoesRight == n.CutType;
        _featureWord[nodeBase + position] = n.Feature | (nanTakesSecond ? NaNTakesSecond : 0);
        _threshold[nodeBase + position] = n.Threshold;
        FillComplete(tree, first, (2 * position) + 1, level + 1, nodeBase, leafBase);
        FillComplete(tree, second, (2 * position) + 2, level + 1, nodeBase, leafBase);
    }

    private int FillGeneral(DecisionTree tree, ref int nextNode, ref int nextLeaf)
    {
        ReadOnlySpan<DecisionTreeNode> nodes = tree.Nodes;
        var global = new int[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            global[i] = nodes[i].IsLeaf ? ~nextLeaf++ : nextNode++;
        }

        for (int i = 0; i < nodes.Length; i++)
        {
            DecisionTreeNode n = nodes[i];
            if (n.IsLeaf)
            {
                _leafValue[~global[i]] = LeafValue(tree, n);
                continue;
            }

            int g = global[i];
            (int first, int second) = n.CutType ? (n.Left, n.Right) : (n.Right, n.Left);
            bool nanTakesSecond = n.MissingGoesRight == n.CutType;
            _featureWord[g] = n.Feature | (nanTakesSecond ? NaNTakesSecond : 0);
            _threshold[g] = n.Threshold;
            _children[2 * g] = global[first];
            _children[(2 * g) + 1] = global[second];
        }

        return global[0];
    }
}
