namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Reads the links of a group from its object header: old-style symbol tables (v1 B-tree, symbol table nodes,
/// local heap), new-style compact link messages, or dense links (fractal heap + v2 B-tree of names).
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.B/C (symbol tables), IV.A.2.c (link info),
/// IV.A.2.g (link), IV.A.2.r (symbol table message).</remarks>
internal static class GroupLinks
{
    public static (List<Hdf5Link> Links, Hdf5GroupStorage Storage, bool TracksCreationOrder) Read(Hdf5Context context, ObjectHeader header, string path)
    {
        if (header.Find(HeaderMessageType.SymbolTable) is HeaderMessage symbolTable)
        {
            return (ReadSymbolTable(context, symbolTable, path), Hdf5GroupStorage.SymbolTable, false);
        }

        var links = new List<Hdf5Link>();
        bool tracksOrder = false;
        Hdf5GroupStorage storage = Hdf5GroupStorage.Compact;
        if (header.Find(HeaderMessageType.LinkInfo) is HeaderMessage info)
        {
            var cursor = new Hdf5Cursor(info.Body.Span, context, info.FileOffset, path, "link info message");
            int version = cursor.ReadByte();
            if (version != 0)
            {
                cursor.Unsupported($"version {version} (known: 0)");
            }

            int flags = cursor.ReadByte();
            tracksOrder = (flags & 0x01) != 0;
            if (tracksOrder)
            {
                cursor.ReadUInt64(); // maximum creation index
            }

            long heapAddress = cursor.ReadAddress();
            long nameIndex = cursor.ReadAddress();
            if (heapAddress != Hdf5Context.UndefinedAddress)
            {
                storage = Hdf5GroupStorage.Dense;
                links.AddRange(ReadDense(context, heapAddress, nameIndex, path));
            }
        }

        foreach (HeaderMessage message in header.Messages)
        {
            if (message.Type == HeaderMessageType.Link)
            {
                links.Add(LinkMessage.Parse(message.Body.Span, context, message.FileOffset, path));
            }
        }

        CheckUnique(context, links, path);
        return (links, storage, tracksOrder);
    }

    private static List<Hdf5Link> ReadDense(Hdf5Context context, long heapAddress, long nameIndex, string path)
    {
        FractalHeap heap = FractalHeap.Read(context, heapAddress, path);
        BTreeV2 tree = BTreeV2.Read(context, nameIndex, path);
        if (tree.Type != 5)
        {
            throw context.Error($"dense link name index has record type {tree.Type}; expected 5", context.FileOffset(nameIndex), path);
        }

        var links = new List<Hdf5Link>();
        foreach (BTreeV2.Record record in tree.Records())
        {
            // Type 5 record: 4-byte name hash, then the heap ID (the rest of the record).
            byte[] message = heap.GetObject(record.Bytes.Span[4..]);
            links.Add(LinkMessage.Parse(message, context, record.FileOffset, path));
        }

        return links;
    }

    private static List<Hdf5Link> ReadSymbolTable(Hdf5Context context, HeaderMessage message, string path)
    {
        var cursor = new Hdf5Cursor(message.Body.Span, context, message.FileOffset, path, "symbol table message");
        long treeAddress = cursor.ReadAddress();
        long heapAddress = cursor.ReadAddress();
        LocalHeap heap = LocalHeap.Read(context, heapAddress, path);
        var links = new List<Hdf5Link>();
        int entrySize = (2 * context.SizeOfOffsets) + 4 + 4 + 16;
        foreach (long node in BTreeV1.ReadGroupLeaves(context, treeAddress, path))
        {
            byte[] head = context.ReadMetadata(node, 8, path, "symbol table node");
            var nodeCursor = new Hdf5Cursor(head, context, context.FileOffset(node), path, "symbol table node");
            nodeCursor.ExpectSignature("SNOD"u8);
            int version = nodeCursor.ReadByte();
            if (version != 1)
            {
                nodeCursor.Unsupported($"version {version} (known: 1)");
            }

            nodeCursor.Skip(1);
            int count = nodeCursor.ReadUInt16();
            if (count > 2 * context.GroupLeafNodeK && count > 1024)
            {
                nodeCursor.Fail($"{count} symbols (at most {2 * context.GroupLeafNodeK})");
            }

            byte[] entries = context.ReadMetadata(node + 8, (long)count * entrySize, path, "symbol table entries");
            var entryCursor = new Hdf5Cursor(entries, context, context.FileOffset(node + 8), path, "symbol table entry");
            for (int i = 0; i < count; i++)
            {
                long nameOffset = entryCursor.ReadLength();
                long address = entryCursor.ReadAddress();
                uint cacheType = entryCursor.ReadUInt32();
                entryCursor.Skip(4);
                ReadOnlySpan<byte> scratch = entryCursor.ReadBytes(16);
                string name = heap.GetString(nameOffset);
                if (cacheType == 2)
                {
                    uint valueOffset = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(scratch);
                    links.Add(new Hdf5Link(name, Hdf5LinkKind.Soft, -1, heap.GetString(valueOffset), null, -1));
                }
                else
                {
                    links.Add(new Hdf5Link(name, Hdf5LinkKind.Hard, address, null, null, -1));
                }
            }
        }

        CheckUnique(context, links, path);
        return links;
    }

    private static void CheckUnique(Hdf5Context context, List<Hdf5Link> links, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Hdf5Link link in links)
        {
            if (!seen.Add(link.Name))
            {
                throw context.Error($"the group lists '{link.Name}' twice", -1, path);
            }
        }
    }
}
