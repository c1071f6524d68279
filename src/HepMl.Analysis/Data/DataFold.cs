namespace HepMl.Analysis.Data;

/// <summary>One cross-validation fold: the rows to train on and the rows to validate on.</summary>
/// <param name="Index">Fold number, from 0.</param>
/// <param name="TrainingRows">Rows to train on, ascending.</param>
/// <param name="ValidationRows">Rows held out, ascending.</param>
public sealed record DataFold(int Index, IReadOnlyList<int> TrainingRows, IReadOnlyList<int> ValidationRows)
{
    /// <summary>The training and validation datasets of this fold.</summary>
    public (Dataset Training, Dataset Validation) Apply(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (data.Subset(TrainingRows.ToArray()), data.Subset(ValidationRows.ToArray()));
    }
}
