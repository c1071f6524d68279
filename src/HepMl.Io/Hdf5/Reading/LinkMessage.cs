using System.Text;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>Decodes a link message (hard, soft or external link of a new-style group).</summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.g "Link Message".</remarks>
internal static class LinkMessage
{
    public static Hdf5Link Parse(ReadOnlySpan<byte> body, Hdf5Context context, long fileOffset, string objectPath)
    {
        var cursor = new Hdf5Cursor(body, context, fileOffset, objectPath, "link message");
        int version = cursor.ReadByte();
        if (version != 1)
        {
            cursor.Unsupported($"version {version} (known: 1)");
        }

        int flags = cursor.ReadByte();
        int type = (flags & 0x08) != 0 ? cursor.ReadByte() : 0;
        long creationOrder = (flags & 0x04) != 0 ? (long)cursor.ReadUInt64() : -1;
        if ((flags & 0x10) != 0)
        {
            cursor.ReadByte(); // name character set (ASCII or UTF-8; decoded as UTF-8 either way)
        }

        int nameLength = checked((int)cursor.ReadUnsigned(1 << (flags & 0x03)));
        if (nameLength == 0)
        {
            cursor.Fail("an empty link name");
        }

        string name = Encoding.UTF8.GetString(cursor.ReadBytes(nameLength));
        switch (type)
        {
            case 0:
                return new Hdf5Link(name, Hdf5LinkKind.Hard, cursor.ReadAddress(), null, null, creationOrder);
            case 1:
            {
                int length = cursor.ReadUInt16();
                return new Hdf5Link(name, Hdf5LinkKind.Soft, -1, Encoding.UTF8.GetString(cursor.ReadBytes(length)), null, creationOrder);
            }

            case 64:
            {
                int length = cursor.ReadUInt16();
                ReadOnlySpan<byte> value = cursor.ReadBytes(length);
                if (value.Length < 1 || (value[0] >> 4) != 0)
                {
                    cursor.Fail("an external link value of unknown version");
                }

                ReadOnlySpan<byte> rest = value[1..];
                int split = rest.IndexOf((byte)0);
                if (split < 0)
                {
                    cursor.Fail("an external link without the NUL after its file name");
                }

                string file = Encoding.UTF8.GetString(rest[..split]);
                ReadOnlySpan<byte> pathBytes = rest[(split + 1)..];
                int end = pathBytes.IndexOf((byte)0);
                string path = Encoding.UTF8.GetString(end >= 0 ? pathBytes[..end] : pathBytes);
                return new Hdf5Link(name, Hdf5LinkKind.External, -1, path, file, creationOrder);
            }

            default:
                cursor.Unsupported($"link type {type} (known: 0 hard, 1 soft, 64 external)");
                return null!;
        }
    }
}
