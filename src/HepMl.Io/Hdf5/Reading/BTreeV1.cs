namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Version 1 B-trees ("TREE"): type 0 indexes the symbol table nodes of an old-style group, type 1 the chunks of
/// a dataset (keys: chunk size, filter mask and chunk offsets). Nodes are read level by level from the root.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.A.1 "Disk Format: Level 1A1 - Version 1 B-trees".</remarks>
internal static class BTreeV1
{
    /// <summary>The addresses of all symbol table nodes of a group B-tree, in key (name) order.</summary>
    public static List<long> ReadGroupLeaves(Hdf5Context context, long address, string objectPath)
    {
        var leaves = new List<long>();
        Visit(context, address, 0, -1, context.SizeOfLengths, objectPath, 0, (ReadOnlySpan<byte> _, long child, long _) => leaves.Add(child));
        return leaves;
    }

    /// <summary>All chunk entries of a chunk B-tree for a dataset of rank <paramref name="rank"/>.</summary>
    public static List<ChunkRecord> ReadChunks(Hdf5Context context, long address, int rank, string objectPath)
    {
        var chunks = new List<ChunkRecord>();
        int keySize = 8 + (8 * (rank + 1));
        Visit(context, address, 1, -1, keySize, objectPath, 0, (ReadOnlySpan<byte> key, long child, long keyOffset) =>
        {
            var cursor = new Hdf5Cursor(key, context, keyOffset, objectPath, "v1 B-tree chunk key");
            uint size = cursor.ReadUInt32();
            uint mask = cursor.ReadUInt32();
            long[] offsets = new long[rank];
            for (int d = 0; d < rank; d++)
            {
                offsets[d] = (long)cursor.ReadUInt64();
            }

            if (cursor.ReadUInt64() != 0)
            {
                cursor.Fail("the chunk key's element-size offset is not 0");
            }

            chunks.Add(new ChunkRecord(offsets, child, size, mask));
        });
        return chunks;
    }

    private delegate void LeafEntry(ReadOnlySpan<byte> key, long child, long keyFileOffset);

    private static void Visit(Hdf5Context context, long address, int type, int expectedLevel, int keySize, string objectPath, int depth, LeafEntry onLeaf)
    {
        if (depth > 64)
        {
            throw context.Error("v1 B-tree: deeper than 64 levels (a cycle?)", context.FileOffset(address), objectPath);
        }

        int headerLength = 8 + (2 * context.SizeOfOffsets);
        byte[] header = context.ReadMetadata(address, headerLength, objectPath, "v1 B-tree node");
        var cursor = new Hdf5Cursor(header, context, context.FileOffset(address), objectPath, "v1 B-tree node");
        cursor.ExpectSignature("TREE"u8);
        int nodeType = cursor.ReadByte();
        int level = cursor.ReadByte();
        int entries = cursor.ReadUInt16();
        if (nodeType != type)
        {
            cursor.Fail($"node type {nodeType}, expected {type} ({(type == 0 ? "group" : "chunk")} nodes)");
        }

        if (expectedLevel >= 0 && level != expectedLevel)
        {
            cursor.Fail($"node level {level}, expected {expectedLevel}");
        }

        int maxEntries = 2 * (type == 0 ? context.GroupInternalNodeK : context.IndexedStorageK);
        if (entries > maxEntries && entries > 4096)
        {
            cursor.Fail($"{entries} entries (at most {maxEntries})");
        }

        long bodyLength = (entries * (long)(keySize + context.SizeOfOffsets)) + keySize;
        byte[] body = context.ReadMetadata(address + headerLength, bodyLength, objectPath, "v1 B-tree node entries");
        long bodyOffset = context.FileOffset(address + headerLength);
        var entryCursor = new Hdf5Cursor(body, context, bodyOffset, objectPath, "v1 B-tree node entries");
        var children = new (int KeyStart, long Child)[entries];
        for (int i = 0; i < entries; i++)
        {
            int keyStart = entryCursor.Position;
            entryCursor.Skip(keySize);
            children[i] = (keyStart, entryCursor.ReadAddress());
        }

        foreach ((int keyStart, long child) in children)
        {
            if (level == 0)
            {
                onLeaf(body.AsSpan(keyStart, keySize), child, bodyOffset + keyStart);
            }
            else
            {
                Visit(context, child, type, level - 1, keySize, objectPath, depth + 1, onLeaf);
            }
        }
    }
}
