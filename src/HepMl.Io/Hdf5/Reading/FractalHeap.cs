using System.Collections.Concurrent;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// A fractal heap ("FRHP"): variable-size objects (dense links, dense attributes) addressed by heap IDs that are
/// managed (offset and length in a doubling table of direct blocks), huge (stored separately, located through a
/// v2 B-tree) or tiny (the bytes are in the ID itself).
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.G "Disk Format: Level 1G - Fractal Heap".</remarks>
internal sealed class FractalHeap
{
    private readonly Hdf5Context _context;
    private readonly string _objectPath;
    private readonly long _address;
    private readonly int _heapIdLength;
    private readonly int _ioFilterLength;
    private readonly bool _checksumDirectBlocks;
    private readonly long _maxManagedObjectSize;
    private readonly long _hugeBTreeAddress;
    private readonly int _tableWidth;
    private readonly long _startingBlockSize;
    private readonly long _maxDirectBlockSize;
    private readonly int _maxHeapSizeBits;
    private readonly long _rootBlockAddress;
    private readonly int _rootRows;
    private readonly int _offsetBytes;
    private readonly int _lengthBytes;
    private readonly int _maxDirectRows;
    private readonly ConcurrentDictionary<long, byte[]> _directBlocks = new();
    private Dictionary<ulong, (long Address, long Length)>? _hugeObjects;

    private FractalHeap(Hdf5Context context, string objectPath, long address, ref Hdf5Cursor cursor)
    {
        _context = context;
        _objectPath = objectPath;
        _address = address;
        _heapIdLength = cursor.ReadUInt16();
        _ioFilterLength = cursor.ReadUInt16();
        int flags = cursor.ReadByte();
        _checksumDirectBlocks = (flags & 0x02) != 0;
        _maxManagedObjectSize = cursor.ReadUInt32();
        cursor.ReadLength(); // next huge object id
        _hugeBTreeAddress = cursor.ReadAddress();
        cursor.ReadLength(); // free space in managed blocks
        cursor.ReadAddress(); // free-space manager
        cursor.ReadLength(); // managed space
        cursor.ReadLength(); // allocated managed space
        cursor.ReadLength(); // direct block allocation iterator offset
        cursor.ReadLength(); // managed object count
        cursor.ReadLength(); // huge objects size
        cursor.ReadLength(); // huge object count
        cursor.ReadLength(); // tiny objects size
        cursor.ReadLength(); // tiny object count
        _tableWidth = cursor.ReadUInt16();
        _startingBlockSize = cursor.ReadLength();
        _maxDirectBlockSize = cursor.ReadLength();
        _maxHeapSizeBits = cursor.ReadUInt16();
        cursor.ReadUInt16(); // starting rows in root indirect block
        _rootBlockAddress = cursor.ReadAddress();
        _rootRows = cursor.ReadUInt16();
        if (_ioFilterLength > 0)
        {
            cursor.Unsupported("a fractal heap with I/O filters");
        }

        if (_tableWidth == 0 || !IsPowerOfTwo(_tableWidth) || !IsPowerOfTwo(_startingBlockSize) || !IsPowerOfTwo(_maxDirectBlockSize)
            || _maxDirectBlockSize < _startingBlockSize || _maxHeapSizeBits is < 1 or > 64)
        {
            cursor.Fail($"inconsistent doubling table (width {_tableWidth}, start block {_startingBlockSize}, max direct block {_maxDirectBlockSize}, max heap bits {_maxHeapSizeBits})");
        }

        _offsetBytes = (_maxHeapSizeBits + 7) / 8;
        // libhdf5 H5HF__hdr_finish_init_phase1: MIN(offset size within the largest direct block, H5VM_limit_enc_size(max managed size)).
        _lengthBytes = Math.Min((DatatypeMessage.Log2Floor((ulong)_maxDirectBlockSize) + 7) / 8, DatatypeMessage.LimitEncodedSize(_maxManagedObjectSize));
        _maxDirectRows = DatatypeMessage.Log2Floor((ulong)_maxDirectBlockSize) - DatatypeMessage.Log2Floor((ulong)_startingBlockSize) + 2;
    }

    public static FractalHeap Read(Hdf5Context context, long address, string objectPath)
    {
        int length = 4 + 1 + 2 + 2 + 1 + 4 + (12 * context.SizeOfLengths) + (3 * context.SizeOfOffsets) + 2 + 2 + 2 + 2 + 4
            + (context.SizeOfLengths + 4); // room for the optional filtered root block fields
        byte[] block = context.ReadMetadataUpTo(address, length, objectPath, "fractal heap header");
        var cursor = new Hdf5Cursor(block, context, context.FileOffset(address), objectPath, "fractal heap header");
        cursor.ExpectSignature("FRHP"u8);
        int version = cursor.ReadByte();
        if (version != 0)
        {
            cursor.Unsupported($"fractal heap version {version} (known: 0)");
        }

        var heap = new FractalHeap(context, objectPath, address, ref cursor);
        context.VerifyChecksum(block.AsSpan(0, cursor.Position + 4), context.FileOffset(address), objectPath, "fractal heap header");
        return heap;
    }

