namespace HepMl.Io.Hdf5.Reading;

/// <summary>Decodes attribute messages (versions 1 to 3) and collects an object's compact and dense attributes.</summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.m "Attribute Message" and IV.A.2.v "Attribute Info
/// Message"; dense attributes live in a fractal heap indexed by a type-8 v2 B-tree.</remarks>
internal static class AttributeMessage
{
    public static List<Hdf5Attribute> ReadAll(Hdf5Context context, ObjectHeader header, string path)
    {
        var attributes = new List<Hdf5Attribute>();
        foreach (HeaderMessage message in header.Messages)
        {
            if (message.Type == HeaderMessageType.Attribute)
            {
                if (message.IsShared)
                {
                    throw new UnsupportedFormatException("shared attribute messages are not supported", context.FilePath, message.FileOffset, path);
                }

                attributes.Add(Parse(message.Body, context, message.FileOffset, path, message.CreationOrder));
            }
        }

        bool tracked = false;
        if (header.Find(HeaderMessageType.AttributeInfo) is HeaderMessage info)
        {
            var cursor = new Hdf5Cursor(info.Body.Span, context, info.FileOffset, path, "attribute info message");
            int version = cursor.ReadByte();
            if (version != 0)
            {
                cursor.Unsupported($"version {version} (known: 0)");
            }

            int flags = cursor.ReadByte();
            tracked = (flags & 0x01) != 0;
            if (tracked)
            {
                cursor.ReadUInt16(); // maximum creation index
            }

            long heapAddress = cursor.ReadAddress();
            long nameIndex = cursor.ReadAddress();
            if (heapAddress != Hdf5Context.UndefinedAddress)
            {
                FractalHeap heap = FractalHeap.Read(context, heapAddress, path);
                BTreeV2 tree = BTreeV2.Read(context, nameIndex, path);
                if (tree.Type != 8)
                {
                    throw context.Error($"dense attribute name index has record type {tree.Type}; expected 8", context.FileOffset(nameIndex), path);
                }

                foreach (BTreeV2.Record record in tree.Records())
                {
                    // Type 8 record: 8-byte heap ID, message flags, 4-byte creation order, 4-byte name hash.
                    ReadOnlySpan<byte> bytes = record.Bytes.Span;
                    if ((bytes[8] & 0x02) != 0)
                    {
                        throw new UnsupportedFormatException("shared dense attributes are not supported", context.FilePath, record.FileOffset, path);
                    }

                    int order = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[9..]);
                    byte[] message = heap.GetObject(bytes[..8]);
                    attributes.Add(Parse(message, context, record.FileOffset, path, order));
                }
            }
        }

        tracked |= header.TracksAttributeCreationOrder;
        attributes.Sort(tracked
            ? (a, b) => a.CreationOrder != b.CreationOrder ? a.CreationOrder.CompareTo(b.CreationOrder) : string.CompareOrdinal(a.Name, b.Name)
            : (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return attributes;
    }

    private static Hdf5Attribute Parse(ReadOnlyMemory<byte> body, Hdf5Context context, long fileOffset, string path, long creationOrder)
    {
        var cursor = new Hdf5Cursor(body.Span, context, fileOffset, path, "attribute message");
        int version = cursor.ReadByte();
        if (version is < 1 or > 3)
        {
            cursor.Unsupported($"version {version} (known: 1 to 3)");
        }

        int flags = cursor.ReadByte();
        if (version >= 2 && (flags & 0x03) != 0)
        {
            cursor.Unsupported("attributes with a shared (committed) datatype or dataspace");
        }

        int nameSize = cursor.ReadUInt16();
        int typeSize = cursor.ReadUInt16();
        int spaceSize = cursor.ReadUInt16();
        if (version == 3)
        {
            cursor.ReadByte(); // name character set
        }

        int nameStart = cursor.Position;
        ReadOnlySpan<byte> nameBytes = cursor.ReadBytes(nameSize);
        int nul = nameBytes.IndexOf((byte)0);
        string name = DatatypeMessage.Decode(nul >= 0 ? nameBytes[..nul] : nameBytes);
        if (version == 1)
        {
            cursor.Position = nameStart + Pad8(nameSize);
        }

        string attributePath = path.TrimEnd('/') + "@" + name;
        int typeStart = cursor.Position;
        var typeCursor = new Hdf5Cursor(body.Span.Slice(typeStart, typeSize), context, fileOffset + typeStart, attributePath, "attribute datatype");
        Hdf5DataType type = DatatypeMessage.Parse(ref typeCursor);
        cursor.Position = typeStart + (version == 1 ? Pad8(typeSize) : typeSize);
        int spaceStart = cursor.Position;
        Dataspace space = Dataspace.Parse(body.Span.Slice(spaceStart, spaceSize), context, fileOffset + spaceStart, attributePath);
        cursor.Position = spaceStart + (version == 1 ? Pad8(spaceSize) : spaceSize);
        long dataSize = space.ElementCount * type.Size;
        if (dataSize > cursor.Remaining)
        {
            cursor.Fail($"attribute '{name}' needs {dataSize} bytes of data ({space.ElementCount} × {type.Size}) but the message has {cursor.Remaining} left");
        }

        byte[] data = cursor.ReadBytes((int)dataSize).ToArray();
        var reader = new ValueReader(context, attributePath, type, space, new MemoryRows(data, space, type.Size));
        return new Hdf5Attribute(name, reader, creationOrder);
    }

    private static int Pad8(int size) => (size + 7) / 8 * 8;
}
