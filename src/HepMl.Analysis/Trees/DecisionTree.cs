namespace HepMl.Analysis.Trees;

/// <summary>
/// One binary decision tree: a list of <see cref="DecisionTreeNode"/>s with the root at index 0 and every child
/// after its parent, plus the tree's boost weight and, for multi-class forests, the class it scores.
/// </summary>
/// <remarks>
/// The node list is what a TMVA weight file's <c>&lt;BinaryTree&gt;</c> holds (TMVA: <c>DecisionTree</c>,
/// <c>boostWeight</c>, <c>itree</c>). Trees are immutable; scoring uses a flattened copy kept by the model.
/// </remarks>
public sealed class DecisionTree
{
    private readonly DecisionTreeNode[] _nodes;

    /// <summary>Builds a tree from its nodes (copied) after checking that they form one tree rooted at index 0.</summary>
    /// <param name="nodes">The nodes; every internal node's children come after it, every node but the root is the
    /// child of exactly one node.</param>
    /// <param name="boostWeight">The tree's weight in the forest (TMVA <c>boostWeight</c>); finite.</param>
    /// <param name="classIndex">For multi-class forests, the class whose margin the tree adds to; else 0.</param>
    /// <exception cref="ArgumentException">The nodes do not form a tree, a cut is NaN, or a leaf has a feature.</exception>
    public DecisionTree(ReadOnlySpan<DecisionTreeNode> nodes, double boostWeight = 1.0, int classIndex = 0)
    {
        if (nodes.IsEmpty)
        {
            throw new ArgumentException("a tree needs at least one node", nameof(nodes));
        }

        if (!double.IsFinite(boostWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(boostWeight), boostWeight, "the boost weight must be finite");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        _nodes = nodes.ToArray();
        Validate(_nodes);
        BoostWeight = boostWeight;
        ClassIndex = classIndex;
        int leaves = 0, depth = 0;
        ComputeShape(_nodes, 0, 0, ref leaves, ref depth);
        LeafCount = leaves;
        Depth = depth;
    }

    /// <summary>Number of nodes (internal nodes and leaves).</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Number of leaves.</summary>
    public int LeafCount { get; }

    /// <summary>Length of the longest root-to-leaf path (0 for a single leaf).</summary>
    public int Depth { get; }

    /// <summary>The tree's weight in the forest (TMVA <c>boostWeight</c>); 1 for gradient-boosted trees.</summary>
    public double BoostWeight { get; }

    /// <summary>The class this tree scores in a multi-class forest (TMVA: tree t belongs to class t mod K); else 0.</summary>
    public int ClassIndex { get; }

    /// <summary>The nodes; the root is at index 0.</summary>
    public ReadOnlySpan<DecisionTreeNode> Nodes => _nodes;

    /// <summary>The node at <paramref name="index"/>.</summary>
    public DecisionTreeNode this[int index] => _nodes[index];

    /// <summary>Index of the leaf the event with feature values <paramref name="features"/> reaches.</summary>
    /// <exception cref="ArgumentException">A cut uses a feature beyond <paramref name="features"/>.</exception>
    public int FindLeaf(ReadOnlySpan<float> features)
    {
        int index = 0;
        while (true)
        {
            ref readonly DecisionTreeNode node = ref _nodes[index];
            if (node.Left < 0)
            {
                return index;
            }

            if ((uint)node.Feature >= (uint)features.Length)
            {
                throw new ArgumentException(
                    $"node {index} cuts on feature {node.Feature} but the event has {features.Length} values", nameof(features));
            }

            index = GoesRight(node, features[node.Feature]) ? node.Right : node.Left;
        }
    }

    /// <summary>True when a value <paramref name="x"/> goes to the right child of <paramref name="node"/>.</summary>
    internal static bool GoesRight(in DecisionTreeNode node, float x) =>
        float.IsNaN(x) ? node.MissingGoesRight : (x >= node.Threshold) == node.CutType;

    internal DecisionTreeNode[] NodeArray => _nodes;

    private static void Validate(DecisionTreeNode[] nodes)
    {
        var referenced = new bool[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            DecisionTreeNode node = nodes[i];
            if (node.Left < 0 || node.Right < 0)
            {
                if (node.Left != -1 || node.Right != -1)
                {
                    throw new ArgumentException($"node {i} has one child ({node.Left}, {node.Right}); a leaf has -1, -1", nameof(nodes));
                }

                continue;
            }

            if (node.Left <= i || node.Right <= i || node.Left >= nodes.Length || node.Right >= nodes.Length || node.Left == node.Right)
            {
                throw new ArgumentException(
                    $"node {i} has children ({node.Left}, {node.Right}); children must be distinct nodes after their parent, below {nodes.Length}",
                    nameof(nodes));
            }

            if (node.Feature < 0)
            {
                throw new ArgumentException($"internal node {i} has feature {node.Feature}", nameof(nodes));
            }

            if (float.IsNaN(node.Threshold))
            {
                throw new ArgumentException($"internal node {i} has a NaN cut", nameof(nodes));
            }

            foreach (int child in (ReadOnlySpan<int>)[node.Left, node.Right])
            {
                if (referenced[child])
                {
                    throw new ArgumentException($"node {child} is the child of two nodes", nameof(nodes));
                }

                referenced[child] = true;
            }
        }

        for (int i = 1; i < nodes.Length; i++)
        {
            if (!referenced[i])
            {
                throw new ArgumentException($"node {i} is not reachable from the root", nameof(nodes));
            }
        }
    }

    private static void ComputeShape(DecisionTreeNode[] nodes, int index, int depth, ref int leaves, ref int maxDepth)
    {
        // Iterative walk: trees from leaf-wise growth can be deep.
        var stack = new Stack<(int Index, int Depth)>();
        stack.Push((index, depth));
        while (stack.Count > 0)
        {
            (int i, int d) = stack.Pop();
            maxDepth = Math.Max(maxDepth, d);
            if (nodes[i].Left < 0)
            {
                leaves++;
            }
            else
            {
                stack.Push((nodes[i].Left, d + 1));
                stack.Push((nodes[i].Right, d + 1));
            }
        }
    }
}
