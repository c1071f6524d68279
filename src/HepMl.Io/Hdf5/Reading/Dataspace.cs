namespace HepMl.Io.Hdf5.Reading;

/// <summary>A decoded dataspace message: kind, current dimensions and maximum dimensions (-1 = unlimited).</summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.b "Dataspace Message" (versions 1 and 2).</remarks>
internal sealed class Dataspace
{
    public const long Unlimited = -1;

    public Dataspace(Hdf5DataspaceKind kind, long[] dimensions, long[] maxDimensions)
    {
        Kind = kind;
        Dimensions = dimensions;
        MaxDimensions = maxDimensions;
        long count = kind == Hdf5DataspaceKind.Null ? 0 : 1;
        foreach (long d in dimensions)
        {
            count = checked(count * d);
        }

        ElementCount = count;
    }

    public Hdf5DataspaceKind Kind { get; }

    public long[] Dimensions { get; }

    public long[] MaxDimensions { get; }

    public long ElementCount { get; }

    public int Rank => Dimensions.Length;

    public static Dataspace Parse(ReadOnlySpan<byte> body, Hdf5Context context, long fileOffset, string objectPath)
    {
        var cursor = new Hdf5Cursor(body, context, fileOffset, objectPath, "dataspace message");
        int version = cursor.ReadByte();
        if (version is not (1 or 2))
        {
            cursor.Unsupported($"version {version} (known: 1, 2)");
        }

        int rank = cursor.ReadByte();
        int flags = cursor.ReadByte();
        if (rank > 32)
        {
            cursor.Fail($"rank {rank} (libhdf5 allows at most 32)");
        }

        Hdf5DataspaceKind kind;
        if (version == 1)
        {
            cursor.Skip(5);
            kind = rank == 0 ? Hdf5DataspaceKind.Scalar : Hdf5DataspaceKind.Simple;
        }
        else
        {
            int type = cursor.ReadByte();
            kind = type switch
            {
                0 => Hdf5DataspaceKind.Scalar,
                1 => Hdf5DataspaceKind.Simple,
                2 => Hdf5DataspaceKind.Null,
                _ => Hdf5DataspaceKind.Null,
            };
            if (type > 2)
            {
                cursor.Fail($"dataspace type {type} (known: 0 scalar, 1 simple, 2 null)");
            }
        }

        long[] dimensions = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            dimensions[i] = cursor.ReadLength();
        }

        long[] maxDimensions = new long[rank];
        if ((flags & 1) != 0)
        {
            for (int i = 0; i < rank; i++)
            {
                ulong value = cursor.ReadUnsigned(context.SizeOfLengths);
                bool unlimited = value == (context.SizeOfLengths == 8 ? ulong.MaxValue : (1UL << (8 * context.SizeOfLengths)) - 1);
                maxDimensions[i] = unlimited ? Unlimited : (long)value;
                if (!unlimited && maxDimensions[i] < dimensions[i])
                {
                    cursor.Fail($"dimension {i} is {dimensions[i]} but its maximum is {maxDimensions[i]}");
                }
            }
        }
        else
        {
            dimensions.CopyTo(maxDimensions, 0);
        }

        if (kind == Hdf5DataspaceKind.Simple && rank == 0)
        {
            cursor.Fail("a simple dataspace of rank 0");
        }

        try
        {
            return new Dataspace(kind, dimensions, maxDimensions);
        }
        catch (OverflowException)
        {
            throw context.Error($"dataspace [{string.Join(",", dimensions)}] has more than 2^63 elements", fileOffset, objectPath);
        }
    }
}
