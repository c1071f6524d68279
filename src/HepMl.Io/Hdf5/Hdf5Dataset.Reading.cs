namespace HepMl.Io.Hdf5;

/// <summary>Typed reads of a dataset's values.</summary>
public sealed partial class Hdf5Dataset
{
    /// <summary>All values as numbers of type <typeparamref name="T"/>, flattened in C order (array types flattened too).</summary>
    /// <remarks>
    /// <typeparamref name="T"/> is the stored type (<c>float</c> for float32, <see cref="Half"/> for float16, <c>bool</c>
    /// for h5py booleans, the base integer for enums), or a lossless widening: any number to <c>double</c>,
    /// integers up to 32 bits to <c>long</c>, float16 and small integers to <c>float</c>, bool to <c>byte</c>.
    /// h5py: <c>dataset[()]</c>.
    /// </remarks>
    /// <exception cref="InvalidCastException">The values are not numbers, or not convertible without loss.</exception>
    /// <exception cref="HepMlFormatException">Stored data are corrupt (checksum, decompression, truncation).</exception>
    public T[] Read<T>()
        where T : unmanaged => ReadRows<T>(0, RowCount);

    /// <summary>All values into <paramref name="destination"/> (its length must be the value count).</summary>
    public void Read<T>(Span<T> destination)
        where T : unmanaged => ReadRows(0, RowCount, destination);

    /// <summary>Rows [<paramref name="firstRow"/>, +<paramref name="rowCount"/>) of the first dimension, flattened (h5py: <c>dataset[a:b]</c>).</summary>
    public T[] ReadRows<T>(long firstRow, long rowCount)
        where T : unmanaged
    {
        _reader.CheckRows(firstRow, rowCount);
        (_, int perElement, _) = Reading.ValueReader.NumericShape(DataType);
        long count = rowCount * ElementsPerRow * perElement;
        if (count > Array.MaxLength)
        {
            throw new InvalidOperationException($"{count} values of {Path} do not fit one array; read fewer rows or use EnumerateRowBlocks");
        }

        T[] values = new T[count];
        _reader.ReadNumbers<T>(firstRow, rowCount, values);
        return values;
    }

    /// <summary>Rows [<paramref name="firstRow"/>, +<paramref name="rowCount"/>) into <paramref name="destination"/>; nothing else is read.</summary>
    public void ReadRows<T>(long firstRow, long rowCount, Span<T> destination)
        where T : unmanaged => _reader.ReadNumbers(firstRow, rowCount, destination);

    /// <summary>
    /// Streams the dataset in blocks of about <paramref name="rowsPerBlock"/> rows (rounded to whole chunks along the
    /// first dimension so each chunk is decoded once). One buffer is reused: memory stays bounded by the block size.
    /// </summary>
    public IEnumerable<Hdf5RowBlock<T>> EnumerateRowBlocks<T>(long rowsPerBlock)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerBlock, 1);
        long block = rowsPerBlock;
        if (Layout == Hdf5Layout.Chunked && ChunkShape.Count > 0)
        {
            long chunkRows = ChunkShape[0];
            block = Math.Max(chunkRows, rowsPerBlock / chunkRows * chunkRows);
        }

        return Enumerate(block);

        IEnumerable<Hdf5RowBlock<T>> Enumerate(long rows)
        {
            (_, int perElement, _) = Reading.ValueReader.NumericShape(DataType);
            long valuesPerRow = ElementsPerRow * perElement;
            T[] buffer = new T[Math.Min(rows, Math.Max(RowCount, 1)) * valuesPerRow];
            for (long first = 0; first < RowCount; first += rows)
            {
                long count = Math.Min(rows, RowCount - first);
                var values = new Memory<T>(buffer, 0, (int)(count * valuesPerRow));
                _reader.ReadNumbers(first, count, values.Span);
                yield return new Hdf5RowBlock<T>(first, count, values);
            }
        }
    }

    /// <summary>All values as strings (fixed- or variable-length strings; padding removed as libhdf5 does).</summary>
    /// <exception cref="InvalidCastException">The values are not strings.</exception>
    public string[] ReadStrings() => _reader.ReadStrings(0, RowCount);

    /// <summary>Rows of a string dataset.</summary>
    public string[] ReadStringRows(long firstRow, long rowCount) => _reader.ReadStrings(firstRow, rowCount);

    /// <summary>A variable-length sequence dataset as a jagged array (h5py: <c>h5py.vlen_dtype</c>).</summary>
    public Hdf5Jagged<T> ReadJagged<T>()
        where T : unmanaged => _reader.ReadJagged<T>(0, RowCount);

    /// <summary>Rows of a variable-length sequence dataset.</summary>
    public Hdf5Jagged<T> ReadJaggedRows<T>(long firstRow, long rowCount)
        where T : unmanaged => _reader.ReadJagged<T>(firstRow, rowCount);

    /// <summary>One member of a compound dataset (nested members by successive names), array members flattened (h5py: <c>dataset['px']</c>).</summary>
    public T[] ReadMember<T>(params string[] memberPath)
        where T : unmanaged => _reader.ReadMember<T>(memberPath, 0, RowCount);

    /// <summary>One string member of a compound dataset.</summary>
    public string[] ReadMemberStrings(params string[] memberPath) => _reader.ReadMemberStrings(memberPath, 0, RowCount);

    /// <summary>The stored bytes (stored byte order, C order) of rows [<paramref name="firstRow"/>, +<paramref name="rowCount"/>).</summary>
    public byte[] ReadRawRows(long firstRow, long rowCount) => _reader.ReadRawRows(firstRow, rowCount);

    /// <summary>The elements of rows [<paramref name="firstRow"/>, +<paramref name="rowCount"/>) decoded like <see cref="ReadValue"/>, flattened.</summary>
    public object?[] ReadValueRows(long firstRow, long rowCount) => _reader.ReadObjectRows(firstRow, rowCount);

    /// <summary>All values decoded into .NET objects, like <see cref="Hdf5Attribute.ReadValue"/> (meant for small datasets).</summary>
    public object? ReadValue() => _reader.ReadObjects();
}
