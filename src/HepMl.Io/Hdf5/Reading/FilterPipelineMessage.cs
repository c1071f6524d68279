namespace HepMl.Io.Hdf5.Reading;

/// <summary>Decodes a filter pipeline message (versions 1 and 2).</summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.l "Data Storage - Filter Pipeline Message".</remarks>
internal static class FilterPipelineMessage
{
    public static IReadOnlyList<Hdf5Filter> Parse(ReadOnlySpan<byte> body, Hdf5Context context, long fileOffset, string objectPath)
    {
        var cursor = new Hdf5Cursor(body, context, fileOffset, objectPath, "filter pipeline message");
        int version = cursor.ReadByte();
        if (version is not (1 or 2))
        {
            cursor.Unsupported($"version {version} (known: 1, 2)");
        }

        int count = cursor.ReadByte();
        if (count > 32)
        {
            cursor.Fail($"{count} filters (libhdf5 allows 32)");
        }

        if (version == 1)
        {
            cursor.Skip(6);
        }

        var filters = new List<Hdf5Filter>(count);
        for (int i = 0; i < count; i++)
        {
            int id = cursor.ReadUInt16();
            int nameLength = version == 1 || id >= 256 ? cursor.ReadUInt16() : 0;
            int flags = cursor.ReadUInt16();
            int valueCount = cursor.ReadUInt16();
            string name = WellKnownName(id);
            if (nameLength > 0)
            {
                int start = cursor.Position;
                ReadOnlySpan<byte> raw = cursor.ReadBytes(nameLength);
                int end = raw.IndexOf((byte)0);
                name = DatatypeMessage.Decode(end >= 0 ? raw[..end] : raw);
                if (version == 1)
                {
                    cursor.Position = start + ((nameLength + 7) / 8 * 8);
                }
            }

            uint[] values = new uint[valueCount];
            for (int v = 0; v < valueCount; v++)
            {
                values[v] = cursor.ReadUInt32();
            }

            if (version == 1 && valueCount % 2 == 1)
            {
                cursor.Skip(4);
            }

            filters.Add(new Hdf5Filter(id, name, flags, values));
        }

        return filters;
    }

    private static string WellKnownName(int id) => id switch
    {
        Hdf5Filter.Deflate => "deflate",
        Hdf5Filter.Shuffle => "shuffle",
        Hdf5Filter.Fletcher32 => "fletcher32",
        Hdf5Filter.Szip => "szip",
        5 => "nbit",
        6 => "scaleoffset",
        Hdf5Filter.Lzf => "lzf",
        _ => $"filter {id}",
    };
}
