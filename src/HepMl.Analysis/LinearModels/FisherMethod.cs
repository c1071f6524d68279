namespace HepMl.Analysis.LinearModels;

/// <summary>Which covariance matrix the Fisher discriminant inverts (TMVA option <c>Method=Fisher|Mahalanobis</c>).</summary>
public enum FisherMethod
{
    /// <summary>The within-class matrix W = C_S + C_B (TMVA default).</summary>
    Fisher,

    /// <summary>The full matrix W + B, B being the between-class matrix.</summary>
    Mahalanobis,
}
