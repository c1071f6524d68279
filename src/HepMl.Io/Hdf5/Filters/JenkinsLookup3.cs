using System.Buffers.Binary;
using System.Numerics;

namespace HepMl.Io.Hdf5.Filters;

/// <summary>
/// Bob Jenkins' lookup3 <c>hashlittle</c> with an initial value of 0: the checksum of every HDF5 metadata
/// structure from format 2 on (superblock v2/v3, object header v2, B-tree v2, heaps, chunk indexes).
/// </summary>
/// <remarks>Spec: "All checksums used in the format are computed with the Jenkins' lookup3 algorithm"
/// (HDF5 File Format Specification 3.0, section I.A; libhdf5 <c>H5_checksum_lookup3</c>).</remarks>
internal static class JenkinsLookup3
{
    public static uint Hash(ReadOnlySpan<byte> key, uint initialValue = 0)
    {
        uint a, b, c;
        a = b = c = 0xdeadbeef + (uint)key.Length + initialValue;
        int length = key.Length;
        int p = 0;
        while (length > 12)
        {
            a += BinaryPrimitives.ReadUInt32LittleEndian(key[p..]);
            b += BinaryPrimitives.ReadUInt32LittleEndian(key[(p + 4)..]);
            c += BinaryPrimitives.ReadUInt32LittleEndian(key[(p + 8)..]);
            Mix(ref a, ref b, ref c);
            length -= 12;
            p += 12;
        }

        if (length == 0)
        {
            return c;
        }

        // The last 1..12 bytes, added byte by byte in little-endian significance.
        ReadOnlySpan<byte> tail = key.Slice(p, length);
        for (int i = 0; i < length; i++)
        {
            uint value = (uint)tail[i] << (8 * (i & 3));
            switch (i >> 2)
            {
                case 0: a += value; break;
                case 1: b += value; break;
                default: c += value; break;
            }
        }

        Final(ref a, ref b, ref c);
        return c;
    }

    private static void Mix(ref uint a, ref uint b, ref uint c)
    {
        a -= c; a ^= BitOperations.RotateLeft(c, 4); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 6); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 8); b += a;
        a -= c; a ^= BitOperations.RotateLeft(c, 16); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 19); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 4); b += a;
    }

    private static void Final(ref uint a, ref uint b, ref uint c)
    {
        c ^= b; c -= BitOperations.RotateLeft(b, 14);
        a ^= c; a -= BitOperations.RotateLeft(c, 11);
        b ^= a; b -= BitOperations.RotateLeft(a, 25);
        c ^= b; c -= BitOperations.RotateLeft(b, 16);
        a ^= c; a -= BitOperations.RotateLeft(c, 4);
        b ^= a; b -= BitOperations.RotateLeft(a, 14);
        c ^= b; c -= BitOperations.RotateLeft(b, 24);
    }
}
