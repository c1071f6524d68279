namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// The superblock (versions 0 to 3): located by the signature at 0, 512, 1024, ...; gives the base address, the
/// sizes of offsets and lengths, the B-tree K values and the root group.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, II.A "Format Signature and Superblock".</remarks>
internal sealed class Superblock
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    public int Version { get; private init; }

    /// <summary>Absolute file offset of the signature (the user block size).</summary>
    public long Location { get; private init; }

    public long EndOfFileAddress { get; private init; }

    /// <summary>Object header address of the root group.</summary>
    public long RootObjectHeaderAddress { get; private init; }

    /// <summary>Superblock extension address (versions 2, 3), or undefined.</summary>
    public long ExtensionAddress { get; private init; } = Hdf5Context.UndefinedAddress;

    public static Superblock Read(Hdf5Context context)
    {
        Hdf5Source source = context.Source;
        long location = FindSignature(source);
        byte[] head = context.ReadMetadataUpTo(location, 256, null, "superblock");
        // The cursor addresses are absolute here (base address not known yet).
        var cursor = new Hdf5Cursor(head, context, location, null, "superblock");
        cursor.Skip(8);
        int version = cursor.ReadByte();
        return version switch
        {
            0 or 1 => ReadVersion0Or1(context, ref cursor, version, location),
            2 or 3 => ReadVersion2Or3(context, ref cursor, version, location, head),
            _ => throw new UnsupportedFormatException(
                $"superblock version {version} is not supported (known: 0 to 3)", source.FilePath, location + 8, null),
        };
    }

    private static long FindSignature(Hdf5Source source)
    {
        Span<byte> probe = stackalloc byte[8];
        for (long at = 0; at + 8 <= source.Length; at = at == 0 ? 512 : at * 2)
        {
            source.Read(at, probe, null, "format signature");
            if (probe.SequenceEqual(Signature))
            {
                return at;
            }
        }

        throw new HepMlFormatException(
            "not an HDF5 file: the signature \\211HDF\\r\\n\\032\\n was not found at offset 0, 512, 1024, ...",
            source.FilePath, 0, null);
    }

    private static Superblock ReadVersion0Or1(Hdf5Context context, ref Hdf5Cursor cursor, int version, long location)
    {
        int freeSpaceVersion = cursor.ReadByte();
        int rootEntryVersion = cursor.ReadByte();
        cursor.Skip(1);
        int sharedHeaderVersion = cursor.ReadByte();
        if (freeSpaceVersion != 0 || rootEntryVersion != 0 || sharedHeaderVersion != 0)
        {
            cursor.Unsupported(
                $"free-space version {freeSpaceVersion}, root entry version {rootEntryVersion}, shared header version {sharedHeaderVersion} (only 0 is defined)");
        }

        ReadSizes(context, ref cursor);
        cursor.Skip(1);
        context.GroupLeafNodeK = cursor.ReadUInt16();
        context.GroupInternalNodeK = cursor.ReadUInt16();
        if (context.GroupLeafNodeK == 0 || context.GroupInternalNodeK == 0)
        {
            cursor.Fail("group B-tree K values must be positive");
        }

        cursor.Skip(4); // file consistency flags
        if (version == 1)
        {
            context.IndexedStorageK = cursor.ReadUInt16();
            if (context.IndexedStorageK == 0)
            {
                cursor.Fail("indexed storage K must be positive");
            }

            cursor.Skip(2);
        }

        long baseAddress = cursor.ReadAddress();
        cursor.ReadAddress(); // free-space info (unused)
        long endOfFile = cursor.ReadAddress();
        long driverInfo = cursor.ReadAddress();
        if (driverInfo != Hdf5Context.UndefinedAddress)
        {
            cursor.Unsupported("a driver information block (multi/family file drivers) is not supported");
        }

        // Root group symbol table entry: link name offset, object header address, cache type, reserved, scratch.
        cursor.ReadAddress();
        long rootHeader = cursor.ReadAddress();
        SetBase(context, ref cursor, baseAddress, location, endOfFile);
        return new Superblock
        {
            Version = version,
            Location = location,
            EndOfFileAddress = endOfFile,
            RootObjectHeaderAddress = rootHeader,
        };
    }

    private static Superblock ReadVersion2Or3(Hdf5Context context, ref Hdf5Cursor cursor, int version, long location, byte[] head)
    {
        ReadSizes(context, ref cursor);
        cursor.Skip(1); // file consistency flags
        long baseAddress = cursor.ReadAddress();
        long extension = cursor.ReadAddress();
        long endOfFile = cursor.ReadAddress();
        long rootHeader = cursor.ReadAddress();
        int checksumAt = cursor.Position;
        cursor.Skip(4);
        context.VerifyChecksum(head.AsSpan(0, checksumAt + 4), location, null, $"superblock v{version}");
        SetBase(context, ref cursor, baseAddress, location, endOfFile);
        return new Superblock
        {
            Version = version,
            Location = location,
            EndOfFileAddress = endOfFile,
            RootObjectHeaderAddress = rootHeader,
            ExtensionAddress = extension,
        };
    }

    private static void ReadSizes(Hdf5Context context, ref Hdf5Cursor cursor)
    {
        int offsets = cursor.ReadByte();
        int lengths = cursor.ReadByte();
        if (offsets is not (2 or 4 or 8) || lengths is not (2 or 4 or 8))
        {
            cursor.Unsupported($"size of offsets {offsets} and of lengths {lengths} (supported: 2, 4, 8)");
        }

        context.SizeOfOffsets = offsets;
        context.SizeOfLengths = lengths;
    }

    private static void SetBase(Hdf5Context context, ref Hdf5Cursor cursor, long baseAddress, long location, long endOfFile)
    {
        if (baseAddress == Hdf5Context.UndefinedAddress || baseAddress < 0 || baseAddress > context.Source.Length)
        {
            cursor.Fail($"base address {baseAddress} lies outside the file");
        }

        // libhdf5 writes the signature location as the base address when a user block precedes the superblock.
        context.BaseAddress = baseAddress == 0 ? 0 : baseAddress;
        if (baseAddress != location && baseAddress != 0)
        {
            cursor.Unsupported($"base address {baseAddress} differs from the superblock location {location}");
        }

        // libhdf5 (H5F__super_read) fails when the real size is below the stored end-of-file address.
        if (endOfFile == Hdf5Context.UndefinedAddress || endOfFile > context.Source.Length)
        {
            throw context.Error(
                $"truncated file: the superblock declares an end of file at {endOfFile} bytes but the file has {context.Source.Length}",
                context.Source.Length, null);
        }
    }
}
