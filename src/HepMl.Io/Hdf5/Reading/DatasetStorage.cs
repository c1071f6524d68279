using System.Buffers;
using HepMl.Io.Hdf5.Filters;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Reads the raw bytes (stored byte order, C order) of a row range of one dataset, whatever its layout:
/// compact bytes in the header, one contiguous block, or chunks decoded in parallel and copied into place, with
/// the fill value where no chunk (or no block) was ever written.
/// </summary>
internal sealed class DatasetStorage : IRawRows
{
    private readonly Hdf5Context _context;
    private readonly string _objectPath;
    private readonly Dataspace _space;
    private readonly int _elementSize;
    private readonly DataLayout _layout;
    private readonly FilterPipeline _pipeline;
    private readonly FillValue _fill;
    private readonly Lazy<ChunkIndex> _chunks;

    public DatasetStorage(Hdf5Context context, string objectPath, Dataspace space, int elementSize, DataLayout layout, FilterPipeline pipeline, FillValue fill)
    {
        _context = context;
        _objectPath = objectPath;
        _space = space;
        _elementSize = elementSize;
        _layout = layout;
        _pipeline = pipeline;
        _fill = fill;
        _chunks = new Lazy<ChunkIndex>(() => ChunkIndex.Build(context, layout, space, elementSize, !pipeline.IsEmpty, objectPath), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Rows along the first dimension (1 for a scalar, 0 for a null dataspace).</summary>
    public long RowCount => _space.Kind switch
    {
        Hdf5DataspaceKind.Null => 0,
        Hdf5DataspaceKind.Scalar => 1,
        _ => _space.Dimensions[0],
    };

    /// <summary>Elements per row (product of the dimensions after the first).</summary>
    public long ElementsPerRow
    {
        get
        {
            long count = 1;
            for (int d = 1; d < _space.Rank; d++)
            {
                count *= _space.Dimensions[d];
            }

            return count;
        }
    }

    public ChunkIndex Chunks => _chunks.Value;

    /// <summary>Fills <paramref name="destination"/> with rows [<paramref name="firstRow"/>, +<paramref name="rowCount"/>) as stored.</summary>
    public void ReadRows(long firstRow, long rowCount, Span<byte> destination)
    {
        long rowBytes = ElementsPerRow * _elementSize;
        if (firstRow < 0 || rowCount < 0 || firstRow > RowCount - rowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRow), $"rows {firstRow}..{firstRow + rowCount} are outside the {RowCount} rows of {_objectPath}");
        }

        if (destination.Length != rowBytes * rowCount)
        {
            throw new ArgumentException($"the destination holds {destination.Length} bytes; {rowCount} rows need {rowBytes * rowCount}", nameof(destination));
        }

        if (rowCount == 0 || rowBytes == 0)
        {
            return;
        }

        switch (_layout.Layout)
        {
            case Hdf5Layout.Compact:
            {
                long needed = RowCount * rowBytes;
                if (_layout.CompactData.Length < needed)
                {
                    throw _context.Error($"compact data hold {_layout.CompactData.Length} bytes; the dataspace needs {needed}", -1, _objectPath);
                }

                _layout.CompactData.AsSpan(checked((int)(firstRow * rowBytes)), destination.Length).CopyTo(destination);
                return;
            }

            case Hdf5Layout.Contiguous:
                if (_layout.Address == Hdf5Context.UndefinedAddress)
                {
                    Fill(destination);
                    return;
                }

                if (_layout.ContiguousSize < RowCount * rowBytes)
                {
                    throw _context.Error($"contiguous storage of {_layout.ContiguousSize} bytes is smaller than the {RowCount * rowBytes} bytes of the dataspace",
                        _context.FileOffset(_layout.Address), _objectPath);
                }

                _context.ReadRaw(_layout.Address + (firstRow * rowBytes), destination, _objectPath, "contiguous data");
                return;

            case Hdf5Layout.Chunked:
                ReadChunkedRows(firstRow, rowCount, destination);
                return;

            default:
                throw new UnsupportedFormatException($"{_layout.Layout} layout is not readable", _context.FilePath, -1, _objectPath);
        }
    }

