namespace HepMl.Analysis.ModelSelection;

/// <summary>One evaluated hyperparameter point.</summary>
/// <param name="Index">Trial number, from 0, in proposal order.</param>
/// <param name="Parameters">The hyperparameters.</param>
/// <param name="FoldScores">Validation score per fold.</param>
/// <param name="MeanScore">Mean over folds (NaN when a fold returned NaN).</param>
/// <param name="StandardDeviation">Standard deviation over folds.</param>
/// <param name="Duration">Wall time of the trial's folds (not reproducible; everything else is).</param>
public sealed record TrialRecord(int Index, ParameterSet Parameters, IReadOnlyList<double> FoldScores, double MeanScore, double StandardDeviation, TimeSpan Duration);
