namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// The chunks of one chunked dataset, whatever index stores them, placed on the grid of chunk positions covering
/// the current extent. A position without a record was never written and reads as the fill value.
/// </summary>
internal sealed class ChunkIndex
{
    private readonly ChunkRecord?[] _records;
    private readonly long[] _gridStrides;

    private ChunkIndex(long[] grid, ChunkRecord?[] records)
    {
        Grid = grid;
        _records = records;
        _gridStrides = new long[grid.Length];
        long stride = 1;
        for (int d = grid.Length - 1; d >= 0; d--)
        {
            _gridStrides[d] = stride;
            stride *= grid[d];
        }
    }

    /// <summary>Number of chunk positions per dimension over the current extent.</summary>
    public long[] Grid { get; }

    /// <summary>Number of chunks stored (allocated).</summary>
    public int AllocatedCount { get; private init; }

    /// <summary>The record at chunk grid position <paramref name="position"/>, or null (fill value).</summary>
    public ChunkRecord? Get(ReadOnlySpan<long> position)
    {
        long linear = 0;
        for (int d = 0; d < position.Length; d++)
        {
            linear += position[d] * _gridStrides[d];
        }

        return _records[linear];
    }

    public static ChunkIndex Build(Hdf5Context context, DataLayout layout, Dataspace space, int elementSize, bool filtered, string objectPath)
    {
        int rank = space.Rank;
        int[] chunk = layout.ChunkDimensions;
        long[] grid = new long[rank];
        long positions = 1;
        for (int d = 0; d < rank; d++)
        {
            grid[d] = (space.Dimensions[d] + chunk[d] - 1) / chunk[d];
            positions = checked(positions * grid[d]);
        }

        if (positions > Array.MaxLength)
        {
            throw context.Error($"{positions} chunk positions are more than this reader can index", -1, objectPath);
        }

        var records = new ChunkRecord?[positions];
        int allocated = 0;
        long unfilteredSize = (long)elementSize;
        foreach (int c in chunk)
        {
            unfilteredSize *= c;
        }

        void Place(ChunkRecord record)
        {
            long linear = 0;
            long stride = 1;
            for (int d = rank - 1; d >= 0; d--)
            {
                long offset = record.Offset[d];
                if (offset < 0 || offset % chunk[d] != 0)
                {
                    throw context.Error($"chunk offset [{string.Join(",", record.Offset)}] is not a multiple of the chunk shape [{string.Join(",", chunk)}]",
                        context.FileOffset(record.Address), objectPath);
                }

                long position = offset / chunk[d];
                if (position >= grid[d])
                {
                    return; // beyond the current extent (dataset shrunk): libhdf5 ignores it
                }

                linear += position * stride;
                stride *= grid[d];
            }

            if (records[linear] is not null)
            {
                throw context.Error($"two chunks claim offset [{string.Join(",", record.Offset)}]", context.FileOffset(record.Address), objectPath);
            }

            records[linear] = record;
            allocated++;
        }

        if (layout.Address != Hdf5Context.UndefinedAddress && positions > 0)
        {
            switch (layout.ChunkIndex)
            {
                case Hdf5ChunkIndexKind.BTreeV1:
                    foreach (ChunkRecord record in BTreeV1.ReadChunks(context, layout.Address, rank, objectPath))
                    {
                        Place(record);
                    }

                    break;

                case Hdf5ChunkIndexKind.SingleChunk:
                    Place(new ChunkRecord(new long[rank], layout.Address,
                        filtered && layout.SingleChunkFilteredSize >= 0 ? layout.SingleChunkFilteredSize : unfilteredSize,
                        layout.SingleChunkFilterMask));
                    break;

                case Hdf5ChunkIndexKind.Implicit:
                {
                    long[] maxGrid = MaxGrid(space, chunk);
                    long total = 1;
                    foreach (long g in maxGrid)
                    {
                        total = checked(total * g);
                    }

                    for (long i = 0; i < total; i++)
                    {
                        Place(new ChunkRecord(Unlinearize(i, maxGrid, chunk, -1), layout.Address + (i * unfilteredSize), unfilteredSize, 0));
                    }

                    break;
                }

                case Hdf5ChunkIndexKind.FixedArray:
                {
                    long[] maxGrid = MaxGrid(space, chunk);
                    foreach (ChunkElement element in FixedArrayIndex.Read(context, layout.Address, unfilteredSize, objectPath))
                    {
                        Place(new ChunkRecord(Unlinearize(element.Index, maxGrid, chunk, -1), element.Address, element.Size, element.FilterMask));
                    }

                    break;
                }

                case Hdf5ChunkIndexKind.ExtensibleArray:
                {
                    int unlimited = Array.IndexOf(space.MaxDimensions, Dataspace.Unlimited);
                    if (unlimited < 0)
                    {
                        throw context.Error("an extensible array chunk index on a dataset without an unlimited dimension", -1, objectPath);
                    }

                    long[] maxGrid = MaxGrid(space, chunk);
                    foreach (ChunkElement element in ExtensibleArrayIndex.Read(context, layout.Address, unfilteredSize, objectPath))
                    {
                        Place(new ChunkRecord(Unlinearize(element.Index, maxGrid, chunk, unlimited), element.Address, element.Size, element.FilterMask));
                    }

                    break;
                }

                case Hdf5ChunkIndexKind.BTreeV2:
                    foreach (ChunkRecord record in ReadBTreeV2(context, layout, rank, filtered, unfilteredSize, objectPath))
                    {
                        Place(record);
                    }

                    break;

                default:
                    throw new UnsupportedFormatException($"chunk index {layout.ChunkIndex}", context.FilePath, -1, objectPath);
            }
        }

        return new ChunkIndex(grid, records) { AllocatedCount = allocated };
    }

