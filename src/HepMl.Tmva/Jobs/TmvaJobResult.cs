using HepMl.Tmva.Factory;

namespace HepMl.Tmva.Jobs;

/// <summary>What a job produced: the evaluation report, the cross-validation (if asked for) and the files written.</summary>
/// <param name="Report">The factory's evaluation.</param>
/// <param name="CrossValidation">Per-method fold results, or null.</param>
/// <param name="SummaryFile">The JSON summary written.</param>
/// <param name="OutputFile">The ROOT file with TrainTree/TestTree.</param>
public sealed record TmvaJobResult(TmvaTrainingReport Report, IReadOnlyList<TmvaCrossValidationResult>? CrossValidation, string SummaryFile, string OutputFile);
