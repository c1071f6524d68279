using HepMl.Io.Hdf5.Filters;
using HepMl.Io.Hdf5.Reading;

namespace HepMl.Io.Hdf5;

/// <summary>
/// A dataset: an N-dimensional array of one datatype (h5py: <c>h5py.Dataset</c>). Values are read whole, by row
/// ranges of the first dimension (a hyperslab; nothing else is read), or streamed in blocks of rows with bounded
/// memory. Chunks are decompressed in parallel (<see cref="Hdf5File.MaxDegreeOfParallelism"/>).
/// </summary>
public sealed partial class Hdf5Dataset : Hdf5Object
{
    private readonly Dataspace _space;
    private readonly DataLayout _layout;
    private readonly FilterPipeline _pipeline;
    private readonly FillValue _fill;
    private readonly DatasetStorage _storage;
    private readonly ValueReader _reader;

    internal Hdf5Dataset(Hdf5File file, string path, ObjectHeader header)
        : base(file, path, header)
    {
        Hdf5Context context = file.Context;
        HeaderMessage typeMessage = Require(context, header, HeaderMessageType.Datatype, path);
        HeaderMessage spaceMessage = Require(context, header, HeaderMessageType.Dataspace, path);
        HeaderMessage layoutMessage = Require(context, header, HeaderMessageType.DataLayout, path);
        var typeCursor = new Hdf5Cursor(typeMessage.Body.Span, context, typeMessage.FileOffset, path, "datatype message");
        DataType = DatatypeMessage.Parse(ref typeCursor);
        _space = Dataspace.Parse(spaceMessage.Body.Span, context, spaceMessage.FileOffset, path);
        _layout = DataLayout.Parse(layoutMessage.Body.Span, context, layoutMessage.FileOffset, path, _space.Rank);
        IReadOnlyList<Hdf5Filter> filters = header.Find(HeaderMessageType.FilterPipeline) is HeaderMessage pipeline
            ? FilterPipelineMessage.Parse(Unshared(context, pipeline, path).Body.Span, context, pipeline.FileOffset, path)
            : [];
        _pipeline = new FilterPipeline(filters, DataType.Size);
        _fill = header.Find(HeaderMessageType.FillValue) is HeaderMessage fill
            ? FillValue.ParseNew(Unshared(context, fill, path).Body.Span, context, fill.FileOffset, path)
            : header.Find(HeaderMessageType.FillValueOld) is HeaderMessage old
                ? FillValue.ParseOld(old.Body.Span, context, old.FileOffset, path)
                : FillValue.Default;
        if (header.Find(HeaderMessageType.ExternalDataFiles) is HeaderMessage external)
        {
            throw new UnsupportedFormatException("datasets stored in external raw data files are not supported", context.FilePath, external.FileOffset, path);
        }

        if (_layout.Layout == Hdf5Layout.Chunked && _space.Kind != Hdf5DataspaceKind.Simple)
        {
            throw context.Error($"a chunked dataset needs a simple dataspace, found {_space.Kind}", layoutMessage.FileOffset, path);
        }

        _storage = new DatasetStorage(context, path, _space, DataType.Size, _layout, _pipeline, _fill);
        _reader = new ValueReader(context, path, DataType, _space, _storage);
    }

    /// <summary>The stored datatype.</summary>
    public Hdf5DataType DataType { get; }

    /// <summary>Scalar, simple or null dataspace.</summary>
    public Hdf5DataspaceKind DataspaceKind => _space.Kind;

    /// <summary>The current shape (<c>[]</c> for scalar and null dataspaces).</summary>
    public IReadOnlyList<long> Shape => _space.Dimensions;

    /// <summary>The maximum shape; <see cref="Unlimited"/> for unlimited dimensions.</summary>
    public IReadOnlyList<long> MaxShape => _space.MaxDimensions;

    /// <summary>The value of an unlimited dimension in <see cref="MaxShape"/>.</summary>
    public const long Unlimited = Dataspace.Unlimited;

    /// <summary>Number of dimensions.</summary>
    public int Rank => _space.Rank;

    /// <summary>Number of elements (1 for a scalar, 0 for a null dataspace).</summary>
    public long ElementCount => _space.ElementCount;

    /// <summary>Rows along the first dimension (1 for a scalar, 0 for a null dataspace).</summary>
    public long RowCount => _storage.RowCount;

    /// <summary>Elements per row: the product of all dimensions after the first.</summary>
    public long ElementsPerRow => _storage.ElementsPerRow;

    /// <summary>Compact, contiguous or chunked storage.</summary>
    public Hdf5Layout Layout => _layout.Layout;

    /// <summary>Version of the data layout message (3 in files before the 1.10 format, 4 with the new chunk indexes).</summary>
    public int LayoutMessageVersion => _layout.Version;

    /// <summary>The chunk shape of a chunked dataset; empty otherwise.</summary>
    public IReadOnlyList<int> ChunkShape => _layout.ChunkDimensions;

    /// <summary>The chunk index structure of a chunked dataset.</summary>
    public Hdf5ChunkIndexKind ChunkIndexKind => _layout.Layout == Hdf5Layout.Chunked ? _layout.ChunkIndex : Hdf5ChunkIndexKind.None;

    /// <summary>The filter pipeline in encoding order (empty when unfiltered).</summary>
    public IReadOnlyList<Hdf5Filter> Filters => _pipeline.Filters;

    /// <summary>Number of chunks stored in the file (within the current extent).</summary>
    public int AllocatedChunkCount => _layout.Layout == Hdf5Layout.Chunked ? _storage.Chunks.AllocatedCount : 0;

    /// <summary>File address of contiguous data (-1 when never written or not contiguous).</summary>
    public long DataAddress => _layout.Layout == Hdf5Layout.Contiguous ? _layout.Address : -1;

    /// <summary>True when the fill value was set by the writer (otherwise unwritten values read as zeros).</summary>
    public bool HasUserFillValue => _fill.Bytes is not null;

    /// <summary>The fill value decoded like <see cref="Hdf5Attribute.ReadValue"/> (zeros/empty when none was set).</summary>
    public object? ReadFillValue()
    {
        byte[] bytes = _fill.Bytes is { } value && value.Length == DataType.Size ? value : new byte[DataType.Size];
        var scalar = new Dataspace(Hdf5DataspaceKind.Scalar, [], []);
        return new ValueReader(File.Context, Path + " (fill value)", DataType, scalar, new MemoryRows(bytes, scalar, DataType.Size)).ReadObjects();
    }

    private static HeaderMessage Require(Hdf5Context context, ObjectHeader header, HeaderMessageType type, string path)
    {
        if (header.Find(type) is not HeaderMessage message)
        {
            throw context.Error($"the dataset's object header has no {type} message", context.FileOffset(header.Address), path);
        }

        return Unshared(context, message, path);
    }

    private static HeaderMessage Unshared(Hdf5Context context, HeaderMessage message, string path)
    {
        if (message.IsShared)
        {
            throw new UnsupportedFormatException(
                $"shared {message.Type} messages (committed datatypes, shared object header messages) are not supported",
                context.FilePath, message.FileOffset, path);
        }

        return message;
    }
}