    private void Fill(Span<byte> destination)
    {
        byte[]? value = _fill.Bytes;
        if (value is null || !value.AsSpan().ContainsAnyExcept((byte)0))
        {
            destination.Clear();
            return;
        }

        if (value.Length != _elementSize)
        {
            throw _context.Error($"the fill value has {value.Length} bytes; elements have {_elementSize}", -1, _objectPath);
        }

        for (int i = 0; i + _elementSize <= destination.Length; i += _elementSize)
        {
            value.CopyTo(destination[i..]);
        }
    }

    private unsafe void ReadChunkedRows(long firstRow, long rowCount, Span<byte> destination)
    {
        if (_pipeline.FirstUnsupported() is Hdf5Filter unsupported)
        {
            throw new UnsupportedFormatException(
                $"filter {unsupported.Id} ({unsupported.Name}) is not supported (supported: deflate, shuffle, fletcher32, lzf)",
                _context.FilePath, -1, _objectPath);
        }

        if (_layout.ChunkElementSize != _elementSize)
        {
            throw _context.Error($"the layout's chunk element size is {_layout.ChunkElementSize} bytes; the datatype has {_elementSize}", -1, _objectPath);
        }

        ChunkIndex index = _chunks.Value;
        int rank = Math.Max(_space.Rank, 1);
        long[] dims = _space.Rank == 0 ? [1] : _space.Dimensions;
        int[] chunk = _space.Rank == 0 ? [1] : _layout.ChunkDimensions;
        long[] grid = index.Grid.Length == 0 ? [1] : index.Grid;

        // Every chunk position intersecting the rows, row band by row band.
        long firstBand = firstRow / chunk[0];
        long lastBand = (firstRow + rowCount - 1) / chunk[0];
        long perBand = 1;
        for (int d = 1; d < rank; d++)
        {
            perBand *= grid[d];
        }

        long total = (lastBand - firstBand + 1) * perBand;
        var positions = new long[total][];
        for (long k = 0; k < total; k++)
        {
            long[] position = new long[rank];
            long rest = k % perBand;
            for (int d = rank - 1; d >= 1; d--)
            {
                position[d] = rest % grid[d];
                rest /= grid[d];
            }

            position[0] = firstBand + (k / perBand);
            positions[k] = position;
        }

        long chunkElements = 1;
        foreach (int c in chunk)
        {
            chunkElements *= c;
        }

        int chunkBytes = checked((int)(chunkElements * _elementSize));
        fixed (byte* pointer = destination)
        {
            nint target = (nint)pointer;
            int length = destination.Length;
            int parallelism = Math.Min(_context.MaxDegreeOfParallelism, (int)Math.Min(total, int.MaxValue));
            if (parallelism > 1 && total > 1 && (long)chunkBytes * total > 1 << 16)
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
                Parallel.ForEach(
                    System.Collections.Concurrent.Partitioner.Create(0, total, Math.Max(1, total / (parallelism * 4))),
                    options,
                    range =>
                    {
                        byte[] buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
                        try
                        {
                            var span = new Span<byte>((void*)target, length);
                            for (long k = range.Item1; k < range.Item2; k++)
                            {
                                CopyChunk(index, positions[k], dims, chunk, firstRow, rowCount, buffer.AsSpan(0, chunkBytes), span);
                            }
                        }
                        finally
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                        }
                    });
            }
            else
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
                try
                {
                    var span = new Span<byte>((void*)target, length);
                    foreach (long[] position in positions)
                    {
                        CopyChunk(index, position, dims, chunk, firstRow, rowCount, buffer.AsSpan(0, chunkBytes), span);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }

    /// <summary>Decodes the chunk at <paramref name="position"/> (or takes the fill value) and copies its part of the rows.</summary>
    private void CopyChunk(ChunkIndex index, long[] position, long[] dims, int[] chunk, long firstRow, long rowCount, Span<byte> buffer, Span<byte> destination)
    {
        int rank = dims.Length;
        Span<long> start = stackalloc long[rank];   // first element of the intersection, dataset coordinates
        Span<long> extent = stackalloc long[rank];  // intersection size
        bool partial = false;
        for (int d = 0; d < rank; d++)
        {
            long origin = position[d] * chunk[d];
            long end = Math.Min(origin + chunk[d], dims[d]);
            partial |= origin + chunk[d] > dims[d];
            long low = origin;
            if (d == 0)
            {
                low = Math.Max(origin, firstRow);
                end = Math.Min(end, firstRow + rowCount);
            }

            start[d] = low;
            extent[d] = end - low;
            if (extent[d] <= 0)
            {
                return;
            }
        }

        ChunkRecord? record = index.Get(position);

        // A chunk spanning whole rows, all inside the selection, lands contiguously in the destination: decode in place.
        bool wholeRows = extent[0] == chunk[0];
        for (int d = 1; d < rank && wholeRows; d++)
        {
            wholeRows = chunk[d] == dims[d];
        }

        if (wholeRows)
        {
            long rowBytes = buffer.Length / chunk[0];
            Span<byte> target = destination.Slice(checked((int)((start[0] - firstRow) * rowBytes)), buffer.Length);
            if (record is null)
            {
                Fill(target);
            }
            else
            {
                DecodeChunk(record, target, partial);
            }

            return;
        }

        if (record is null)
        {
            Fill(buffer);
        }
        else
        {
            DecodeChunk(record, buffer, partial);
        }

        // Strides in bytes: the chunk buffer is chunk-shaped, the destination spans the selected rows.
        Span<long> sourceStride = stackalloc long[rank];
        Span<long> targetStride = stackalloc long[rank];
        long s = _elementSize;
        long t = _elementSize;
        for (int d = rank - 1; d >= 0; d--)
        {
            sourceStride[d] = s;
            targetStride[d] = t;
            s *= chunk[d];
            t *= d == 0 ? rowCount : dims[d];
        }

        long sourceBase = 0;
        long targetBase = 0;
        for (int d = 0; d < rank; d++)
        {
            sourceBase += (start[d] - (position[d] * chunk[d])) * sourceStride[d];
            targetBase += (start[d] - (d == 0 ? firstRow : 0)) * targetStride[d];
        }

        int run = checked((int)(extent[rank - 1] * _elementSize));
        Span<long> counter = stackalloc long[rank];
        while (true)
        {
            long sourceAt = sourceBase;
            long targetAt = targetBase;
            for (int d = 0; d < rank - 1; d++)
            {
                sourceAt += counter[d] * sourceStride[d];
                targetAt += counter[d] * targetStride[d];
            }

            buffer.Slice((int)sourceAt, run).CopyTo(destination.Slice(checked((int)targetAt), run));
            int k = rank - 2;
            while (k >= 0)
            {
                if (++counter[k] < extent[k])
                {
                    break;
                }

                counter[k] = 0;
                k--;
            }

            if (k < 0)
            {
                break;
            }
        }
    }

    private void DecodeChunk(ChunkRecord record, Span<byte> buffer, bool partialEdge)
    {
        var site = new ChunkSite(_context, _objectPath, _context.FileOffset(record.Address), record.Offset);
        if (record.Size <= 0 || record.Size > int.MaxValue)
        {
            throw site.Error($"stored size of {record.Size} bytes");
        }

        byte[] stored = ArrayPool<byte>.Shared.Rent((int)record.Size);
        try
        {
            Span<byte> bytes = stored.AsSpan(0, (int)record.Size);
            _context.ReadRaw(record.Address, bytes, _objectPath, "chunk");
            if (_pipeline.IsEmpty || (partialEdge && _layout.DontFilterPartialEdgeChunks))
            {
                if (bytes.Length != buffer.Length)
                {
                    throw site.Error($"unfiltered chunk stored in {bytes.Length} bytes; the chunk needs {buffer.Length}");
                }

                bytes.CopyTo(buffer);
            }
            else
            {
                _pipeline.Decode(bytes, buffer, record.FilterMask, site);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }
    }
}
