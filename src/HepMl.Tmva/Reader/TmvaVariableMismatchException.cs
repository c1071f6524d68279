using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Reader;

/// <summary>
/// The variables given to a <see cref="TmvaReader"/> do not match the weight file's (TMVA makes this fatal too).
/// The message lists the file's variables, the ones missing and the ones not used.
/// </summary>
public sealed class TmvaVariableMismatchException : ArgumentException
{
    internal TmvaVariableMismatchException(TmvaWeightFile file, IReadOnlyList<string> given, IReadOnlyList<string> missing, IReadOnlyList<string> extra)
        : base(Compose(file, given, missing, extra))
    {
        Missing = missing;
        Unused = extra;
    }

    /// <summary>File variables no reader variable matched.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Reader variables the file does not use.</summary>
    public IReadOnlyList<string> Unused { get; }

    private static string Compose(TmvaWeightFile file, IReadOnlyList<string> given, IReadOnlyList<string> missing, IReadOnlyList<string> extra)
    {
        string where = file.FilePath is null ? $"{file.MethodType}::{file.MethodTitle}" : Path.GetFileName(file.FilePath);
        string text = $"the reader's variables do not match {where}, which expects: {string.Join(", ", file.Variables.Select(v => v.Expression))}";
        if (missing.Count > 0)
        {
            text += $"; missing: {string.Join(", ", missing)}";
        }

        if (extra.Count > 0)
        {
            text += $"; not used by the file: {string.Join(", ", extra)}";
        }

        return text + $" (given: {string.Join(", ", given)})";
    }
}
