namespace HepMl.Io.Hdf5.Reading;

/// <summary>Raw stored bytes of a value array by rows of its first dimension (datasets and attributes alike).</summary>
internal interface IRawRows
{
    long RowCount { get; }

    long ElementsPerRow { get; }

    /// <summary>Fills <paramref name="destination"/> with rows [first, first + count) in stored byte order.</summary>
    void ReadRows(long firstRow, long rowCount, Span<byte> destination);
}
