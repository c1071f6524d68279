using HepMl.Io.Hdf5;

namespace HepMl.Io.Conversion;

/// <summary>
/// An HDF5 group as a table: its numeric datasets sharing the first dimension are the columns (1-D: flat; N-D: fixed
/// arrays of the trailing shape; variable-length sequences: jagged). A single dataset is a one-column table.
/// </summary>
public sealed class Hdf5TableSource : ITableSource
{
    /// <summary>Attribute the HDF5 writer side of the converter puts on a jagged dataset that came from a ROOT counter-leaf array.</summary>
    public const string CounterAttribute = "root_counter";

    private readonly Hdf5File _file;
    private readonly Dictionary<string, Hdf5Dataset> _datasets = new(StringComparer.Ordinal);
    private readonly List<TableColumn> _columns = [];
    private readonly List<(string, string)> _skipped = [];

    /// <summary>Opens group or dataset <paramref name="objectPath"/> (default: the root group).</summary>
    public Hdf5TableSource(string path, string? objectPath)
    {
        _file = Hdf5File.Open(path);
        try
        {
            Hdf5Object target = _file.Get("/" + (objectPath ?? string.Empty).Trim('/'));
            IEnumerable<Hdf5Dataset> datasets = target switch
            {
                Hdf5Dataset single => [single],
                Hdf5Group group => group.Links.Where(l => l.Kind == Hdf5LinkKind.Hard).Select(l => group.Get(l.Name)).OfType<Hdf5Dataset>(),
                _ => [],
            };
            Name = target.Path == "/" ? Path.GetFileNameWithoutExtension(path) : target.Name;
            foreach (Hdf5Dataset dataset in datasets)
            {
                string? problem = Problem(dataset);
                if (problem is not null)
                {
                    _skipped.Add((dataset.Name, problem));
                    continue;
                }

                Hdf5DataType type = dataset.IsJagged() ? dataset.DataType.BaseType! : dataset.DataType;
                Type clr = ClrType(type);
                string? counter = dataset.HasAttribute(CounterAttribute) ? dataset.GetAttribute(CounterAttribute).ReadStrings()[0] : null;
                _columns.Add(dataset.IsJagged()
                    ? new TableColumn(dataset.Name, clr, TableColumnKind.Jagged, [], counter)
                    : dataset.Rank > 1
                        ? new TableColumn(dataset.Name, clr, TableColumnKind.Fixed, dataset.Shape.Skip(1).Select(d => checked((int)d)).ToArray())
                        : new TableColumn(dataset.Name, clr, TableColumnKind.Flat, []));
                _datasets[dataset.Name] = dataset;
            }

            long[] lengths = _datasets.Values.Select(d => d.RowCount).Distinct().ToArray();
            if (lengths.Length > 1)
            {
                throw new ArgumentException(
                    $"the datasets of {target.Path} have different lengths ({string.Join(", ", _datasets.Values.Select(d => $"{d.Name}: {d.RowCount}"))}); convert one dataset (FILE:{target.Path}/NAME) or select columns of one length with --branches");
            }

            Entries = lengths.Length == 0 ? 0 : lengths[0];
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <inheritdoc/>
    public IReadOnlyList<(string Name, string Reason)> Skipped => _skipped;

    /// <inheritdoc/>
    public long Entries { get; }

    /// <inheritdoc/>
    public IEnumerable<TableBlock> Read(IReadOnlyList<TableColumn> columns, long start, long stop, long blockEntries)
    {
        for (long first = start; first < stop; first += blockEntries)
        {
            long count = Math.Min(blockEntries, stop - first);
            var values = new Dictionary<string, (Array, int[]?)>(StringComparer.Ordinal);
            foreach (TableColumn column in columns)
            {
                values[column.Name] = ReadColumn(_datasets[column.Name], column, first, count);
            }

            yield return new TableBlock(first, count, values);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private static string? Problem(Hdf5Dataset dataset)
    {
        if (dataset.DataspaceKind != Hdf5DataspaceKind.Simple)
        {
            return "a scalar or null dataspace is not a column";
        }

        Hdf5DataType type = dataset.IsJagged() ? dataset.DataType.BaseType! : dataset.DataType;
        if (dataset.DataType.IsString || !type.IsNumeric || type.ElementKind == Hdf5ElementKind.None)
        {
            return $"{dataset.DataType.Name} values are not converted";
        }

        return dataset.IsJagged() && dataset.Rank > 1 ? "multi-dimensional variable-length data are not converted" : null;
    }

    private static Type ClrType(Hdf5DataType type) => type.ElementKind switch
    {
        Hdf5ElementKind.Boolean => typeof(bool),
        Hdf5ElementKind.Int8 => typeof(sbyte),
        Hdf5ElementKind.UInt8 => typeof(byte),
        Hdf5ElementKind.Int16 => typeof(short),
        Hdf5ElementKind.UInt16 => typeof(ushort),
        Hdf5ElementKind.Int32 => typeof(int),
        Hdf5ElementKind.UInt32 => typeof(uint),
        Hdf5ElementKind.Int64 => typeof(long),
        Hdf5ElementKind.UInt64 => typeof(ulong),
        Hdf5ElementKind.Float16 or Hdf5ElementKind.Float32 => typeof(float), // float16 widens exactly to float32
        _ => typeof(double),
    };

    private static (Array, int[]?) ReadColumn(Hdf5Dataset dataset, TableColumn column, long first, long count)
    {
        if (column.Kind != TableColumnKind.Jagged)
        {
            return (Read(dataset, column.ElementType, first, count), null);
        }

        (Array values, long[] offsets) = ReadJagged(dataset, column.ElementType, first, count);
        int[] narrow = new int[offsets.Length];
        for (int i = 0; i < offsets.Length; i++)
        {
            narrow[i] = checked((int)offsets[i]);
        }

        return (values, narrow);
    }

    private static Array Read(Hdf5Dataset d, Type type, long first, long count) =>
        type == typeof(bool) ? d.ReadRows<bool>(first, count)
        : type == typeof(sbyte) ? d.ReadRows<sbyte>(first, count)
        : type == typeof(byte) ? d.ReadRows<byte>(first, count)
        : type == typeof(short) ? d.ReadRows<short>(first, count)
        : type == typeof(ushort) ? d.ReadRows<ushort>(first, count)
        : type == typeof(int) ? d.ReadRows<int>(first, count)
        : type == typeof(uint) ? d.ReadRows<uint>(first, count)
        : type == typeof(long) ? d.ReadRows<long>(first, count)
        : type == typeof(ulong) ? d.ReadRows<ulong>(first, count)
        : type == typeof(float) ? d.ReadRows<float>(first, count)
        : d.ReadRows<double>(first, count);

    private static (Array Values, long[] Offsets) ReadJagged(Hdf5Dataset d, Type type, long first, long count)
    {
        if (type == typeof(bool)) { var j = d.ReadJaggedRows<bool>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(sbyte)) { var j = d.ReadJaggedRows<sbyte>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(byte)) { var j = d.ReadJaggedRows<byte>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(short)) { var j = d.ReadJaggedRows<short>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(ushort)) { var j = d.ReadJaggedRows<ushort>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(int)) { var j = d.ReadJaggedRows<int>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(uint)) { var j = d.ReadJaggedRows<uint>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(long)) { var j = d.ReadJaggedRows<long>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(ulong)) { var j = d.ReadJaggedRows<ulong>(first, count); return (j.Values, j.Offsets); }
        if (type == typeof(float)) { var j = d.ReadJaggedRows<float>(first, count); return (j.Values, j.Offsets); }
        var x = d.ReadJaggedRows<double>(first, count);
        return (x.Values, x.Offsets);
    }
}
