using HepMl.Io.Columns;

namespace HepMl.Io.Inspection;

/// <summary>Builds a <see cref="ColumnSummary"/> from the chunks of one column, holding only the running figures.</summary>
public sealed class ColumnSummarizer
{
    private readonly string _name;
    private readonly ColumnType _type;
    private readonly int _firstEntries;
    private readonly ColumnStatistics _statistics = new();
    private readonly List<object?> _first = [];
    private long _entries;
    private long _count;

    /// <summary>Starts a summary of column <paramref name="name"/> of type <paramref name="type"/>.</summary>
    public ColumnSummarizer(string name, ColumnType type, int firstEntries)
    {
        ArgumentNullException.ThrowIfNull(type);
        _name = name;
        _type = type;
        _firstEntries = firstEntries;
    }

    /// <summary>Adds the next chunk of the column.</summary>
    public void Add(ColumnData chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        for (int i = 0; i < chunk.EntryCount && _first.Count < _firstEntries; i++)
        {
            _first.Add(chunk.GetEntry(i));
        }

        _entries += chunk.EntryCount;
        if (_type.Element == ElementType.String)
        {
            _count += chunk.StringCount;
        }
        else if (_type.IsNumeric)
        {
            _count += chunk.Values.Length;
            _statistics.Add(chunk.Values);
        }
        else
        {
            _count += chunk.EntryCount;
        }
    }

    /// <summary>The summary of everything added.</summary>
    public ColumnSummary Result()
    {
        bool numeric = _type.IsNumeric && _statistics.Count > 0;
        return new ColumnSummary(
            _name, _type.Name, _entries, _count,
            numeric ? _statistics.Sum : null,
            numeric ? _statistics.Min : null,
            numeric ? _statistics.Max : null,
            _first);
    }
}
