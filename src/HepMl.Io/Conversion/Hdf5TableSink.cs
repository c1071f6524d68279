using HepMl.Io.Hdf5;

namespace HepMl.Io.Conversion;

/// <summary>
/// Writes a table as an HDF5 group: one chunked dataset per column ([N] flat, [N, shape...] fixed, variable-length
/// sequences for jagged columns, marked with <see cref="Hdf5TableSource.CounterAttribute"/> when they came from a ROOT
/// counter-leaf array so that the way back restores it).
/// </summary>
public sealed class Hdf5TableSink : ITableSink
{
    private readonly Hdf5FileWriter _file;
    private readonly Dictionary<string, Hdf5DatasetWriter> _datasets = new(StringComparer.Ordinal);

    /// <summary>Creates <paramref name="path"/> with group <paramref name="groupName"/> (null: the root group).</summary>
    public Hdf5TableSink(string path, string? groupName, IReadOnlyList<TableColumn> columns, int deflateLevel)
    {
        _file = Hdf5FileWriter.Create(path);
        try
        {
            Hdf5GroupWriter group = string.IsNullOrEmpty(groupName) ? _file.Root : _file.Root.CreateGroup(groupName);
            var options = new Hdf5DatasetOptions { Chunked = true, CompressionLevel = deflateLevel, Shuffle = deflateLevel > 0 };
            foreach (TableColumn column in columns)
            {
                string name = column.Name.Replace('/', '.');
                Hdf5DatasetWriter dataset = column.Kind == TableColumnKind.Jagged
                    ? CreateJagged(group, name, column.ElementType, options)
                    : Create(group, name, column.ElementType, column.Shape.Select(d => (long)d).ToArray(), options);
                if (column.Counter is not null)
                {
                    dataset.SetAttribute(Hdf5TableSource.CounterAttribute, column.Counter);
                }

                _datasets[column.Name] = dataset;
            }
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Write(TableBlock block)
    {
        foreach ((string name, (Array values, int[]? offsets)) in block.Columns)
        {
            Hdf5DatasetWriter dataset = _datasets[name];
            // Dispatch on the exact element type: the runtime lets a byte[] pass as sbyte[] (and uint[] as int[]...).
            Type element = values.GetType().GetElementType()!;
            if (element == typeof(bool)) Append(dataset, (bool[])values, offsets);
            else if (element == typeof(sbyte)) Append(dataset, (sbyte[])values, offsets);
            else if (element == typeof(byte)) Append(dataset, (byte[])values, offsets);
            else if (element == typeof(short)) Append(dataset, (short[])values, offsets);
            else if (element == typeof(ushort)) Append(dataset, (ushort[])values, offsets);
            else if (element == typeof(int)) Append(dataset, (int[])values, offsets);
            else if (element == typeof(uint)) Append(dataset, (uint[])values, offsets);
            else if (element == typeof(long)) Append(dataset, (long[])values, offsets);
            else if (element == typeof(ulong)) Append(dataset, (ulong[])values, offsets);
            else if (element == typeof(float)) Append(dataset, (float[])values, offsets);
            else if (element == typeof(double)) Append(dataset, (double[])values, offsets);
            else throw new ArgumentException($"column '{name}': {values.GetType().Name} cannot be written to HDF5");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private static void Append<T>(Hdf5DatasetWriter dataset, T[] values, int[]? offsets)
        where T : unmanaged
    {
        if (offsets is null)
        {
            dataset.AppendRows<T>(values);
        }
        else
        {
            dataset.AppendJagged<T>(values, offsets);
        }
    }

    private static Hdf5DatasetWriter Create(Hdf5GroupWriter group, string name, Type type, long[] rowShape, Hdf5DatasetOptions options) =>
        type == typeof(bool) ? group.CreateDataset<bool>(name, rowShape, options)
        : type == typeof(sbyte) ? group.CreateDataset<sbyte>(name, rowShape, options)
        : type == typeof(byte) ? group.CreateDataset<byte>(name, rowShape, options)
        : type == typeof(short) ? group.CreateDataset<short>(name, rowShape, options)
        : type == typeof(ushort) ? group.CreateDataset<ushort>(name, rowShape, options)
        : type == typeof(int) ? group.CreateDataset<int>(name, rowShape, options)
        : type == typeof(uint) ? group.CreateDataset<uint>(name, rowShape, options)
        : type == typeof(long) ? group.CreateDataset<long>(name, rowShape, options)
        : type == typeof(ulong) ? group.CreateDataset<ulong>(name, rowShape, options)
        : type == typeof(float) ? group.CreateDataset<float>(name, rowShape, options)
        : group.CreateDataset<double>(name, rowShape, options);

    private static Hdf5DatasetWriter CreateJagged(Hdf5GroupWriter group, string name, Type type, Hdf5DatasetOptions options) =>
        type == typeof(bool) ? group.CreateJaggedDataset<bool>(name, options)
        : type == typeof(sbyte) ? group.CreateJaggedDataset<sbyte>(name, options)
        : type == typeof(byte) ? group.CreateJaggedDataset<byte>(name, options)
        : type == typeof(short) ? group.CreateJaggedDataset<short>(name, options)
        : type == typeof(ushort) ? group.CreateJaggedDataset<ushort>(name, options)
        : type == typeof(int) ? group.CreateJaggedDataset<int>(name, options)
        : type == typeof(uint) ? group.CreateJaggedDataset<uint>(name, options)
        : type == typeof(long) ? group.CreateJaggedDataset<long>(name, options)
        : type == typeof(ulong) ? group.CreateJaggedDataset<ulong>(name, options)
        : type == typeof(float) ? group.CreateJaggedDataset<float>(name, options)
        : group.CreateJaggedDataset<double>(name, options);
}
