namespace HepMl.Analysis.Trees;

/// <summary>The role of a tree node, with TMVA's numbering (TMVA: <c>DecisionTreeNode::GetNodeType()</c>, XML <c>nType</c>).</summary>
public enum NodeType
{
    /// <summary>An internal node: it cuts on a feature and has two children.</summary>
    Internal = 0,

    /// <summary>A leaf classified as signal: its training purity exceeds the node-purity limit.</summary>
    Signal = 1,

    /// <summary>A leaf classified as background.</summary>
    Background = -1,
}
