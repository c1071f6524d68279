namespace HepMl.Analysis.Trees;

/// <summary>How <see cref="BoostedDecisionTrees.FeatureImportance"/> scores a feature.</summary>
public enum ImportanceType
{
    /// <summary>Number of splits on the feature (XGBoost <c>weight</c>).</summary>
    SplitCount,

    /// <summary>Sum of the gains of the splits on the feature (XGBoost <c>total_gain</c>).</summary>
    TotalGain,

    /// <summary>Mean gain per split on the feature (XGBoost <c>gain</c>).</summary>
    AverageGain,

    /// <summary>Sum of the hessian sums of the nodes split on the feature (XGBoost <c>total_cover</c>).</summary>
    TotalCover,
}
