namespace HepMl.Analysis.LinearModels;

/// <summary>The penalty on the coefficients of <see cref="LogisticRegression"/> (the intercept is never penalised).</summary>
public enum RegularizationPenalty
{
    /// <summary>No penalty (maximum likelihood; fails to converge on separable data).</summary>
    None,

    /// <summary>½‖β‖² (ridge).</summary>
    L2,

    /// <summary>‖β‖₁ (lasso): drives weak coefficients to exactly zero.</summary>
    L1,
}
