namespace HepMl.Analysis.Trees;

/// <summary>TMVA's <c>NegWeightTreatment</c> for <see cref="TmvaBdtTrainer"/> (events of weight 0 are always dropped,
/// as in TMVA's <c>InitEventSample</c>).</summary>
public enum TmvaNegativeWeightTreatment
{
    /// <summary>Keep negative-weight events, but boost them by 1/factor instead of factor, so that a misclassified
    /// negative event loses influence (TMVA's default for AdaBoost; for Grad TMVA switches to <see cref="Pray"/>).</summary>
    InverseBoostNegWeights,

    /// <summary>Drop events with negative weight from training (TMVA <c>IgnoreNegWeightsInTraining</c>, alias
    /// <c>NoNegWeightsInTraining</c>).</summary>
    IgnoreNegWeightsInTraining,

    /// <summary>Keep negative weights and treat them like positive ones everywhere (TMVA <c>Pray</c>).</summary>
    Pray,
}
