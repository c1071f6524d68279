namespace HepMl.Analysis.Trees;

/// <summary>The order in which a tree's nodes are split.</summary>
public enum GrowthPolicy
{
    /// <summary>Level by level, up to the maximum depth (XGBoost <c>depthwise</c>, TMVA).</summary>
    DepthWise,

    /// <summary>Always the leaf with the largest gain next, up to the maximum number of leaves (LightGBM,
    /// XGBoost <c>lossguide</c>).</summary>
    LeafWise,
}
