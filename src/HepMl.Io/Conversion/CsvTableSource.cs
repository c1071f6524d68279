using HepMl.Io.Csv;

namespace HepMl.Io.Conversion;

/// <summary>A CSV file as a table of flat columns (types inferred from the first rows).</summary>
public sealed class CsvTableSource : ITableSource
{
    private readonly string _path;
    private readonly List<TableColumn> _columns = [];
    private readonly List<(string, string)> _skipped = [];

    /// <summary>Reads the header and the column types of <paramref name="path"/>.</summary>
    public CsvTableSource(string path)
    {
        _path = path;
        CsvTable first = CsvFile.ReadBlocks(path).First();
        foreach (CsvColumn column in first.Columns)
        {
            if (column.ElementType == typeof(string))
            {
                _skipped.Add((column.Name, "strings are not converted"));
            }
            else
            {
                _columns.Add(new TableColumn(column.Name, column.ElementType, TableColumnKind.Flat, []));
            }
        }

        Name = Path.GetFileNameWithoutExtension(path);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <inheritdoc/>
    public IReadOnlyList<(string Name, string Reason)> Skipped => _skipped;

    /// <inheritdoc/>
    public long Entries => -1;

    /// <inheritdoc/>
    public IEnumerable<TableBlock> Read(IReadOnlyList<TableColumn> columns, long start, long stop, long blockEntries)
    {
        long position = 0;
        foreach (CsvTable block in CsvFile.ReadBlocks(_path))
        {
            long from = Math.Max(position, start);
            long to = Math.Min(position + block.RowCount, stop);
            if (from < to)
            {
                var values = new Dictionary<string, (Array, int[]?)>(StringComparer.Ordinal);
                foreach (TableColumn column in columns)
                {
                    Array all = block[column.Name].Values;
                    Array slice = Array.CreateInstance(all.GetType().GetElementType()!, to - from);
                    Array.Copy(all, from - position, slice, 0, to - from);
                    values[column.Name] = (slice, null);
                }

                yield return new TableBlock(from, to - from, values);
            }

            position += block.RowCount;
            if (position >= stop)
            {
                yield break;
            }
        }

        _ = blockEntries; // CSV blocks are cut by bytes of text
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
