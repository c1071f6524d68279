namespace HepMl.Tmva.Methods;

/// <summary>
/// One node of a TMVA decision tree (TMVA: <c>DecisionTreeNode</c>), as stored in a weight file. Internal nodes have
/// <see cref="NodeType"/> 0 and two children; leaves have ±1 (classification) or any other non-zero value.
/// </summary>
/// <remarks>
/// Single-precision members are single precision here too (<c>Cut</c>, <c>purity</c>, <c>res</c>), so a tree read
/// from a file and written back keeps its exact values. An internal node sends an event right when
/// <c>x[Variable] &gt;= Cut</c> (or, for a Fisher node, <c>c_n + Σ c_i x_i &gt; Cut</c>), inverted when
/// <see cref="CutType"/> is false.
/// </remarks>
public sealed class TmvaTreeNode
{
    /// <summary>Creates a leaf.</summary>
    public static TmvaTreeNode Leaf(int nodeType, float purity, float response) =>
        new() { NodeType = nodeType, Purity = purity, Response = response, Variable = -1 };

    /// <summary>Creates an internal node.</summary>
    public static TmvaTreeNode Split(int variable, float cut, bool cutType, TmvaTreeNode left, TmvaTreeNode right, float purity = 0.5f, float response = -99f) =>
        new() { Variable = variable, Cut = cut, CutType = cutType, Left = left, Right = right, Purity = purity, Response = response };

    /// <summary>Index of the variable cut on (<c>IVar</c>), -1 on leaves.</summary>
    public int Variable { get; init; } = -1;

    /// <summary>The cut value (<c>Cut</c>).</summary>
    public float Cut { get; init; }

    /// <summary>True when events passing the cut go right (<c>cType</c>).</summary>
    public bool CutType { get; init; } = true;

    /// <summary>0 for internal nodes; +1 signal leaf, -1 background leaf (<c>nType</c>).</summary>
    public int NodeType { get; init; }

    /// <summary>Signal purity S/(S+B) of the training events in the node (<c>purity</c>).</summary>
    public float Purity { get; init; } = 0.5f;

    /// <summary>Regression / gradient-boost response (<c>res</c>).</summary>
    public float Response { get; init; } = -99f;

    /// <summary>RMS of the response (<c>rms</c>, informational).</summary>
    public float Rms { get; init; }

    /// <summary>Fisher-cut coefficients (<c>fC0..fCn</c>, offset last), or null for an ordinary cut.</summary>
    public IReadOnlyList<double>? FisherCoefficients { get; init; }

    /// <summary>Left child (null on leaves).</summary>
    public TmvaTreeNode? Left { get; init; }

    /// <summary>Right child (null on leaves).</summary>
    public TmvaTreeNode? Right { get; init; }

    /// <summary>True when the node ends the walk (TMVA walks while <c>nType == 0</c>).</summary>
    public bool IsLeaf => NodeType != 0;

    /// <summary>Depth of the subtree below this node (0 for a leaf).</summary>
    public int Depth => IsLeaf || Left is null || Right is null ? 0 : 1 + Math.Max(Left.Depth, Right.Depth);
}
