namespace HepMl.Tmva.Methods;

/// <summary>How a TMVA BDT combines its trees at evaluation (option <c>BoostType</c>).</summary>
public enum TmvaBdtBoostType
{
    /// <summary>Weighted average of leaf values (AdaBoost, RealAdaBoost, Bagging, AdaCost, ...).</summary>
    AdaBoost,

    /// <summary>Weighted average of purities (RealAdaBoost: AdaBoost with <c>UseYesNoLeaf=False</c>).</summary>
    RealAdaBoost,

    /// <summary>Unweighted average (bagging; boost weights are 1).</summary>
    Bagging,

    /// <summary>Gradient boosting: sum of leaf responses through <c>2/(1+exp(-2S))-1</c>.</summary>
    Grad,

    /// <summary>AdaBoost.R2 regression: weighted median of tree responses.</summary>
    AdaBoostR2,
}
