namespace HepMl.Io.Hdf5;

/// <summary>
/// One block of rows from <see cref="Hdf5Dataset.EnumerateRowBlocks{T}(long)"/>: the first row's index, the row count
/// and the values (row-major, valid until the enumerator moves on: the buffer is reused).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct Hdf5RowBlock<T>
{
    internal Hdf5RowBlock(long firstRow, long rowCount, ReadOnlyMemory<T> values)
    {
        FirstRow = firstRow;
        RowCount = rowCount;
        Values = values;
    }

    /// <summary>Index of the first row of the block.</summary>
    public long FirstRow { get; }

    /// <summary>Number of rows in the block.</summary>
    public long RowCount { get; }

    /// <summary>The block's values, row-major.</summary>
    public ReadOnlyMemory<T> Values { get; }
}
