using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using HepMl.Io.Hdf5.Filters;
using HepMl.Io.Hdf5.Reading;
using HepMl.Io.Hdf5.Writing;

namespace HepMl.Io.Hdf5;

/// <summary>
/// A dataset being written: contiguous (written in one call) or chunked, rows appended in blocks; each full band of
/// chunk rows is split into chunks, shuffled and deflated in parallel, and written in order. Memory stays bounded
/// by one band per compression thread.
/// </summary>
public sealed class Hdf5DatasetWriter : Hdf5ObjectWriter
{
    private readonly Hdf5DataspaceKind _kind;
    private readonly long[] _rowShape;
    private readonly long _rowElements;
    private readonly int _elementSize;
    private readonly Hdf5DatasetOptions _options;
    private readonly bool _fixedRows;
    private readonly long _plannedRows;
    private readonly int[] _chunk = [];
    private readonly List<Hdf5Filter> _filters = [];
    private readonly List<WrittenChunk> _chunks = [];
    private readonly List<byte[]> _bands = [];
    private readonly long _bandBytes;
    private byte[]? _band;
    private long _bandFill;
    private long _address = MetadataBuffer.UndefinedAddress;
    private bool _completed;

    internal Hdf5DatasetWriter(Hdf5FileWriter file, string path, Hdf5DataType type, long[] dimensions, Hdf5DatasetOptions options, bool fixedRows)
        : base(file, path)
    {
        DataType = type;
        _elementSize = type.Size;
        _options = options;
        _fixedRows = fixedRows;
        _kind = dimensions.Length == 0 ? Hdf5DataspaceKind.Scalar : Hdf5DataspaceKind.Simple;
        _plannedRows = dimensions.Length == 0 ? 1 : dimensions[0];
        _rowShape = dimensions.Length == 0 ? [] : dimensions[1..];
        _rowElements = 1;
        foreach (long d in _rowShape)
        {
            _rowElements *= d;
        }

        if (options.Chunked)
        {
            if (_kind == Hdf5DataspaceKind.Scalar)
            {
                throw new ArgumentException($"{path}: a scalar dataset cannot be chunked");
            }

            _chunk = ChooseChunk(dimensions, options, fixedRows);
            _bandBytes = _chunk[0] * _rowElements * _elementSize;
            if (options.Shuffle && _elementSize > 1)
            {
                _filters.Add(new Hdf5Filter(Hdf5Filter.Shuffle, "shuffle", 1, [(uint)_elementSize]));
            }

            if (options.CompressionLevel is < 0 or > 9)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.CompressionLevel, "deflate levels are 0 (none) to 9");
            }

