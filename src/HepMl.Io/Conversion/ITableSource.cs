namespace HepMl.Io.Conversion;

/// <summary>An event table read in blocks of entries (a ROOT tree, an HDF5 group of datasets, a CSV file).</summary>
public interface ITableSource : IDisposable
{
    /// <summary>The table's name (tree, group or file stem).</summary>
    string Name { get; }

    /// <summary>The convertible columns.</summary>
    IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Columns that cannot be converted (strings, objects, nested lists), with the reason.</summary>
    IReadOnlyList<(string Name, string Reason)> Skipped { get; }

    /// <summary>Entries in the table, or -1 when unknown before reading (CSV).</summary>
    long Entries { get; }

    /// <summary>Reads the chosen columns over [<paramref name="start"/>, <paramref name="stop"/>) in blocks of about <paramref name="blockEntries"/>.</summary>
    IEnumerable<TableBlock> Read(IReadOnlyList<TableColumn> columns, long start, long stop, long blockEntries);
}
