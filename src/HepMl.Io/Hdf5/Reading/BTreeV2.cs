namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// A version 2 B-tree ("BTHD" header, "BTIN" internal and "BTLF" leaf nodes, all checksummed). Records are
/// returned raw, in key order, for the caller to decode by record type (1 huge objects, 5/6 links by name/creation
/// order, 8/9 attributes by name/creation order, 10/11 chunks).
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.A.2 "Disk Format: Level 1A2 - Version 2 B-trees";
/// node capacities as libhdf5 H5B2__hdr_init computes them.</remarks>
internal sealed class BTreeV2
{
    private readonly Hdf5Context _context;
    private readonly string? _objectPath;
    private readonly int _nodeSize;
    private readonly int _recordSize;
    private readonly int _depth;
    private readonly long _rootAddress;
    private readonly int _rootRecords;
    private readonly long _totalRecords;
    private readonly int[] _maxRecords;
    private readonly long[] _cumulativeMaxRecords;
    private readonly int[] _cumulativeSizeBytes;
    private readonly int _maxRecordSizeBytes;

    private BTreeV2(Hdf5Context context, string? objectPath, int type, int nodeSize, int recordSize, int depth, long rootAddress, int rootRecords, long totalRecords)
    {
        _context = context;
        _objectPath = objectPath;
        Type = type;
        _nodeSize = nodeSize;
        _recordSize = recordSize;
        _depth = depth;
        _rootAddress = rootAddress;
        _rootRecords = rootRecords;
        _totalRecords = totalRecords;
        const int Prefix = 10; // signature, version, type, checksum
        _maxRecords = new int[depth + 1];
        _cumulativeMaxRecords = new long[depth + 1];
        _cumulativeSizeBytes = new int[depth + 1];
        _maxRecords[0] = (nodeSize - Prefix) / recordSize;
        _cumulativeMaxRecords[0] = _maxRecords[0];
        _maxRecordSizeBytes = DatatypeMessage.LimitEncodedSize(_maxRecords[0]);
        for (int level = 1; level <= depth; level++)
        {
            int pointerSize = context.SizeOfOffsets + _maxRecordSizeBytes + _cumulativeSizeBytes[level - 1];
            _maxRecords[level] = (nodeSize - (Prefix + pointerSize)) / (recordSize + pointerSize);
            _cumulativeMaxRecords[level] = ((_maxRecords[level] + 1L) * _cumulativeMaxRecords[level - 1]) + _maxRecords[level];
            _cumulativeSizeBytes[level] = DatatypeMessage.LimitEncodedSize(_cumulativeMaxRecords[level]);
        }
    }

    /// <summary>The record type of this tree.</summary>
    public int Type { get; }

    public int RecordSize => _recordSize;

    public long TotalRecords => _totalRecords;

    /// <summary>A raw record and the file offset of its first byte.</summary>
    public readonly record struct Record(ReadOnlyMemory<byte> Bytes, long FileOffset);

    public static BTreeV2 Read(Hdf5Context context, long address, string? objectPath)
    {
        int length = 4 + 1 + 1 + 4 + 2 + 2 + 1 + 1 + context.SizeOfOffsets + 2 + context.SizeOfLengths + 4;
        byte[] block = context.ReadMetadata(address, length, objectPath, "v2 B-tree header");
        var cursor = new Hdf5Cursor(block, context, context.FileOffset(address), objectPath, "v2 B-tree header");
        cursor.ExpectSignature("BTHD"u8);
        int version = cursor.ReadByte();
        if (version != 0)
        {
            cursor.Unsupported($"version {version} (known: 0)");
        }

        int type = cursor.ReadByte();
        long nodeSize = cursor.ReadUInt32();
        int recordSize = cursor.ReadUInt16();
        int depth = cursor.ReadUInt16();
        cursor.Skip(2); // split and merge percent
        long root = cursor.ReadAddress();
        int rootRecords = cursor.ReadUInt16();
        long total = cursor.ReadLength();
        context.VerifyChecksum(block, context.FileOffset(address), objectPath, "v2 B-tree header");
        if (recordSize == 0 || nodeSize < 16 || nodeSize > (1 << 24) || depth > 64 || (nodeSize - 10) / recordSize < 1)
        {
            throw context.Error($"v2 B-tree header: node size {nodeSize}, record size {recordSize}, depth {depth} are inconsistent",
                context.FileOffset(address), objectPath);
        }

        return new BTreeV2(context, objectPath, type, (int)nodeSize, recordSize, depth, root, rootRecords, total);
    }

    /// <summary>All records in key order.</summary>
    public List<Record> Records()
    {
        var records = new List<Record>((int)Math.Min(_totalRecords, 1 << 20));
        if (_rootAddress != Hdf5Context.UndefinedAddress && _rootRecords > 0)
        {
            Visit(_rootAddress, _rootRecords, _depth, records);
        }

        if (records.Count != _totalRecords)
        {
            throw _context.Error($"v2 B-tree: the header declares {_totalRecords} records but the nodes hold {records.Count}",
                _context.FileOffset(_rootAddress), _objectPath);
        }

        return records;
    }

    private void Visit(long address, int recordCount, int level, List<Record> records)
    {
        if (recordCount > _maxRecords[level])
        {
            throw _context.Error($"v2 B-tree node at level {level} claims {recordCount} records; at most {_maxRecords[level]} fit",
                _context.FileOffset(address), _objectPath);
        }

        byte[] node = _context.ReadMetadata(address, _nodeSize, _objectPath, "v2 B-tree node");
        var cursor = new Hdf5Cursor(node, _context, _context.FileOffset(address), _objectPath, level == 0 ? "v2 B-tree leaf node" : "v2 B-tree internal node");
        cursor.ExpectSignature(level == 0 ? "BTLF"u8 : "BTIN"u8);
        if (cursor.ReadByte() != 0)
        {
            cursor.Unsupported("node version (known: 0)");
        }

        int type = cursor.ReadByte();
        if (type != Type)
        {
            cursor.Fail($"record type {type} in a tree of type {Type}");
        }

        int recordsStart = cursor.Position;
        cursor.Skip(recordCount * _recordSize);
        var children = new (long Address, int Records)[level == 0 ? 0 : recordCount + 1];
        for (int i = 0; i < children.Length; i++)
        {
            long child = cursor.ReadAddress();
            int childRecords = (int)cursor.ReadUnsigned(_maxRecordSizeBytes);
            if (level > 1)
            {
                cursor.ReadUnsigned(_cumulativeSizeBytes[level - 1]); // total records below
            }

            children[i] = (child, childRecords);
        }

        _context.VerifyChecksum(node.AsSpan(0, cursor.Position + 4), _context.FileOffset(address), _objectPath, "v2 B-tree node");
        for (int i = 0; i < recordCount; i++)
        {
            if (level > 0)
            {
                Visit(children[i].Address, children[i].Records, level - 1, records);
            }

            int start = recordsStart + (i * _recordSize);
            records.Add(new Record(node.AsMemory(start, _recordSize), _context.FileOffset(address) + start));
        }

        if (level > 0)
        {
            Visit(children[recordCount].Address, children[recordCount].Records, level - 1, records);
        }
    }
}
