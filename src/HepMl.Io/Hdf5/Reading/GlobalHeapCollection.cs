namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// A global heap collection ("GCOL"): the objects holding variable-length strings and sequences, by index.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.E "Disk Format: Level 1E - Global Heap".</remarks>
internal sealed class GlobalHeapCollection
{
    private readonly Dictionary<int, (int Start, int Length)> _objects;
    private readonly byte[] _data;
    private readonly long _fileOffset;

    private GlobalHeapCollection(byte[] data, long fileOffset, Dictionary<int, (int Start, int Length)> objects)
    {
        _data = data;
        _fileOffset = fileOffset;
        _objects = objects;
    }

    public static GlobalHeapCollection Read(Hdf5Context context, long address, string? objectPath)
    {
        byte[] header = context.ReadMetadata(address, 8 + context.SizeOfLengths, objectPath, "global heap collection");
        var headerCursor = new Hdf5Cursor(header, context, context.FileOffset(address), objectPath, "global heap collection");
        headerCursor.ExpectSignature("GCOL"u8);
        int version = headerCursor.ReadByte();
        if (version != 1)
        {
            headerCursor.Unsupported($"global heap version {version} (known: 1)");
        }

        headerCursor.Skip(3);
        long size = headerCursor.ReadLength();
        if (size < header.Length)
        {
            headerCursor.Fail($"a collection size of {size} bytes");
        }

        byte[] data = context.ReadMetadata(address, size, objectPath, "global heap collection");
        var cursor = new Hdf5Cursor(data, context, context.FileOffset(address), objectPath, "global heap object");
        cursor.Position = header.Length;
        var objects = new Dictionary<int, (int, int)>();
        int objectHeaderLength = 8 + context.SizeOfLengths;
        while (cursor.Remaining >= objectHeaderLength)
        {
            int index = cursor.ReadUInt16();
            cursor.Skip(6); // reference count, reserved
            long length = cursor.ReadLength();
            if (index == 0)
            {
                break; // free space: the rest of the collection
            }

            if (length > cursor.Remaining)
            {
                cursor.Fail($"object {index} of {length} bytes overruns the collection");
            }

            objects[index] = (cursor.Position, (int)length);
            cursor.Skip((int)length);
            cursor.Align(8);
        }

        return new GlobalHeapCollection(data, context.FileOffset(address), objects);
    }

    /// <summary>The bytes of object <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Get(int index, Hdf5Context context, string? objectPath)
    {
        if (!_objects.TryGetValue(index, out (int Start, int Length) entry))
        {
            throw context.Error($"global heap: object {index} does not exist in the collection", _fileOffset, objectPath);
        }

        return _data.AsSpan(entry.Start, entry.Length);
    }
}
