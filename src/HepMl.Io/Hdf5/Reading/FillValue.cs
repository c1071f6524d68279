namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// The fill value of a dataset: the bytes of one element returned where nothing was written (null = all zeros),
/// whether it was user-defined, and the storage allocation time.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.e "Fill Value (old)" and IV.A.2.f "Fill Value"
/// (versions 1 to 3).</remarks>
internal sealed class FillValue
{
    public static readonly FillValue Default = new(null, false, 0);

    public FillValue(byte[]? bytes, bool userDefined, int allocationTime)
    {
        Bytes = bytes;
        IsUserDefined = userDefined;
        AllocationTime = allocationTime;
    }

    /// <summary>The raw element, or null for zeros.</summary>
    public byte[]? Bytes { get; }

    public bool IsUserDefined { get; }

    /// <summary>1 early, 2 late, 3 incremental (0 when not stated).</summary>
    public int AllocationTime { get; }

    public static FillValue ParseNew(ReadOnlySpan<byte> body, Hdf5Context context, long fileOffset, string objectPath)
    {
        var cursor = new Hdf5Cursor(body, context, fileOffset, objectPath, "fill value message");
        int version = cursor.ReadByte();
        switch (version)
        {
            case 1:
            case 2:
            {
                int allocation = cursor.ReadByte();
                cursor.ReadByte(); // write time
                int defined = cursor.ReadByte();
                if (version == 1 || defined != 0)
                {
                    if (cursor.Remaining == 0 && version == 2)
                    {
                        return new FillValue(null, defined == 2, allocation);
                    }

                    int size = checked((int)cursor.ReadUInt32());
                    byte[]? bytes = size > 0 ? cursor.ReadBytes(size).ToArray() : null;
                    return new FillValue(bytes, defined == 2, allocation);
                }

                return new FillValue(null, false, allocation);
            }

            case 3:
            {
                int flags = cursor.ReadByte();
                int allocation = flags & 0x03;
                bool undefined = (flags & 0x10) != 0;
                bool defined = (flags & 0x20) != 0;
                if (undefined && defined)
                {
                    cursor.Fail("fill value flagged both undefined and defined");
                }

                if (defined)
                {
                    int size = checked((int)cursor.ReadUInt32());
                    byte[]? bytes = size > 0 ? cursor.ReadBytes(size).ToArray() : null;
                    return new FillValue(bytes, true, allocation);
                }

                return new FillValue(null, false, allocation);
            }

            default:
                cursor.Unsupported($"version {version} (known: 1 to 3)");
                return Default;
        }
    }

    public static FillValue ParseOld(ReadOnlySpan<byte> body, Hdf5Context context, long fileOffset, string objectPath)
    {
        var cursor = new Hdf5Cursor(body, context, fileOffset, objectPath, "old fill value message");
        int size = checked((int)cursor.ReadUInt32());
        byte[]? bytes = size > 0 ? cursor.ReadBytes(size).ToArray() : null;
        return new FillValue(bytes, bytes is not null, 0);
    }
}
