namespace HepMl.Tmva.Import;

/// <summary>
/// One XGBoost tree as stored in a JSON model: per node the split feature and condition, the children, the default
/// direction for missing values, and (on leaves) the leaf value. Node 0 is the root.
/// </summary>
public sealed class XgboostTree
{
    internal XgboostTree(int[] left, int[] right, int[] feature, float[] condition, bool[] defaultLeft)
    {
        Left = left;
        Right = right;
        Feature = feature;
        Condition = condition;
        DefaultLeft = defaultLeft;
    }

    /// <summary>Left ("yes", <c>x &lt; condition</c>) child per node; -1 on leaves.</summary>
    public IReadOnlyList<int> Left { get; }

    /// <summary>Right ("no") child per node; -1 on leaves.</summary>
    public IReadOnlyList<int> Right { get; }

    /// <summary>Split feature per node.</summary>
    public IReadOnlyList<int> Feature { get; }

    /// <summary>Split condition per internal node; the leaf value on leaves.</summary>
    public IReadOnlyList<float> Condition { get; }

    /// <summary>True when a missing (NaN) value goes left.</summary>
    public IReadOnlyList<bool> DefaultLeft { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Left.Count;

    /// <summary>True when node <paramref name="node"/> is a leaf.</summary>
    public bool IsLeaf(int node) => Left[node] < 0;

    /// <summary>The leaf value XGBoost's predictor adds for <paramref name="features"/>.</summary>
    public float LeafValue(ReadOnlySpan<float> features)
    {
        int node = 0;
        while (Left[node] >= 0)
        {
            float x = features[Feature[node]];
            node = float.IsNaN(x) ? (DefaultLeft[node] ? Left[node] : Right[node])
                : x < Condition[node] ? Left[node] : Right[node];
        }

        return Condition[node];
    }

    /// <summary>Depth of the deepest leaf (0 for a lone leaf).</summary>
    public int Depth()
    {
        int deepest = 0;
        var stack = new Stack<(int Node, int Depth)>();
        stack.Push((0, 0));
        while (stack.Count > 0)
        {
            (int node, int depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            if (Left[node] >= 0)
            {
                stack.Push((Left[node], depth + 1));
                stack.Push((Right[node], depth + 1));
            }
        }

        return deepest;
    }
}
