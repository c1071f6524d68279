using System.Text;

namespace HepMl.Io;

/// <summary>
/// A file's bytes do not decode as the format says they must (truncated data, corrupt records, checksum or
/// length mismatches). The message states what was expected, then what was found, then where.
/// </summary>
/// <remarks>
/// It derives from <see cref="IOException"/> (STYLE.md B3 names <see cref="InvalidDataException"/>, which is sealed).
/// Readers never return a default value after a failed read: every decoding failure surfaces as this exception
/// (or a subclass) carrying the file, the absolute byte offset and the object path being read.
/// </remarks>
public class HepMlFormatException : IOException
{
    /// <summary>Creates the exception with its location.</summary>
    /// <param name="problem">What was expected and what was found.</param>
    /// <param name="filePath">The file being read, or null for an in-memory source.</param>
    /// <param name="offset">The absolute byte offset in the file, or -1 when unknown.</param>
    /// <param name="objectPath">The object being read (directory/tree/branch/basket), or null.</param>
    /// <param name="trail">Breadcrumbs, outermost last (for example "TBasket v3", "TBranch v13 \"pt\"").</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public HepMlFormatException(
        string problem,
        string? filePath = null,
        long offset = -1,
        string? objectPath = null,
        IReadOnlyList<string>? trail = null,
        Exception? innerException = null)
        : base(Compose(problem, filePath, offset, objectPath, trail), innerException)
    {
        Problem = problem;
        FilePath = filePath;
        Offset = offset;
        ObjectPath = objectPath;
        Trail = trail ?? [];
    }

    /// <summary>The bare statement of the problem, without location.</summary>
    public string Problem { get; }

    /// <summary>The file being read, or null for an in-memory source.</summary>
    public string? FilePath { get; }

    /// <summary>Absolute byte offset in the file where the problem was detected, or -1 when unknown.</summary>
    public long Offset { get; }

    /// <summary>The object being read (for example <c>Events/Muon_pt</c>), or null.</summary>
    public string? ObjectPath { get; }

    /// <summary>Breadcrumbs of (class, version, name) being decoded, innermost first.</summary>
    public IReadOnlyList<string> Trail { get; }

    private static string Compose(
        string problem, string? filePath, long offset, string? objectPath, IReadOnlyList<string>? trail)
    {
        var text = new StringBuilder(problem);
        if (filePath is not null || offset >= 0 || objectPath is not null)
        {
            text.AppendLine();
            text.Append("  in file ").Append(filePath is null ? "<memory>" : Path.GetFileName(filePath));
            if (offset >= 0)
            {
                text.Append(" at offset 0x").Append(offset.ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
                text.Append(" (").Append(offset.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(')');
            }

            if (objectPath is not null)
            {
                text.Append(", object ").Append(objectPath);
            }
        }

        if (trail is { Count: > 0 })
        {
            text.AppendLine();
            text.Append("  while reading ").AppendJoin(" <- ", trail);
        }

        return text.ToString();
    }
}
