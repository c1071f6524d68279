namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// A decoded data layout message: compact data, a contiguous block, or chunk dimensions with the chunk index kind
/// and its parameters.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.i "Data Storage - Layout Message" (versions 1 to 4)
/// and Appendix C (chunk indexes of version 4).</remarks>
internal sealed class DataLayout
{
    public int Version { get; private init; }

    public Hdf5Layout Layout { get; private init; }

    /// <summary>Contiguous data address or chunk index address (undefined when nothing was written).</summary>
    public long Address { get; private init; } = Hdf5Context.UndefinedAddress;

    /// <summary>Contiguous data size in bytes.</summary>
    public long ContiguousSize { get; private init; }

    public byte[] CompactData { get; private init; } = [];

    /// <summary>Chunk dimensions in elements (rank entries; the trailing element-size dimension removed).</summary>
    public int[] ChunkDimensions { get; private init; } = [];

    public Hdf5ChunkIndexKind ChunkIndex { get; private init; }

    /// <summary>The trailing chunk dimension: the element size in bytes the layout was written for.</summary>
    public int ChunkElementSize { get; private init; }

    /// <summary>Version 4 flag bit 0: partial edge chunks are stored unfiltered.</summary>
    public bool DontFilterPartialEdgeChunks { get; private init; }

    /// <summary>Single chunk index: size of the filtered chunk and its filter mask (when filtered).</summary>
    public long SingleChunkFilteredSize { get; private init; } = -1;

    public uint SingleChunkFilterMask { get; private init; }

    /// <summary>Fixed array: page bits. Extensible array: max data block page bits.</summary>
    public int PageBits { get; private init; }

    public static DataLayout Parse(ReadOnlySpan<byte> body, Hdf5Context context, long fileOffset, string objectPath, int rank)
    {
        var cursor = new Hdf5Cursor(body, context, fileOffset, objectPath, "data layout message");
        int version = cursor.ReadByte();
        return version switch
        {
            1 or 2 => ParseVersion1Or2(ref cursor, version, rank),
            3 => ParseVersion3(ref cursor, rank),
            4 => ParseVersion4(ref cursor, rank),
            _ => Unsupported(ref cursor, version),
        };
    }

    private static DataLayout Unsupported(ref Hdf5Cursor cursor, int version)
    {
        cursor.Unsupported($"version {version} (known: 1 to 4)");
        return null!;
    }

    private static DataLayout ParseVersion1Or2(ref Hdf5Cursor cursor, int version, int rank)
    {
        int dimensionality = cursor.ReadByte();
        int layoutClass = cursor.ReadByte();
        cursor.Skip(5);
        long address = layoutClass == 0 ? Hdf5Context.UndefinedAddress : cursor.ReadAddress();
        int[] dimensions = new int[dimensionality];
        for (int i = 0; i < dimensionality; i++)
        {
            dimensions[i] = checked((int)cursor.ReadUInt32());
        }

        switch (layoutClass)
        {
            case 0:
            {
                int size = checked((int)cursor.ReadUInt32());
                return new DataLayout { Version = version, Layout = Hdf5Layout.Compact, CompactData = cursor.ReadBytes(size).ToArray() };
            }

            case 1:
            {
                long size = 1;
                foreach (int d in dimensions)
                {
                    size *= d;
                }

                return new DataLayout { Version = version, Layout = Hdf5Layout.Contiguous, Address = address, ContiguousSize = size };
            }

            case 2:
                CheckChunkRank(ref cursor, dimensionality, rank);
                return new DataLayout
                {
                    Version = version,
                    Layout = Hdf5Layout.Chunked,
                    Address = address,
                    ChunkDimensions = dimensions[..^1],
                    ChunkElementSize = dimensions[^1],
                    ChunkIndex = Hdf5ChunkIndexKind.BTreeV1,
                };

            default:
                cursor.Unsupported($"layout class {layoutClass}");
                return null!;
        }
    }

    private static DataLayout ParseVersion3(ref Hdf5Cursor cursor, int rank)
    {
        int layoutClass = cursor.ReadByte();
        switch (layoutClass)
        {
            case 0:
            {
                int size = cursor.ReadUInt16();
                return new DataLayout { Version = 3, Layout = Hdf5Layout.Compact, CompactData = cursor.ReadBytes(size).ToArray() };
            }

            case 1:
                return new DataLayout
                {
                    Version = 3,
                    Layout = Hdf5Layout.Contiguous,
                    Address = cursor.ReadAddress(),
                    ContiguousSize = cursor.ReadLength(),
                };

            case 2:
            {
                int dimensionality = cursor.ReadByte();
                CheckChunkRank(ref cursor, dimensionality, rank);
                long address = cursor.ReadAddress();
                int[] dimensions = new int[dimensionality];
                for (int i = 0; i < dimensionality; i++)
                {
                    dimensions[i] = checked((int)cursor.ReadUInt32());
                }

                return new DataLayout
                {
                    Version = 3,
                    Layout = Hdf5Layout.Chunked,
                    Address = address,
                    ChunkDimensions = CheckChunkDimensions(ref cursor, dimensions[..^1]),
                    ChunkElementSize = dimensions[^1],
                    ChunkIndex = Hdf5ChunkIndexKind.BTreeV1,
                };
            }

            default:
                cursor.Unsupported($"layout class {layoutClass} in version 3 (known: 0 compact, 1 contiguous, 2 chunked)");
                return null!;
        }
    }

