using System.Buffers.Binary;
using HepMl.Io.Hdf5.Filters;
using HepMl.Io.Hdf5.Writing;

namespace HepMl.Io.Hdf5;

/// <summary>
/// Writes a new HDF5 file that h5py, h5dump and libhdf5 1.8+ read: superblock version 2, version 2 object headers,
/// new-style (compact) groups, attributes, contiguous datasets and chunked datasets (v1 B-tree chunk index) with
/// shuffle + deflate, numeric, bool and string values. Raw data stream to disk as they come; the metadata is
/// written when the file is disposed.
/// </summary>
/// <remarks>h5py: <c>h5py.File(path, "w")</c>. Not thread-safe: one writer per file, used from one thread.</remarks>
public sealed class Hdf5FileWriter : IDisposable
{
    private const int SuperblockSize = 48;

    private readonly FileStream _stream;
    private readonly List<Hdf5DatasetWriter> _openDatasets = [];
    private long _end;
    private bool _closed;

    private Hdf5FileWriter(string path)
    {
        FilePath = Path.GetFullPath(path);
        _stream = new FileStream(FilePath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _stream.Write(new byte[SuperblockSize]);
        _end = SuperblockSize;
        Root = new Hdf5GroupWriter(this, "/");
    }

    /// <summary>The file being written.</summary>
    public string FilePath { get; }

    /// <summary>The root group.</summary>
    public Hdf5GroupWriter Root { get; }

    /// <summary>Creates (or overwrites) an HDF5 file.</summary>
    public static Hdf5FileWriter Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Hdf5FileWriter(path);
    }

    /// <summary>Completes every open dataset, writes all metadata and the superblock, and closes the file.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            foreach (Hdf5DatasetWriter dataset in _openDatasets.ToArray())
            {
                dataset.Complete();
            }

            long root = Root.WriteMetadata();
            WriteSuperblock(root);
            _stream.Flush();
        }
        finally
        {
            _closed = true;
            _stream.Dispose();
        }
    }

    internal void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    internal void Register(Hdf5DatasetWriter dataset) => _openDatasets.Add(dataset);

    internal void Unregister(Hdf5DatasetWriter dataset) => _openDatasets.Remove(dataset);

    /// <summary>Appends bytes at the end of the file and returns their address.</summary>
    internal long Append(ReadOnlySpan<byte> bytes)
    {
        ThrowIfClosed();
        long address = _end;
        _stream.Write(bytes);
        _end += bytes.Length;
        return address;
    }

    internal long Position => _end;

    /// <summary>Writes variable-length strings into global heap collections; returns the 16-byte references.</summary>
    internal byte[] WriteStrings(IReadOnlyList<string> values) => GlobalHeapWriter.WriteStrings(values, bytes => Append(bytes));

    private void WriteSuperblock(long rootAddress)
    {
        // Superblock version 2: signature, version, sizes of offsets and lengths, flags, base address, extension
        // address (none), end-of-file address, root group object header address, checksum.
        var superblock = new MetadataBuffer();
        superblock.Bytes(Reading.Superblock.Signature);
        superblock.Byte(2);
        superblock.Byte(8);
        superblock.Byte(8);
        superblock.Byte(0);
        superblock.Address(0);
        superblock.Address(MetadataBuffer.UndefinedAddress);
        superblock.Address(_end);
        superblock.Address(rootAddress);
        superblock.UInt32(0);
        byte[] bytes = superblock.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SuperblockSize - 4), JenkinsLookup3.Hash(bytes.AsSpan(0, SuperblockSize - 4)));
        _stream.Seek(0, SeekOrigin.Begin);
        _stream.Write(bytes);
        _stream.Seek(_end, SeekOrigin.Begin);
    }
}