    /// <summary>Chunk positions per dimension over the maximum extent (unlimited dimensions: 1, unused).</summary>
    private static long[] MaxGrid(Dataspace space, int[] chunk)
    {
        long[] grid = new long[space.Rank];
        for (int d = 0; d < grid.Length; d++)
        {
            long max = space.MaxDimensions[d];
            grid[d] = max == Dataspace.Unlimited ? 1 : (max + chunk[d] - 1) / chunk[d];
        }

        return grid;
    }

    /// <summary>
    /// Chunk element offsets of linear index <paramref name="index"/> in row-major order over
    /// <paramref name="maxGrid"/>; with an unlimited dimension, that dimension is moved first (libhdf5
    /// H5VM_swizzle_coords) before linearising, as the extensible array index does.
    /// </summary>
    private static long[] Unlinearize(long index, long[] maxGrid, int[] chunk, int unlimited)
    {
        int rank = maxGrid.Length;
        int[] order = new int[rank];
        if (unlimited <= 0)
        {
            for (int d = 0; d < rank; d++)
            {
                order[d] = d;
            }
        }
        else
        {
            order[0] = unlimited;
            for (int d = 0, k = 1; d < rank; d++)
            {
                if (d != unlimited)
                {
                    order[k++] = d;
                }
            }
        }

        long[] offset = new long[rank];
        for (int k = rank - 1; k >= 1; k--)
        {
            int d = order[k];
            offset[d] = index % maxGrid[d] * chunk[d];
            index /= maxGrid[d];
        }

        offset[order[0]] = index * chunk[order[0]];
        return offset;
    }

    private static IEnumerable<ChunkRecord> ReadBTreeV2(Hdf5Context context, DataLayout layout, int rank, bool filtered, long unfilteredSize, string objectPath)
    {
        BTreeV2 tree = BTreeV2.Read(context, layout.Address, objectPath);
        int expected = filtered ? 11 : 10;
        if (tree.Type != expected)
        {
            throw context.Error($"chunk v2 B-tree has record type {tree.Type}; a {(filtered ? "filtered" : "unfiltered")} dataset needs {expected}",
                context.FileOffset(layout.Address), objectPath);
        }

        int sizeBytes = tree.RecordSize - context.SizeOfOffsets - (8 * rank) - 4;
        if (filtered && sizeBytes is < 1 or > 8)
        {
            throw context.Error($"chunk v2 B-tree records of {tree.RecordSize} bytes leave {sizeBytes} bytes for the chunk size", context.FileOffset(layout.Address), objectPath);
        }

        var records = new List<ChunkRecord>();
        foreach (BTreeV2.Record raw in tree.Records())
        {
            var cursor = new Hdf5Cursor(raw.Bytes.Span, context, raw.FileOffset, objectPath, "v2 B-tree chunk record");
            long address = cursor.ReadAddress();
            long size = unfilteredSize;
            uint mask = 0;
            if (filtered)
            {
                size = (long)cursor.ReadUnsigned(sizeBytes);
                mask = cursor.ReadUInt32();
            }

            long[] offset = new long[rank];
            for (int d = 0; d < rank; d++)
            {
                offset[d] = (long)cursor.ReadUInt64() * layout.ChunkDimensions[d];
            }

            records.Add(new ChunkRecord(offset, address, size, mask));
        }

        return records;
    }
}
