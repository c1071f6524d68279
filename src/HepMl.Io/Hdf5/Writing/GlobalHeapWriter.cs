using System.Text;

namespace HepMl.Io.Hdf5.Writing;

/// <summary>
/// Builds global heap collections ("GCOL" version 1) for variable-length strings: objects of up to 65535 per
/// collection, each padded to 8 bytes, collections at least 4096 bytes (libhdf5's minimum collection size) with the
/// rest described by free-space object 0.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, III.E "Global Heap".</remarks>
internal static class GlobalHeapWriter
{
    private const int MinimumCollectionSize = 4096;
    private const int MaximumCollectionBytes = 1 << 22;
    private const int MaximumObjects = 65535;

    /// <summary>Encodes strings as 16-byte variable-length references into heap collections written via <paramref name="append"/>.</summary>
    public static byte[] WriteStrings(IReadOnlyList<string> values, Func<byte[], long> append)
    {
        var objects = new (byte[] Bytes, int Length)[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(values[i], $"values[{i}]");
            byte[] encoded = Encoding.UTF8.GetBytes(values[i]);
            objects[i] = (encoded, encoded.Length);
        }

        return WriteObjects(objects, append);
    }

    /// <summary>
    /// Stores objects in heap collections written through <paramref name="append"/> and returns their 16-byte
    /// variable-length references (length field, collection address, object index); the length field is the string
    /// length in bytes or the sequence length in elements.
    /// </summary>
    public static byte[] WriteObjects(IReadOnlyList<(byte[] Bytes, int Length)> objects, Func<byte[], long> append)
    {
        byte[] references = new byte[objects.Count * 16];
        var pending = new List<int>();
        int bytes = 0;
        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var collection = new MetadataBuffer();
            collection.Ascii("GCOL");
            collection.Byte(1);
            collection.Zeros(3);
            int sizeAt = collection.Length;
            collection.Length8(0);
            for (int i = 0; i < pending.Count; i++)
            {
                byte[] data = objects[pending[i]].Bytes;
                collection.UInt16(i + 1);
                collection.UInt16(1); // reference count
                collection.Zeros(4);
                collection.Length8(data.Length);
                collection.Bytes(data);
                collection.Align(8);
            }

            int used = collection.Length;
            int total = Math.Max(MinimumCollectionSize, used);
            if (total - used >= 16)
            {
                collection.UInt16(0);
                collection.Zeros(6);
                collection.Length8(total - used);
            }

            collection.Zeros(total - collection.Length);
            byte[] block = collection.ToArray();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(block.AsSpan(sizeAt), (ulong)block.Length);
            long address = append(block);
            for (int i = 0; i < pending.Count; i++)
            {
                Span<byte> reference = references.AsSpan(pending[i] * 16, 16);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(reference, (uint)objects[pending[i]].Length);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(reference[4..], (ulong)address);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(reference[12..], (uint)(i + 1));
            }

            pending.Clear();
            bytes = 0;
        }

        for (int i = 0; i < objects.Count; i++)
        {
            int size = objects[i].Bytes.Length;
            if (pending.Count == MaximumObjects || bytes + size + 16 > MaximumCollectionBytes)
            {
                Flush();
            }

            pending.Add(i);
            bytes += ((size + 7) / 8 * 8) + 16;
        }

        Flush();
        return references;
    }
}