    /// <summary>The object a heap ID refers to.</summary>
    public byte[] GetObject(ReadOnlySpan<byte> heapId)
    {
        if (heapId.Length < 1)
        {
            throw Error("an empty heap ID", _context.FileOffset(_address));
        }

        int first = heapId[0];
        int version = first >> 6;
        int type = (first >> 4) & 0x03;
        if (version != 0)
        {
            throw new UnsupportedFormatException($"fractal heap ID version {version} (known: 0)", _context.FilePath, _context.FileOffset(_address), _objectPath);
        }

        switch (type)
        {
            case 0:
            {
                ulong offset = ReadLittleEndian(heapId, 1, _offsetBytes);
                ulong length = ReadLittleEndian(heapId, 1 + _offsetBytes, _lengthBytes);
                return ReadManaged((long)offset, (long)length);
            }

            case 1:
                return ReadHuge(heapId);

            case 2:
            {
                bool extended = _heapIdLength > 18;
                int length = extended ? (((first & 0x0F) << 8) | heapId[1]) + 1 : (first & 0x0F) + 1;
                int start = extended ? 2 : 1;
                if (start + length > heapId.Length)
                {
                    throw Error($"a tiny object of {length} bytes does not fit its {heapId.Length}-byte heap ID", _context.FileOffset(_address));
                }

                return heapId.Slice(start, length).ToArray();
            }

            default:
                throw Error($"heap ID type {type} (known: 0 managed, 1 huge, 2 tiny)", _context.FileOffset(_address));
        }
    }

    private byte[] ReadManaged(long offset, long length)
    {
        if (_rootBlockAddress == Hdf5Context.UndefinedAddress)
        {
            throw Error($"managed object at heap offset {offset} but the heap has no root block", _context.FileOffset(_address));
        }

        (long blockAddress, long blockOffset, long blockSize) = _rootRows == 0
            ? (_rootBlockAddress, 0L, _startingBlockSize)
            : FindDirectBlock(_rootBlockAddress, _rootRows, 0, offset, 0);
        byte[] block = GetDirectBlock(blockAddress, blockSize, blockOffset);
        long start = offset - blockOffset;
        if (start < 0 || length < 0 || start + length > block.Length)
        {
            throw Error($"managed object (heap offset {offset}, {length} bytes) overruns its direct block at heap offset {blockOffset} of {block.Length} bytes",
                _context.FileOffset(blockAddress));
        }

        return block.AsSpan((int)start, (int)length).ToArray();
    }

    /// <summary>Descends indirect blocks to the direct block holding heap offset <paramref name="target"/>.</summary>
    private (long Address, long Offset, long Size) FindDirectBlock(long indirectAddress, int rows, long indirectOffset, long target, int depth)
    {
        if (depth > 64)
        {
            throw Error("fractal heap indirect blocks nest deeper than 64 levels", _context.FileOffset(indirectAddress));
        }

        int directRows = Math.Min(rows, _maxDirectRows);
        int indirectRows = rows - directRows;
        int entrySize = _context.SizeOfOffsets;
        int length = 4 + 1 + _context.SizeOfOffsets + _offsetBytes + ((directRows + indirectRows) * _tableWidth * entrySize) + 4;
        byte[] block = _context.ReadMetadata(indirectAddress, length, _objectPath, "fractal heap indirect block");
        var cursor = new Hdf5Cursor(block, _context, _context.FileOffset(indirectAddress), _objectPath, "fractal heap indirect block");
        cursor.ExpectSignature("FHIB"u8);
        if (cursor.ReadByte() != 0)
        {
            cursor.Unsupported("indirect block version (known: 0)");
        }

        if (cursor.ReadAddress() != _address)
        {
            cursor.Fail("the indirect block names another heap header");
        }

        long storedOffset = (long)cursor.ReadUnsigned(_offsetBytes);
        if (storedOffset != indirectOffset)
        {
            cursor.Fail($"block offset {storedOffset}, expected {indirectOffset}");
        }

        _context.VerifyChecksum(block, _context.FileOffset(indirectAddress), _objectPath, "fractal heap indirect block");
        long position = indirectOffset;
        for (int row = 0; row < rows; row++)
        {
            long blockSize = RowBlockSize(row);
            for (int column = 0; column < _tableWidth; column++)
            {
                long child = cursor.ReadAddress();
                if (target >= position && target < position + blockSize)
                {
                    if (child == Hdf5Context.UndefinedAddress)
                    {
                        throw Error($"heap offset {target} lies in an unallocated block", _context.FileOffset(indirectAddress));
                    }

                    if (row < _maxDirectRows)
                    {
                        return (child, position, blockSize);
                    }

                    int childRows = DatatypeMessage.Log2Floor((ulong)blockSize) - DatatypeMessage.Log2Floor((ulong)(_startingBlockSize * _tableWidth)) + 1;
                    return FindDirectBlock(child, childRows, position, target, depth + 1);
                }

                position += blockSize;
            }
        }

        throw Error($"heap offset {target} lies beyond the heap's blocks", _context.FileOffset(indirectAddress));
    }

