namespace HepMl.Io.Hdf5.Reading;

/// <summary>Raw rows held in memory (attribute values).</summary>
internal sealed class MemoryRows : IRawRows
{
    private readonly byte[] _data;
    private readonly long _rowBytes;

    public MemoryRows(byte[] data, Dataspace space, int elementSize)
    {
        _data = data;
        RowCount = space.Kind switch
        {
            Hdf5DataspaceKind.Null => 0,
            Hdf5DataspaceKind.Scalar => 1,
            _ => space.Dimensions[0],
        };
        long perRow = 1;
        for (int d = 1; d < space.Rank; d++)
        {
            perRow *= space.Dimensions[d];
        }

        ElementsPerRow = perRow;
        _rowBytes = perRow * elementSize;
    }

    public long RowCount { get; }

    public long ElementsPerRow { get; }

    public void ReadRows(long firstRow, long rowCount, Span<byte> destination) =>
        _data.AsSpan(checked((int)(firstRow * _rowBytes)), checked((int)(rowCount * _rowBytes))).CopyTo(destination);
}
