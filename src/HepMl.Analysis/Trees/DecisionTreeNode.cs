namespace HepMl.Analysis.Trees;

/// <summary>
/// One node of a <see cref="DecisionTree"/>, with the members TMVA's <c>DecisionTreeNode</c> writes to a weight file
/// (<c>IVar</c>, <c>Cut</c>, <c>cType</c>, <c>res</c>, <c>rms</c>, <c>purity</c>, <c>nType</c>) plus the training
/// statistics HepMl keeps (gain, weights, hessian, event count) and a learnt direction for missing values.
/// </summary>
/// <remarks>
/// An event at an internal node goes to <see cref="Right"/> when <c>(x[Feature] &gt;= Threshold) == CutType</c>,
/// else to <see cref="Left"/> (TMVA: <c>DecisionTreeNode::GoesRight</c>); a NaN feature value goes right when
/// <see cref="MissingGoesRight"/> is set. Leaves have <see cref="Left"/> = <see cref="Right"/> = -1 and
/// <see cref="Feature"/> = -1.
/// </remarks>
public readonly record struct DecisionTreeNode
{
    /// <summary>Creates a leaf with no statistics (every index -1, purity NaN).</summary>
    public DecisionTreeNode()
    {
        Left = -1;
        Right = -1;
        Feature = -1;
        CutType = true;
        Purity = float.NaN;
    }

    /// <summary>Index of the left child in the tree's node list, -1 for a leaf.</summary>
    public int Left { get; init; }

    /// <summary>Index of the right child in the tree's node list, -1 for a leaf.</summary>
    public int Right { get; init; }

    /// <summary>The feature cut on (TMVA <c>IVar</c>), -1 for a leaf.</summary>
    public int Feature { get; init; }

    /// <summary>The cut value (TMVA <c>Cut</c>): <c>x &gt;= Threshold</c> is the "passes" side.</summary>
    public float Threshold { get; init; }

    /// <summary>TMVA <c>cType</c>: true when events passing the cut go right, false when they go left.</summary>
    public bool CutType { get; init; }

    /// <summary>Where an event whose feature value is NaN goes (learnt in training; TMVA has no counterpart).</summary>
    public bool MissingGoesRight { get; init; }

    /// <summary>The node's response (TMVA <c>res</c>): the leaf value added to the score for gradient-boosted and
    /// regression trees, learning rate included.</summary>
    public float Response { get; init; }

    /// <summary>Weighted signal fraction S/(S+B) of the training events in the node (TMVA <c>purity</c>); NaN when
    /// the task has no signal class (regression, multi-class).</summary>
    public float Purity { get; init; }

    /// <summary>Leaf classification (TMVA <c>nType</c>): <see cref="NodeType.Internal"/> for internal nodes.</summary>
    public NodeType NodeType { get; init; }

    /// <summary>Weighted RMS of the regression target in the node (TMVA <c>rms</c>); 0 when not computed.</summary>
    public float Rms { get; init; }

    /// <summary>The split's gain: loss reduction for gradient boosting, separation gain for TMVA-style trees; 0 on leaves.</summary>
    public double Gain { get; init; }

    /// <summary>Sum of the (boosted) event weights that reached the node in training.</summary>
    public double SumWeight { get; init; }

    /// <summary>Sum of the loss hessians of the node's training events ("cover"); 0 for TMVA-style trees.</summary>
    public double SumHessian { get; init; }

    /// <summary>Number of training events (unweighted) in the node.</summary>
    public int EventCount { get; init; }

    /// <summary>Depth of the node; the root has depth 0.</summary>
    public int Depth { get; init; }

    /// <summary>True for a leaf.</summary>
    public bool IsLeaf => Left < 0;
}