    private long RowBlockSize(int row) => row == 0 ? _startingBlockSize : _startingBlockSize << (row - 1);

    private byte[] GetDirectBlock(long address, long size, long heapOffset)
    {
        if (_directBlocks.TryGetValue(address, out byte[]? cached))
        {
            return cached;
        }

        byte[] block = _context.ReadMetadata(address, size, _objectPath, "fractal heap direct block");
        var cursor = new Hdf5Cursor(block, _context, _context.FileOffset(address), _objectPath, "fractal heap direct block");
        cursor.ExpectSignature("FHDB"u8);
        if (cursor.ReadByte() != 0)
        {
            cursor.Unsupported("direct block version (known: 0)");
        }

        if (cursor.ReadAddress() != _address)
        {
            cursor.Fail("the direct block names another heap header");
        }

        long storedOffset = (long)cursor.ReadUnsigned(_offsetBytes);
        if (storedOffset != heapOffset)
        {
            cursor.Fail($"block offset {storedOffset}, expected {heapOffset}");
        }

        if (_checksumDirectBlocks)
        {
            // The checksum field sits right after the header and covers the whole block with the field zeroed.
            int checksumAt = cursor.Position;
            uint stored = cursor.ReadUInt32();
            byte[] copy = (byte[])block.Clone();
            copy.AsSpan(checksumAt, 4).Clear();
            uint computed = Filters.JenkinsLookup3.Hash(copy);
            if (stored != computed)
            {
                throw Error($"direct block checksum mismatch (stored 0x{stored:X8}, computed 0x{computed:X8})", _context.FileOffset(address) + checksumAt);
            }
        }

        return _directBlocks.GetOrAdd(address, block);
    }

    private byte[] ReadHuge(ReadOnlySpan<byte> heapId)
    {
        int offsets = _context.SizeOfOffsets;
        int lengths = _context.SizeOfLengths;
        if (_heapIdLength >= 1 + offsets + lengths)
        {
            // Directly accessed: the ID holds the address and length.
            long address = (long)ReadLittleEndian(heapId, 1, offsets);
            long length = (long)ReadLittleEndian(heapId, 1 + offsets, lengths);
            return _context.ReadMetadata(address, length, _objectPath, "fractal heap huge object");
        }

        ulong key = ReadLittleEndian(heapId, 1, Math.Min(heapId.Length - 1, lengths));
        _hugeObjects ??= ReadHugeIndex();
        if (!_hugeObjects.TryGetValue(key, out (long Address, long Length) entry))
        {
            throw Error($"huge object {key} is not in the heap's huge-object B-tree", _context.FileOffset(_address));
        }

        return _context.ReadMetadata(entry.Address, entry.Length, _objectPath, "fractal heap huge object");
    }

    private Dictionary<ulong, (long, long)> ReadHugeIndex()
    {
        if (_hugeBTreeAddress == Hdf5Context.UndefinedAddress)
        {
            throw Error("a huge object ID but the heap has no huge-object B-tree", _context.FileOffset(_address));
        }

        var result = new Dictionary<ulong, (long, long)>();
        var tree = BTreeV2.Read(_context, _hugeBTreeAddress, _objectPath);
        if (tree.Type != 1)
        {
            throw Error($"the huge-object B-tree has record type {tree.Type}; only type 1 (unfiltered, indirect) is supported", _context.FileOffset(_hugeBTreeAddress));
        }

        foreach (BTreeV2.Record record in tree.Records())
        {
            var cursor = new Hdf5Cursor(record.Bytes.Span, _context, record.FileOffset, _objectPath, "huge object record");
            long address = cursor.ReadAddress();
            long length = cursor.ReadLength();
            ulong id = (ulong)cursor.ReadLength();
            result[id] = (address, length);
        }

        return result;
    }

    private HepMlFormatException Error(string problem, long fileOffset) =>
        _context.Error("fractal heap: " + problem, fileOffset, _objectPath);

    private static ulong ReadLittleEndian(ReadOnlySpan<byte> bytes, int start, int count)
    {
        ulong value = 0;
        for (int i = count - 1; i >= 0; i--)
        {
            value = (value << 8) | (start + i < bytes.Length ? bytes[start + i] : (byte)0);
        }

        return value;
    }

    private static bool IsPowerOfTwo(long value) => value > 0 && (value & (value - 1)) == 0;
}
