using System.Buffers.Binary;
using System.Collections.Concurrent;
using HepMl.Io.Hdf5.Filters;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Everything the decoders of one open file share: the source, the base address and field sizes from the
/// superblock, and caches of decoded metadata (object headers, global heap collections). Thread-safe.
/// </summary>
internal sealed class Hdf5Context
{
    /// <summary>The undefined address (all bits set on disk).</summary>
    public const long UndefinedAddress = -1;

    private readonly ConcurrentDictionary<long, ObjectHeader> _objectHeaders = new();
    private readonly ConcurrentDictionary<long, GlobalHeapCollection> _globalHeaps = new();

    public Hdf5Context(Hdf5Source source)
    {
        Source = source;
        SizeOfOffsets = 8;
        SizeOfLengths = 8;
    }

    public Hdf5Source Source { get; }

    public string? FilePath => Source.FilePath;

    /// <summary>Absolute file offset that addresses are relative to (the superblock's position with a user block).</summary>
    public long BaseAddress { get; set; }

    public int SizeOfOffsets { get; set; }

    public int SizeOfLengths { get; set; }

    /// <summary>Group leaf node K (symbol table nodes hold up to 2K entries).</summary>
    public int GroupLeafNodeK { get; set; } = 4;

    /// <summary>Group internal node K (v1 B-tree nodes of groups hold up to 2K children).</summary>
    public int GroupInternalNodeK { get; set; } = 16;

    /// <summary>Indexed storage internal node K (v1 B-tree nodes of chunks hold up to 2K children).</summary>
    public int IndexedStorageK { get; set; } = 32;

    /// <summary>Largest number of threads used to decode chunks of one read.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    public HepMlFormatException Error(string problem, long fileOffset, string? objectPath) =>
        new(problem, FilePath, fileOffset, objectPath);

    public long FileOffset(long address) => BaseAddress + address;

    /// <summary>Reads a metadata block at file address <paramref name="address"/> (relative to the base address).</summary>
    public byte[] ReadMetadata(long address, long length, string? objectPath, string what)
    {
        CheckAddress(address, objectPath, what);
        return Source.ReadBytes(BaseAddress + address, length, objectPath, what);
    }

    /// <summary>Reads raw data at file address <paramref name="address"/> into <paramref name="destination"/>.</summary>
    public void ReadRaw(long address, Span<byte> destination, string? objectPath, string what)
    {
        CheckAddress(address, objectPath, what);
        Source.Read(BaseAddress + address, destination, objectPath, what);
    }

    /// <summary>Reads up to <paramref name="maximum"/> bytes at an address, fewer when the file ends first.</summary>
    public byte[] ReadMetadataUpTo(long address, int maximum, string? objectPath, string what)
    {
        CheckAddress(address, objectPath, what);
        long available = Source.Length - (BaseAddress + address);
        return Source.ReadBytes(BaseAddress + address, Math.Max(0, Math.Min(maximum, available)), objectPath, what);
    }

    public void CheckAddress(long address, string? objectPath, string what)
    {
        if (address == UndefinedAddress)
        {
            throw Error($"{what}: the address is undefined", -1, objectPath);
        }

        if (address < 0 || BaseAddress + address >= Source.Length)
        {
            throw Error($"{what}: address {address} lies beyond the end of the {Source.Length}-byte file (truncated file?)",
                BaseAddress + Math.Max(0, address), objectPath);
        }
    }

    /// <summary>Checks the trailing lookup3 checksum of a block: the last 4 bytes hash the bytes before them.</summary>
    public void VerifyChecksum(ReadOnlySpan<byte> block, long blockFileOffset, string? objectPath, string what)
    {
        if (block.Length < 4)
        {
            throw Error($"{what}: a {block.Length}-byte block is too short to hold its checksum", blockFileOffset, objectPath);
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(block[^4..]);
        uint computed = JenkinsLookup3.Hash(block[..^4]);
        if (stored != computed)
        {
            throw Error(
                $"{what}: checksum mismatch (stored 0x{stored:X8}, computed 0x{computed:X8} over {block.Length - 4} bytes); the metadata is corrupt",
                blockFileOffset + block.Length - 4, objectPath);
        }
    }

    public ObjectHeader GetObjectHeader(long address, string objectPath) =>
        _objectHeaders.TryGetValue(address, out ObjectHeader? header)
            ? header
            : _objectHeaders.GetOrAdd(address, ObjectHeader.Read(this, address, objectPath));

    public GlobalHeapCollection GetGlobalHeap(long address, string? objectPath) =>
        _globalHeaps.TryGetValue(address, out GlobalHeapCollection? heap)
            ? heap
            : _globalHeaps.GetOrAdd(address, GlobalHeapCollection.Read(this, address, objectPath));
}
