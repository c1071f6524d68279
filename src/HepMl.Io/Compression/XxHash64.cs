using System.Buffers.Binary;
using System.Numerics;

namespace HepMl.Io.Compression;

/// <summary>
/// xxHash64 with seed 0, the checksum ROOT stores before every LZ4 block (ROOT: <c>core/lz4/src/ZipLZ4.cxx</c>;
/// algorithm: https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md).
/// </summary>
internal static class XxHash64
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ulong Hash(ReadOnlySpan<byte> data)
    {
        int length = data.Length;
        int position = 0;
        ulong hash;
        if (length >= 32)
        {
            ulong v1 = unchecked(Prime1 + Prime2);
            ulong v2 = Prime2;
            ulong v3 = 0;
            ulong v4 = unchecked(0 - Prime1);
            int limit = length - 32;
            while (position <= limit)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position, 8)));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position + 8, 8)));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position + 16, 8)));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position + 24, 8)));
                position += 32;
            }

            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                 + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            hash = MergeRound(hash, v1);
            hash = MergeRound(hash, v2);
            hash = MergeRound(hash, v3);
            hash = MergeRound(hash, v4);
        }
        else
        {
            hash = Prime5;
        }

        hash += (ulong)length;
        while (position + 8 <= length)
        {
            ulong k1 = Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position, 8)));
            hash ^= k1;
            hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime4;
            position += 8;
        }

        if (position + 4 <= length)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(position, 4)) * Prime1;
            hash = (BitOperations.RotateLeft(hash, 23) * Prime2) + Prime3;
            position += 4;
        }

        while (position < length)
        {
            hash ^= data[position] * Prime5;
            hash = BitOperations.RotateLeft(hash, 11) * Prime1;
            position++;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }

    private static ulong Round(ulong accumulator, ulong input)
    {
        accumulator += input * Prime2;
        accumulator = BitOperations.RotateLeft(accumulator, 31);
        return accumulator * Prime1;
    }

    private static ulong MergeRound(ulong accumulator, ulong value)
    {
        accumulator ^= Round(0, value);
        return (accumulator * Prime1) + Prime4;
    }
}
