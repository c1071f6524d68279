using HepMl.Io.Csv;

namespace HepMl.Io.Conversion;

/// <summary>Writes a table as CSV with a header; jagged and fixed-array columns (other than one value per entry) are refused: CSV holds one value per cell.</summary>
public sealed class CsvTableSink : ITableSink
{
    private readonly CsvFileWriter _writer;
    private readonly IReadOnlyList<TableColumn> _columns;

    /// <summary>Creates <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">A column is a fixed or jagged array.</exception>
    public CsvTableSink(string path, IReadOnlyList<TableColumn> columns)
    {
        // A fixed array of one value per entry ([N, 1] datasets) is one value per cell; anything wider is refused.
        foreach (TableColumn column in columns.Where(c => c.Kind == TableColumnKind.Jagged || (c.Kind == TableColumnKind.Fixed && c.ItemSize != 1)))
        {
            throw new ArgumentException(
                $"column '{column.Name}' is {column.TypeName}: CSV holds one value per cell, so {(column.Kind == TableColumnKind.Jagged ? "jagged" : "fixed-array")} columns are not written (exclude them with --branches, or write ROOT or HDF5)");
        }

        _columns = columns;
        _writer = CsvFileWriter.Create(path, columns.Select(c => c.Name).ToArray());
    }

    /// <inheritdoc/>
    public void Write(TableBlock block) =>
        _writer.WriteBlock(new CsvTable(_columns.Select(c => new CsvColumn(c.Name, block.Columns[c.Name].Values)).ToArray()));

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();
}
