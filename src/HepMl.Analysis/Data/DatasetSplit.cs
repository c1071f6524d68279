namespace HepMl.Analysis.Data;

/// <summary>A train/validation/test partition of a dataset, with the row indices each part came from.</summary>
/// <param name="Training">The training events.</param>
/// <param name="Validation">The validation events (may be empty).</param>
/// <param name="Test">The test events (may be empty).</param>
/// <param name="TrainingRows">Rows of the source dataset in <paramref name="Training"/>, ascending.</param>
/// <param name="ValidationRows">Rows in <paramref name="Validation"/>, ascending.</param>
/// <param name="TestRows">Rows in <paramref name="Test"/>, ascending.</param>
public sealed record DatasetSplit(
    Dataset Training,
    Dataset Validation,
    Dataset Test,
    IReadOnlyList<int> TrainingRows,
    IReadOnlyList<int> ValidationRows,
    IReadOnlyList<int> TestRows);
