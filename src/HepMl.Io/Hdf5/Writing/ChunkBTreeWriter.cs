namespace HepMl.Io.Hdf5.Writing;

/// <summary>
/// Writes the version 1 B-tree (type 1) indexing a chunked dataset: full-size nodes of 2K = 64 entries (libhdf5
/// reads whole nodes of the default indexed-storage K = 32), siblings linked, and the right-most key one chunk past
/// the last chunk, as libhdf5 (H5D__btree_new_node) does.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.A.1 "Version 1 B-trees".</remarks>
internal static class ChunkBTreeWriter
{
    public const int K = 32;

    /// <summary>Writes the tree through <paramref name="append"/> and returns the root address.</summary>
    public static long Write(IReadOnlyList<WrittenChunk> chunks, int[] chunkShape, Func<byte[], long> append, Func<long> position)
    {
        int rank = chunkShape.Length;
        int keySize = 8 + (8 * (rank + 1));
        int nodeSize = 8 + 16 + (2 * K * 8) + (((2 * K) + 1) * keySize);
        var sorted = chunks.OrderBy(c => c.Offset, OffsetComparer.Instance).ToList();

        // Level 0 entries: one per chunk, key = the chunk; the level's right key lies one chunk past the last.
        var entries = sorted.Select(c => (Key: Key(c.Offset, c.Size, c.FilterMask), Child: c.Address)).ToList();
        byte[] rightKey = Key(sorted.Count == 0 ? new long[rank] : sorted[^1].Offset.Select((o, d) => o + chunkShape[d]).ToArray(), 0, 0);
        int level = 0;
        while (true)
        {
            int nodes = Math.Max(1, (entries.Count + (2 * K) - 1) / (2 * K));
            long first = position();
            var parents = new List<(byte[] Key, long Child)>(nodes);
            for (int n = 0; n < nodes; n++)
            {
                int from = n * 2 * K;
                int count = Math.Min(2 * K, entries.Count - from);
                var node = new MetadataBuffer();
                node.Ascii("TREE");
                node.Byte(1);
                node.Byte(level);
                node.UInt16(count);
                node.Address(n == 0 ? MetadataBuffer.UndefinedAddress : first + ((long)(n - 1) * nodeSize));
                node.Address(n == nodes - 1 ? MetadataBuffer.UndefinedAddress : first + ((long)(n + 1) * nodeSize));
                for (int i = 0; i < count; i++)
                {
                    node.Bytes(entries[from + i].Key);
                    node.Address(entries[from + i].Child);
                }

                node.Bytes(from + count < entries.Count ? entries[from + count].Key : rightKey);
                node.Zeros(nodeSize - node.Length);
                long address = append(node.ToArray());
                parents.Add((count > 0 ? entries[from].Key : rightKey, address));
            }

            if (nodes == 1)
            {
                return parents[0].Child;
            }

            entries = parents;
            level++;
        }
    }

    private static byte[] Key(long[] offset, int size, uint mask)
    {
        var key = new MetadataBuffer();
        key.UInt32(size);
        key.UInt32(mask);
        foreach (long o in offset)
        {
            key.UInt64((ulong)o);
        }

        key.UInt64(0);
        return key.ToArray();
    }

    private sealed class OffsetComparer : IComparer<long[]>
    {
        public static readonly OffsetComparer Instance = new();

        public int Compare(long[]? x, long[]? y)
        {
            for (int i = 0; i < x!.Length; i++)
            {
                int c = x[i].CompareTo(y![i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