            if (options.CompressionLevel > 0)
            {
                _filters.Add(new Hdf5Filter(Hdf5Filter.Deflate, "deflate", 1, [(uint)options.CompressionLevel]));
            }
        }
        else if (options.CompressionLevel > 0 || options.Shuffle)
        {
            throw new ArgumentException($"{path}: compression and shuffle need a chunked dataset (Hdf5DatasetOptions.Chunked)");
        }

        file.Register(this);
    }

    /// <summary>The stored datatype.</summary>
    public Hdf5DataType DataType { get; }

    /// <summary>Rows written so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>The shape of one row (the dimensions after the first).</summary>
    public IReadOnlyList<long> RowShape => _rowShape;

    /// <summary>The chunk shape (empty for contiguous datasets).</summary>
    public IReadOnlyList<int> ChunkShape => _chunk;

    /// <summary>Appends whole rows (row-major; the length must be a multiple of the row size).</summary>
    /// <exception cref="ArgumentException">Wrong element type or a partial row.</exception>
    public void AppendRows<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        Hdf5DataType given = Hdf5TypeMap.For<T>();
        if (given.Class != DataType.Class || given.Size != DataType.Size || given.IsSigned != DataType.IsSigned)
        {
            throw new ArgumentException($"{Path} stores {DataType.Name}; {typeof(T).Name} values cannot be appended", nameof(values));
        }

        if (_rowElements == 0 ? values.Length != 0 : values.Length % _rowElements != 0)
        {
            throw new ArgumentException($"{values.Length} values are not whole rows of {_rowElements} elements for {Path}", nameof(values));
        }

        AppendRaw(MemoryMarshal.AsBytes(values), _rowElements == 0 ? 0 : values.Length / _rowElements);
    }

    /// <summary>Appends variable-length rows: row <c>i</c> holds <c>values[offsets[i]..offsets[i + 1]]</c> (<c>offsets[0] = 0</c>).</summary>
    public void AppendJagged<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> offsets)
        where T : unmanaged
    {
        if (!DataType.IsVariableLengthSequence)
        {
            throw new InvalidOperationException($"{Path} stores {DataType.Name}, not variable-length sequences");
        }

        Hdf5DataType given = Hdf5TypeMap.For<T>();
        Hdf5DataType baseType = DataType.BaseType!;
        if (given.Class != baseType.Class || given.Size != baseType.Size || given.IsSigned != baseType.IsSigned)
        {
            throw new ArgumentException($"{Path} stores {DataType.Name}; {typeof(T).Name} values cannot be appended", nameof(values));
        }

        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != values.Length)
        {
            throw new ArgumentException($"{Path}: offsets must start at 0 and end at the {values.Length} values", nameof(offsets));
        }

        int rows = offsets.Length - 1;
        var objects = new (byte[] Bytes, int Length)[rows];
        for (int i = 0; i < rows; i++)
        {
            int count = offsets[i + 1] - offsets[i];
            if (count < 0)
            {
                throw new ArgumentException($"{Path}: offsets decrease at row {i}", nameof(offsets));
            }

            objects[i] = (MemoryMarshal.AsBytes(values.Slice(offsets[i], count)).ToArray(), count);
        }

        byte[] references = GlobalHeapWriter.WriteObjects(objects, bytes => File.Append(bytes));
        AppendRaw(references, rows);
    }

    internal void AppendRaw(ReadOnlySpan<byte> raw, long rows)
    {
        File.ThrowIfClosed();
        if (_completed)
        {
            throw new InvalidOperationException($"{Path} is complete; no more rows can be appended");
        }

        if (_fixedRows && RowCount + rows > _plannedRows)
        {
            throw new InvalidOperationException($"{Path} was created with {_plannedRows} rows; {RowCount + rows} were given");
        }

        if (!_options.Chunked)
        {
            if (RowCount > 0)
            {
                throw new InvalidOperationException($"{Path} is contiguous and was written in one call");
            }

            if (raw.Length > 0)
            {
                _address = File.Append(raw);
            }

            RowCount += rows;
            return;
        }

        while (raw.Length > 0)
        {
            _band ??= ArrayPool<byte>.Shared.Rent((int)_bandBytes);
            int take = (int)Math.Min(raw.Length, _bandBytes - _bandFill);
            raw[..take].CopyTo(_band.AsSpan((int)_bandFill));
            _bandFill += take;
            raw = raw[take..];
            if (_bandFill == _bandBytes)
            {
                _bands.Add(_band);
                _band = null;
                _bandFill = 0;
                if (_bands.Count >= Math.Max(1, _options.MaxDegreeOfParallelism))
                {
                    FlushBands();
                }
            }
        }

        RowCount += rows;
    }

    /// <summary>Writes the last partial chunks; no rows can be appended afterwards. Disposing the file does this too.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        if (_fixedRows && RowCount != _plannedRows)
        {
            throw new InvalidOperationException($"{Path} was created with {_plannedRows} rows but {RowCount} were written");
        }

        if (_options.Chunked)
        {
            if (_bandFill > 0)
            {
                _band.AsSpan((int)_bandFill, (int)(_bandBytes - _bandFill)).Clear();
                _bands.Add(_band!);
                _band = null;
                _bandFill = 0;
            }

            FlushBands();
        }

        _completed = true;
        File.Unregister(this);
    }

    internal override long WriteMetadata()
    {
        Complete();
        var header = new ObjectHeaderBuilder();
        long[] dims = _kind == Hdf5DataspaceKind.Scalar ? [] : [RowCount, .. _rowShape];
        long[]? max = _kind == Hdf5DataspaceKind.Scalar ? null : _fixedRows ? dims : [-1, .. _rowShape];
        var space = new MetadataBuffer();
        MessageEncoder.Dataspace(space, _kind, dims, max);
        header.Add(HeaderMessageType.Dataspace, space);
        var type = new MetadataBuffer();
        MessageEncoder.Datatype(type, DataType);
        header.Add(HeaderMessageType.Datatype, type, flags: 1);
        var fill = new MetadataBuffer();
        MessageEncoder.FillValue(fill, _options.Chunked);
        header.Add(HeaderMessageType.FillValue, fill, flags: 1);
        var layout = new MetadataBuffer();
        if (_options.Chunked)
        {
            long tree = _chunks.Count == 0
                ? MetadataBuffer.UndefinedAddress
                : ChunkBTreeWriter.Write(_chunks, _chunk, bytes => File.Append(bytes), () => File.Position);
            MessageEncoder.ChunkedLayout(layout, tree, _chunk, _elementSize);
        }
        else
        {
            MessageEncoder.ContiguousLayout(layout, _address, RowCount * _rowElements * _elementSize);
        }

        header.Add(HeaderMessageType.DataLayout, layout);
        if (_filters.Count > 0)
        {
            var pipeline = new MetadataBuffer();
            MessageEncoder.FilterPipeline(pipeline, _filters);
            header.Add(HeaderMessageType.FilterPipeline, pipeline);
        }

        AddAttributeMessages(header);
        return File.Append(header.Build());
    }

    private int[] ChooseChunk(long[] dimensions, Hdf5DatasetOptions options, bool fixedRows)
    {
        if (options.ChunkShape is { } given)
        {
            if (given.Count != dimensions.Length || given.Any(c => c <= 0))
            {
                throw new ArgumentException($"{Path}: chunk shape [{string.Join(",", given)}] does not fit rank {dimensions.Length} (all entries positive)");
            }

            for (int d = 1; d < given.Count; d++)
            {
                if (given[d] != Math.Max(1, dimensions[d]))
                {
                    throw new NotSupportedException($"{Path}: chunks must span whole rows (chunk dimension {d} = {Math.Max(1, dimensions[d])})");
                }
            }

            return [.. given];
        }

        long rowBytes = Math.Max(1, _rowElements * _elementSize);
        long rows = Math.Max(1, Hdf5DatasetOptions.Defaults.ChunkBytes / rowBytes);
        if (fixedRows)
        {
            rows = Math.Max(1, Math.Min(rows, dimensions[0]));
        }

        int[] chunk = new int[dimensions.Length];
        chunk[0] = (int)Math.Min(rows, int.MaxValue);
        for (int d = 1; d < dimensions.Length; d++)
        {
            chunk[d] = (int)Math.Max(1, dimensions[d]);
        }

        return chunk;
    }

    /// <summary>Compresses the queued bands (one chunk each) in parallel and writes them in row order.</summary>
    private void FlushBands()
    {
        if (_bands.Count == 0)
        {
            return;
        }

        byte[]?[] compressed = new byte[_bands.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) };
        Parallel.For(0, _bands.Count, parallel, i => compressed[i] = Encode(_bands[i].AsSpan(0, (int)_bandBytes)));
        long firstBand = _chunks.Count;
        for (int i = 0; i < _bands.Count; i++)
        {
            byte[] data = compressed[i] ?? _bands[i].AsSpan(0, (int)_bandBytes).ToArray();
            long address = File.Append(data);
            long[] offset = new long[_chunk.Length];
            offset[0] = (firstBand + i) * _chunk[0];
            _chunks.Add(new WrittenChunk(offset, address, data.Length, 0));
            ArrayPool<byte>.Shared.Return(_bands[i]);
        }

        _bands.Clear();
    }

    /// <summary>Applies the pipeline (shuffle, then deflate); null when there are no filters.</summary>
    private byte[]? Encode(ReadOnlySpan<byte> chunk)
    {
        if (_filters.Count == 0)
        {
            return null;
        }

        byte[]? shuffled = null;
        try
        {
            ReadOnlySpan<byte> data = chunk;
            if (_options.Shuffle && _elementSize > 1)
            {
                shuffled = ArrayPool<byte>.Shared.Rent(chunk.Length);
                ByteShuffle.Shuffle(chunk, shuffled, _elementSize);
                data = shuffled.AsSpan(0, chunk.Length);
            }

            if (_options.CompressionLevel == 0)
            {
                return data.ToArray();
            }

            using var output = new MemoryStream((chunk.Length / 2) + 64);
            using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = _options.CompressionLevel }, leaveOpen: true))
            {
                zlib.Write(data);
            }

            return output.ToArray();
        }
        finally
        {
            if (shuffled is not null)
            {
                ArrayPool<byte>.Shared.Return(shuffled);
            }
        }
    }
}
