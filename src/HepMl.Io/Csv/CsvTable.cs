namespace HepMl.Io.Csv;

/// <summary>An event table: named columns of equal length (one row per event).</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, CsvColumn> _byName;

    /// <summary>Creates a table; every column must have the same number of rows and a distinct name.</summary>
    public CsvTable(IReadOnlyList<CsvColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Count;
        _byName = new Dictionary<string, CsvColumn>(StringComparer.Ordinal);
        foreach (CsvColumn column in columns)
        {
            if (column.Count != RowCount)
            {
                throw new ArgumentException($"column '{column.Name}' has {column.Count} rows; '{columns[0].Name}' has {RowCount}", nameof(columns));
            }

            if (!_byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"two columns are called '{column.Name}'", nameof(columns));
            }
        }
    }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="ObjectNotFoundException">No such column; the nearest names are listed.</exception>
    public CsvColumn this[string name] =>
        _byName.TryGetValue(name, out CsvColumn? column) ? column : throw new ObjectNotFoundException(name, "the CSV table", _byName.Keys);
}