    private static DataLayout ParseVersion4(ref Hdf5Cursor cursor, int rank)
    {
        int layoutClass = cursor.ReadByte();
        switch (layoutClass)
        {
            case 0:
            {
                int size = cursor.ReadUInt16();
                return new DataLayout { Version = 4, Layout = Hdf5Layout.Compact, CompactData = cursor.ReadBytes(size).ToArray() };
            }

            case 1:
                return new DataLayout
                {
                    Version = 4,
                    Layout = Hdf5Layout.Contiguous,
                    Address = cursor.ReadAddress(),
                    ContiguousSize = cursor.ReadLength(),
                };

            case 2:
                break;

            case 3:
                return new DataLayout { Version = 4, Layout = Hdf5Layout.Virtual };

            default:
                cursor.Unsupported($"layout class {layoutClass} in version 4");
                return null!;
        }

        int flags = cursor.ReadByte();
        int dimensionality = cursor.ReadByte();
        CheckChunkRank(ref cursor, dimensionality, rank);
        int encodedLength = cursor.ReadByte();
        if (encodedLength is < 1 or > 8)
        {
            cursor.Fail($"chunk dimension encoded in {encodedLength} bytes (1 to 8)");
        }

        int[] dimensions = new int[dimensionality];
        for (int i = 0; i < dimensionality; i++)
        {
            ulong value = cursor.ReadUnsigned(encodedLength);
            if (value > int.MaxValue)
            {
                cursor.Fail($"chunk dimension {value} exceeds 2^31");
            }

            dimensions[i] = (int)value;
        }

        int indexType = cursor.ReadByte();
        long filteredSize = -1;
        uint filterMask = 0;
        int pageBits = 0;
        Hdf5ChunkIndexKind kind;
        switch (indexType)
        {
            case 1:
                kind = Hdf5ChunkIndexKind.SingleChunk;
                if ((flags & 0x02) != 0)
                {
                    filteredSize = cursor.ReadLength();
                    filterMask = cursor.ReadUInt32();
                }

                break;
            case 2:
                kind = Hdf5ChunkIndexKind.Implicit;
                break;
            case 3:
                kind = Hdf5ChunkIndexKind.FixedArray;
                pageBits = cursor.ReadByte();
                break;
            case 4:
                kind = Hdf5ChunkIndexKind.ExtensibleArray;
                cursor.ReadByte(); // max bits
                cursor.ReadByte(); // index elements
                cursor.ReadByte(); // min pointers
                cursor.ReadByte(); // min elements
                pageBits = cursor.ReadByte();
                break;
            case 5:
                kind = Hdf5ChunkIndexKind.BTreeV2;
                cursor.ReadUInt32(); // node size
                cursor.ReadByte(); // split percent
                cursor.ReadByte(); // merge percent
                break;
            default:
                cursor.Unsupported($"chunk index type {indexType} (known: 1 single, 2 implicit, 3 fixed array, 4 extensible array, 5 v2 B-tree)");
                return null!;
        }

        long address = cursor.ReadAddress();
        return new DataLayout
        {
            Version = 4,
            Layout = Hdf5Layout.Chunked,
            Address = address,
            ChunkDimensions = CheckChunkDimensions(ref cursor, dimensions[..^1]),
            ChunkElementSize = dimensions[^1],
            ChunkIndex = kind,
            DontFilterPartialEdgeChunks = (flags & 0x01) != 0,
            SingleChunkFilteredSize = filteredSize,
            SingleChunkFilterMask = filterMask,
            PageBits = pageBits,
        };
    }

    private static void CheckChunkRank(ref Hdf5Cursor cursor, int dimensionality, int rank)
    {
        if (dimensionality != rank + 1)
        {
            cursor.Fail($"chunk dimensionality {dimensionality}; the dataspace of rank {rank} needs {rank + 1}");
        }
    }

    private static int[] CheckChunkDimensions(ref Hdf5Cursor cursor, int[] dimensions)
    {
        long elements = 1;
        foreach (int d in dimensions)
        {
            if (d <= 0)
            {
                cursor.Fail($"chunk dimensions [{string.Join(",", dimensions)}] contain {d}");
            }

            elements *= d;
            if (elements > int.MaxValue)
            {
                cursor.Fail($"chunk dimensions [{string.Join(",", dimensions)}] exceed 2^31 elements");
            }
        }

        return dimensions;
    }
}
