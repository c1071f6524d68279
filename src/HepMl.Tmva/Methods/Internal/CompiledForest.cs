namespace HepMl.Tmva.Methods.Internal;

/// <summary>
/// A TMVA forest flattened into arrays for evaluation: per node the variable, the float cut, and the two children
/// (swapped when <c>cType</c> is false, so every node goes "right" when <c>x &gt;= cut</c>); per leaf the value
/// <c>DecisionTree::CheckEvent</c> returns. Fisher nodes keep their coefficients. Immutable.
/// </summary>
internal sealed class CompiledForest
{
    public const int LeafMarker = -1;
    public const int FisherMarker = -2;

    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[]?[] _fisher;
    private readonly double[] _boostWeights;

    private CompiledForest(int[] roots, int[] feature, float[] threshold, int[] left, int[] right, double[]?[] fisher, double[] boostWeights)
    {
        _roots = roots;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _fisher = fisher;
        _boostWeights = boostWeights;
        double sum = 0;
        foreach (double w in boostWeights)
        {
            sum += w;
        }

        WeightSum = sum;
    }

    public int TreeCount => _roots.Length;

    /// <summary>Sum of the boost weights in tree order (AdaBoost's normalisation).</summary>
    public double WeightSum { get; }

    /// <summary>The vectorisable complete-tree layout, or null when a tree has Fisher nodes or is too deep.</summary>
    public DenseForest? Dense { get; private init; }

    public double BoostWeight(int tree) => _boostWeights[tree];

    /// <summary>The leaf value tree <paramref name="tree"/> gives for <paramref name="x"/> (<c>CheckEvent</c>).</summary>
    public double Leaf(int tree, ReadOnlySpan<float> x)
    {
        int node = _roots[tree];
        while (true)
        {
            int feature = _feature[node];
            if (feature >= 0)
            {
                node = x[feature] >= _threshold[node] ? _right[node] : _left[node];
            }
            else if (feature == LeafMarker)
            {
                return _threshold[node];
            }
            else
            {
                node = FisherGoesRight(node, x) ? _right[node] : _left[node];
            }
        }
    }

    private bool FisherGoesRight(int node, ReadOnlySpan<float> x)
    {
        double[] c = _fisher[node]!;
        double fisher = c[^1];
        for (int i = 0; i < c.Length - 1; i++)
        {
            fisher += c[i] * x[i];
        }

        return fisher > _threshold[node];
    }

    /// <summary>Flattens <paramref name="trees"/>; leaves take their response (regression trees), node type or purity.</summary>
    public static CompiledForest Build(IReadOnlyList<TmvaTreeNode> trees, IReadOnlyList<float> boostWeights, bool regressionTrees, bool useNodeType)
    {
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var fisher = new List<double[]?>();
        var roots = new int[trees.Count];
        var stack = new Stack<(TmvaTreeNode Node, int Slot)>();
        for (int t = 0; t < trees.Count; t++)
        {
            roots[t] = Add(trees[t]);
            stack.Push((trees[t], roots[t]));
            while (stack.Count > 0)
            {
                (TmvaTreeNode node, int slot) = stack.Pop();
                if (node.IsLeaf)
                {
                    continue;
                }

                // cType=false inverts the decision: swap the children so "x >= cut" always goes to _right.
                TmvaTreeNode goRight = node.CutType ? node.Right! : node.Left!;
                TmvaTreeNode goLeft = node.CutType ? node.Left! : node.Right!;
                int l = Add(goLeft), r = Add(goRight);
                left[slot] = l;
                right[slot] = r;
                stack.Push((goLeft, l));
                stack.Push((goRight, r));
            }
        }

        double[] weights = boostWeights.Select(w => (double)w).ToArray();
        return new CompiledForest(roots, [.. feature], [.. threshold], [.. left], [.. right], [.. fisher], weights)
        {
            Dense = DenseForest.TryBuild(trees, weights, regressionTrees, useNodeType),
        };

        int Add(TmvaTreeNode node)
        {
            int index = feature.Count;
            if (node.IsLeaf)
            {
                feature.Add(LeafMarker);
                threshold.Add(LeafValue(node, regressionTrees, useNodeType));
                fisher.Add(null);
            }
            else if (node.FisherCoefficients is { Count: > 0 } coefficients)
            {
                feature.Add(FisherMarker);
                threshold.Add(node.Cut);
                fisher.Add(coefficients.ToArray());
            }
            else
            {
                feature.Add(node.Variable);
                threshold.Add(node.Cut);
                fisher.Add(null);
            }

            left.Add(-1);
            right.Add(-1);
            return index;
        }
    }

    /// <summary><c>DecisionTree::CheckEvent</c>'s leaf value.</summary>
    public static float LeafValue(TmvaTreeNode leaf, bool regressionTrees, bool useNodeType) =>
        regressionTrees ? leaf.Response : useNodeType ? leaf.NodeType : leaf.Purity;
}
