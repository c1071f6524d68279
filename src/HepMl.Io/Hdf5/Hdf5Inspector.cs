using System.Globalization;
using HepMl.Io.Hdf5.Reading;
using HepMl.Io.Inspection;

namespace HepMl.Io.Hdf5;

/// <summary>
/// <c>ls</c>/<c>describe</c> for HDF5 files: groups, datasets (type, shape, layout, filters) and links; each dataset
/// described with its element count, sum, range and first values, streamed in blocks of rows.
/// </summary>
public sealed class Hdf5Inspector : IFileInspector
{
    /// <inheritdoc/>
    public string Format => "hdf5";

    /// <inheritdoc/>
    public bool CanRead(ReadOnlySpan<byte> header)
    {
        for (int at = 0; at + 8 <= header.Length; at = at == 0 ? 512 : at * 2)
        {
            if (header.Slice(at, 8).SequenceEqual(Superblock.Signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public FileListing List(string path)
    {
        using Hdf5File file = Hdf5File.Open(path);
        var entries = new List<ListingEntry>();
        foreach (Hdf5Object item in file.EnumerateObjects())
        {
            string itemPath = item.Path.TrimStart('/');
            if (item is Hdf5Dataset dataset)
            {
                entries.Add(new ListingEntry(itemPath, "dataset", $"{dataset.DataType.Name} {ShapeText(dataset)}", null, StorageText(dataset),
                    dataset.DataspaceKind == Hdf5DataspaceKind.Simple ? dataset.RowCount : null, []));
            }
            else if (item is Hdf5Group group)
            {
                if (itemPath.Length > 0)
                {
                    entries.Add(new ListingEntry(itemPath, "directory", "group", null, string.Empty, null, []));
                }

                foreach (Hdf5Link link in group.Links.Where(l => l.Kind != Hdf5LinkKind.Hard))
                {
                    string linkPath = itemPath.Length == 0 ? link.Name : itemPath + "/" + link.Name;
                    string target = link.Kind == Hdf5LinkKind.Soft ? link.Target! : $"{link.TargetFile}:{link.Target}";
                    entries.Add(new ListingEntry(linkPath, "link", $"{link.Kind.ToString().ToLowerInvariant()} link", null, "-> " + target, null, []));
                }
            }
        }

        string details = $"superblock {file.SuperblockVersion}, {new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes"
            + (file.UserBlockSize > 0 ? $", {file.UserBlockSize}-byte user block" : string.Empty);
        return new FileListing(path, Format, details, entries);
    }

    /// <inheritdoc/>
    public FileDescription Describe(string path, DescribeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using Hdf5File file = Hdf5File.Open(path);
        Glob? glob = options.ColumnGlob is null ? null : new Glob(options.ColumnGlob);
        var objects = new List<ObjectSummary>();
        IEnumerable<Hdf5Object> selected = options.ObjectPath is null
            ? file.EnumerateObjects()
            : file.Get("/" + options.ObjectPath.Trim('/')) switch
            {
                Hdf5Dataset single => [single],
                Hdf5Group group => file.EnumerateObjects().Where(o => IsUnder(o.Path, group.Path)),
                _ => [],
            };
        foreach (Hdf5Dataset dataset in selected.OfType<Hdf5Dataset>())
        {
            if (glob is not null && !glob.IsMatch(dataset.Path) && !glob.IsMatch(dataset.Path.TrimStart('/')) && !glob.IsMatch(dataset.Name))
            {
                continue;
            }

            options.Progress?.Invoke(dataset.Path);
            objects.Add(DescribeDataset(dataset, options));
        }

        return new FileDescription(path, Format, objects);
    }

    /// <summary>Summarises one dataset over the selected rows.</summary>
    public static DatasetSummary DescribeDataset(Hdf5Dataset dataset, DescribeOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        Hdf5DataType type = dataset.DataType;
        if (dataset.DataspaceKind == Hdf5DataspaceKind.Null)
        {
            return new DatasetSummary(dataset.Path, type.Name, null, 0, null, null, null, []);
        }

        bool scalar = dataset.DataspaceKind == Hdf5DataspaceKind.Scalar;
        long stop = scalar ? 1 : Math.Min(options.EntryStop ?? dataset.RowCount, dataset.RowCount);
        long start = scalar ? 0 : Math.Min(options.EntryStart, stop);
        long rows = stop - start;
        long[] shape = scalar ? [] : [rows, .. dataset.Shape.Skip(1)];
        int first = options.FirstEntries;
        var firstValues = new List<object?>();
        var statistics = new ColumnStatistics();
        long count = 0;
        long rowsPerBlock = Math.Max(1, options.ChunkEntries / Math.Max(1, dataset.ElementsPerRow));
        (Hdf5ElementKind kind, _, _) = ValueReader.NumericShape(type);
        for (long row = start; row < stop; row += rowsPerBlock)
        {
            long block = Math.Min(rowsPerBlock, stop - row);
            if (type.IsString)
            {
                string[] strings = dataset.ReadStringRows(row, block);
                count += strings.Length;
                firstValues.AddRange(strings.Take(first - firstValues.Count).Cast<object?>());
            }
            else if (kind != Hdf5ElementKind.None)
            {
                Array values = ReadNative(dataset, kind, row, block);
                count += values.Length;
                statistics.Add(values);
                for (int i = 0; i < values.Length && firstValues.Count < first; i++)
                {
                    firstValues.Add(values.GetValue(i));
                }
            }
            else if (type.IsVariableLengthSequence && ValueReader.NumericShape(type.BaseType!).Kind is var baseKind && baseKind != Hdf5ElementKind.None)
            {
                Array values = ReadJaggedNative(dataset, baseKind, row, block);
                count += values.Length;
                statistics.Add(values);
                for (int i = 0; i < values.Length && firstValues.Count < first; i++)
                {
                    firstValues.Add(values.GetValue(i));
                }
            }
            else
            {
                // Compounds and other records: counted, and the first ones shown as name -> value objects.
                count += block * dataset.ElementsPerRow;
                if (firstValues.Count < first)
                {
                    long needed = Math.Min(block, (first - firstValues.Count + dataset.ElementsPerRow - 1) / Math.Max(1, dataset.ElementsPerRow));
                    firstValues.AddRange(dataset.ReadValueRows(row, Math.Max(1, needed)).Take(first - firstValues.Count));
                }
            }
        }

        bool numeric = statistics.Count > 0;
        return new DatasetSummary(dataset.Path, type.Name, shape, count,
            numeric ? statistics.Sum : null, numeric ? statistics.Min : null, numeric ? statistics.Max : null, firstValues);
    }

    private static bool IsUnder(string path, string group) =>
        group == "/" || path == group || path.StartsWith(group + "/", StringComparison.Ordinal);

    private static string ShapeText(Hdf5Dataset dataset) => dataset.DataspaceKind switch
    {
        Hdf5DataspaceKind.Null => "(null)",
        Hdf5DataspaceKind.Scalar => "()",
        _ => "(" + string.Join(", ", dataset.Shape.Select((d, i) => dataset.MaxShape[i] == Hdf5Dataset.Unlimited ? $"{d}/inf" : d.ToString(CultureInfo.InvariantCulture))) + ")",
    };

    private static string StorageText(Hdf5Dataset dataset)
    {
        string storage = dataset.Layout switch
        {
            Hdf5Layout.Chunked => $"chunked ({string.Join(", ", dataset.ChunkShape)})",
            var layout => layout.ToString().ToLowerInvariant(),
        };
        string filters = string.Join(", ", dataset.Filters.Select(f => f.Id == Hdf5Filter.Deflate && f.ClientData.Count > 0 ? $"gzip {f.ClientData[0]}" : f.Name));
        return filters.Length == 0 ? storage : $"{storage}, {filters}";
    }

    private static Array ReadNative(Hdf5Dataset dataset, Hdf5ElementKind kind, long row, long count) => kind switch
    {
        Hdf5ElementKind.Boolean => dataset.ReadRows<bool>(row, count),
        Hdf5ElementKind.Int8 => dataset.ReadRows<sbyte>(row, count),
        Hdf5ElementKind.UInt8 => dataset.ReadRows<byte>(row, count),
        Hdf5ElementKind.Int16 => dataset.ReadRows<short>(row, count),
        Hdf5ElementKind.UInt16 => dataset.ReadRows<ushort>(row, count),
        Hdf5ElementKind.Int32 => dataset.ReadRows<int>(row, count),
        Hdf5ElementKind.UInt32 => dataset.ReadRows<uint>(row, count),
        Hdf5ElementKind.Int64 => dataset.ReadRows<long>(row, count),
        Hdf5ElementKind.UInt64 => dataset.ReadRows<ulong>(row, count),
        Hdf5ElementKind.Float16 => dataset.ReadRows<float>(row, count),
        Hdf5ElementKind.Float32 => dataset.ReadRows<float>(row, count),
        _ => dataset.ReadRows<double>(row, count),
    };

    private static Array ReadJaggedNative(Hdf5Dataset dataset, Hdf5ElementKind kind, long row, long count) => kind switch
    {
        Hdf5ElementKind.Boolean => dataset.ReadJaggedRows<bool>(row, count).Values,
        Hdf5ElementKind.Int8 => dataset.ReadJaggedRows<sbyte>(row, count).Values,
        Hdf5ElementKind.UInt8 => dataset.ReadJaggedRows<byte>(row, count).Values,
        Hdf5ElementKind.Int16 => dataset.ReadJaggedRows<short>(row, count).Values,
        Hdf5ElementKind.UInt16 => dataset.ReadJaggedRows<ushort>(row, count).Values,
        Hdf5ElementKind.Int32 => dataset.ReadJaggedRows<int>(row, count).Values,
        Hdf5ElementKind.UInt32 => dataset.ReadJaggedRows<uint>(row, count).Values,
        Hdf5ElementKind.Int64 => dataset.ReadJaggedRows<long>(row, count).Values,
        Hdf5ElementKind.UInt64 => dataset.ReadJaggedRows<ulong>(row, count).Values,
        Hdf5ElementKind.Float16 or Hdf5ElementKind.Float32 => dataset.ReadJaggedRows<float>(row, count).Values,
        _ => dataset.ReadJaggedRows<double>(row, count).Values,
    };
}
