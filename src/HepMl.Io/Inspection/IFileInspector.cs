namespace HepMl.Io.Inspection;

/// <summary>
/// The format-specific half of <c>hepml ls</c> and <c>hepml describe</c>: recognises a file by its first bytes, lists
/// its objects and summarises its tables and histograms into the format-neutral model of this namespace.
/// Register implementations with <see cref="FileInspectors.Register"/>.
/// </summary>
public interface IFileInspector
{
    /// <summary>The format name written into descriptions (<c>root</c>, <c>hdf5</c>).</summary>
    string Format { get; }

    /// <summary>True when <paramref name="header"/> (the first bytes of the file, up to 2056) is this format.</summary>
    bool CanRead(ReadOnlySpan<byte> header);

    /// <summary>Lists directories, objects, tables with entry counts and columns with types.</summary>
    FileListing List(string path);

    /// <summary>Summarises the tables (columns: counts, sums, ranges, first entries) and histograms of the file.</summary>
    FileDescription Describe(string path, DescribeOptions options);
}
