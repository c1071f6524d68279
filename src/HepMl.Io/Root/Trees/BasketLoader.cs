using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using HepMl.Io.Binary;
using HepMl.Io.Compression;
using HepMl.Io.Root.Reading;

namespace HepMl.Io.Root.Trees;

/// <summary>
/// Reads a basket from the file, checks its key against the branch's bookkeeping, decompresses it and extracts the
/// entry offsets stored after the data (ROOT: <c>TBasket::ReadBasketBuffers</c>, <c>TBasket::Streamer</c>).
/// </summary>
internal static class BasketLoader
{
    private const int BasketHeaderSize = 2 + 4 + 4 + 4 + 4 + 1;

    public static LoadedBasket Load(RootFile file, BasketInfo basket, string objectPath) =>
        Load(file, basket, objectPath, default)!;

    /// <summary>
    /// Loads a basket; when <paramref name="directTarget"/> is not empty and the basket is compressed, has no entry
    /// offsets and decompresses to exactly <paramref name="directTarget"/>'s length, its data are decompressed
    /// straight into it (no intermediate buffer, no copy) and null is returned.
    /// </summary>
    public static LoadedBasket? Load(RootFile file, BasketInfo basket, string objectPath, Span<byte> directTarget)
    {
        string where = $"{objectPath} basket {basket.Index}";
        if (basket.Embedded is { } embedded)
        {
            if (embedded.Entries != basket.Entries)
            {
                throw new HepMlFormatException(
                    $"embedded basket {basket.Index} holds {embedded.Entries} entries but the branch expects {basket.Entries}",
                    file.Path, -1, where);
            }

            return new LoadedBasket(basket, embedded.Data, 0, embedded.Data.Length, embedded.EntryOffsets, embedded.KeyLength, pooled: false);
        }

        var context = new DecodeContext(file.Path, where);
        if (basket.Bytes < BasketHeaderSize || basket.Seek <= 0 || basket.Seek > file.Length - basket.Bytes)
        {
            throw context.Error(
                $"basket {basket.Index} ({basket.Bytes} bytes at offset {basket.Seek}) lies outside the {file.Length}-byte file; "
                + "the file is truncated or the branch record is corrupt",
                basket.Seek);
        }

        byte[] raw = ArrayPool<byte>.Shared.Rent(basket.Bytes);
        try
        {
            file.Source.ReadExactly(basket.Seek, raw.AsSpan(0, basket.Bytes));
            var cursor = new RootCursor(raw.AsSpan(0, basket.Bytes), context, basket.Seek, decompressed: false, origin: 0);
            RootKey key = RootKey.Read(ref cursor);
            cursor.ReadVersionHeader();
            cursor.ReadInt32(); // fBufferSize
            cursor.ReadInt32(); // fNevBufSize
            int entries = cursor.ReadInt32();
            int last = cursor.ReadInt32();
            cursor.ReadByte(); // flag
            if (cursor.Position != key.KeyLength)
            {
                throw context.Error($"basket key header is {cursor.Position} bytes but fKeylen says {key.KeyLength}", basket.Seek);
            }

            if (key.TotalBytes != basket.Bytes)
            {
                throw context.Error(
                    $"basket key says it occupies {key.TotalBytes} bytes but the branch records {basket.Bytes}", basket.Seek);
            }

            if (entries != basket.Entries)
            {
                throw context.Error($"basket holds {entries} entries but the branch expects {basket.Entries}", basket.Seek);
            }

            int border = last - key.KeyLength;
            if (border < 0 || border > key.ObjectLength)
            {
                throw context.Error(
                    $"basket data end (fLast {last}) lies outside its {key.ObjectLength}-byte object", basket.Seek);
            }

            byte[] buffer;
            int dataStart;
            bool pooled = true;
            long dataOffset = basket.Seek + key.KeyLength;
            if (key.IsCompressed)
            {
                ReadOnlySpan<byte> stored = raw.AsSpan(key.KeyLength, key.StoredBytes);
                RootFile.CheckDeclaredLength(stored, key.ObjectLength, context, dataOffset);
                if (!directTarget.IsEmpty && border == key.ObjectLength && key.ObjectLength == directTarget.Length)
                {
                    RootDecompressor.Decompress(stored, directTarget, context, dataOffset);
                    return null;
                }

                buffer = ArrayPool<byte>.Shared.Rent(Math.Max(key.ObjectLength, 1));
                try
                {
                    RootDecompressor.Decompress(stored, buffer.AsSpan(0, key.ObjectLength), context, dataOffset);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }

                ArrayPool<byte>.Shared.Return(raw);
                dataStart = 0;
            }
            else
            {
                buffer = raw;
                dataStart = key.KeyLength;
            }

            raw = [];
            int[]? offsets = null;
            try
            {
                if (border != key.ObjectLength)
                {
                    offsets = ReadOffsets(buffer.AsSpan(dataStart, key.ObjectLength), border, entries, key.KeyLength, context, basket.Seek);
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }

            return new LoadedBasket(basket, buffer, dataStart, border, offsets, key.KeyLength, pooled, pooledOffsets: offsets is not null);
        }
        finally
        {
            if (raw.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(raw);
            }
        }
    }

    internal static int[] ReadOffsets(ReadOnlySpan<byte> obj, int border, int entries, int keyLength, DecodeContext context, long offset)
    {
        var cursor = new RootCursor(obj, context, offset, decompressed: true, origin: 0) { Position = border };
        int count = cursor.ReadInt32();
        if (count < entries || count > cursor.Remaining / 4 + 1 || (long)entries * 4 > cursor.Remaining)
        {
            throw cursor.Error($"basket has {entries} entries but {count} entry offsets");
        }

        // One bulk byte swap, then a branch-free pass that rebases on the key and checks the order.
        int[] offsets = ArrayPool<int>.Shared.Rent(entries + 1);
        Span<int> values = offsets.AsSpan(0, entries);
        BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(obj.Slice(cursor.Position, entries * 4)), values);
        int previous = 0;
        bool ordered = true;
        for (int i = 0; i < values.Length; i++)
        {
            int value = values[i] - keyLength;
            values[i] = value;
            ordered &= value >= previous;
            previous = value;
        }

        if (!ordered || previous > border)
        {
            int bad = 0;
            while (bad < entries - 1 && values[bad] >= (bad == 0 ? 0 : values[bad - 1]) && values[bad] <= border)
            {
                bad++;
            }

            int found = values[bad] + keyLength;
            ArrayPool<int>.Shared.Return(offsets);
            throw context.Error(
                $"entry offset {bad} ({found}) lies outside the basket data or goes backwards", offset);
        }

        offsets[entries] = border;
        return offsets;
    }
}
