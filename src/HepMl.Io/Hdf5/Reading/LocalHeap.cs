namespace HepMl.Io.Hdf5.Reading;

/// <summary>A local heap: the data segment holding the link names (and soft link values) of an old-style group.</summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.D "Disk Format: Level 1D - Local Heaps".</remarks>
internal sealed class LocalHeap
{
    private readonly byte[] _data;
    private readonly long _dataFileOffset;
    private readonly Hdf5Context _context;
    private readonly string _objectPath;

    private LocalHeap(byte[] data, long dataFileOffset, Hdf5Context context, string objectPath)
    {
        _data = data;
        _dataFileOffset = dataFileOffset;
        _context = context;
        _objectPath = objectPath;
    }

    public static LocalHeap Read(Hdf5Context context, long address, string objectPath)
    {
        int headerLength = 8 + (2 * context.SizeOfLengths) + context.SizeOfOffsets;
        byte[] header = context.ReadMetadata(address, headerLength, objectPath, "local heap");
        var cursor = new Hdf5Cursor(header, context, context.FileOffset(address), objectPath, "local heap");
        cursor.ExpectSignature("HEAP"u8);
        int version = cursor.ReadByte();
        if (version != 0)
        {
            cursor.Unsupported($"local heap version {version} (known: 0)");
        }

        cursor.Skip(3);
        long size = cursor.ReadLength();
        cursor.ReadLength(); // free list head
        long dataAddress = cursor.ReadAddress();
        byte[] data = context.ReadMetadata(dataAddress, size, objectPath, "local heap data segment");
        return new LocalHeap(data, context.FileOffset(dataAddress), context, objectPath);
    }

    /// <summary>The NUL-terminated string at <paramref name="offset"/> in the data segment.</summary>
    public string GetString(long offset)
    {
        if (offset < 0 || offset >= _data.Length)
        {
            throw _context.Error($"local heap: name offset {offset} lies outside the {_data.Length}-byte data segment",
                _dataFileOffset, _objectPath);
        }

        int end = _data.AsSpan((int)offset).IndexOf((byte)0);
        if (end < 0)
        {
            throw _context.Error($"local heap: the string at offset {offset} has no terminating NUL", _dataFileOffset + offset, _objectPath);
        }

        return DatatypeMessage.Decode(_data.AsSpan((int)offset, end));
    }
}
