namespace HepMl.Tmva.Factory;

/// <summary>One method's cross-validation: the ROC integral of each fold, their mean and standard deviation.</summary>
/// <param name="Title">Method title.</param>
/// <param name="FoldRocIntegrals">ROC integral on each held-out fold.</param>
/// <param name="MeanRocIntegral">Their mean.</param>
/// <param name="StandardDeviation">Their sample standard deviation.</param>
public sealed record TmvaCrossValidationResult(string Title, IReadOnlyList<double> FoldRocIntegrals, double MeanRocIntegral, double StandardDeviation);
