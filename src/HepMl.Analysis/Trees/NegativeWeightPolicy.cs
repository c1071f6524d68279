namespace HepMl.Analysis.Trees;

/// <summary>
/// What gradient boosting does with events of negative weight (NLO Monte Carlo, sWeights). Scoring is unaffected;
/// validation metrics always use the weights as given.
/// </summary>
public enum NegativeWeightPolicy
{
    /// <summary>
    /// Keep the signed weight (TMVA <c>NegWeightTreatment=Pray</c>, XGBoost's behaviour): gradient and hessian are
    /// multiplied by it, so a negative event pulls leaves the other way. Safeguards: a split is accepted only when
    /// both children have a hessian sum of at least max(MinChildWeight, 1e-10), and a leaf whose hessian sum is
    /// below that (or whose hessian plus L2 term is not positive) gets the value 0. A training set whose total
    /// hessian is not positive is rejected.
    /// </summary>
    Keep,

    /// <summary>Drop events with negative weight from training (TMVA <c>IgnoreNegWeightsInTraining</c>); they still
    /// count in validation metrics.</summary>
    IgnoreInTraining,

    /// <summary>Train with |w| (a common HEP practice: keeps the statistics, loses the sign).</summary>
    AbsoluteValue,
}
