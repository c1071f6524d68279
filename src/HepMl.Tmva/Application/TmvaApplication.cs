namespace HepMl.Tmva.Application;

/// <summary>
/// Applies a weight file to a table of events (what <c>hepml tmva apply</c> does): a CSV file, a ROOT tree or an HDF5
/// group. Columns are found by the file's variable expressions (or labels, whitespace ignored), or the expressions are
/// computed from the columns they name; every event is evaluated, and the output repeats the input's flat columns
/// followed by one column named after the method title (or holds that column alone, as a friend).
/// </summary>
public static partial class TmvaApplication
{
    private static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
