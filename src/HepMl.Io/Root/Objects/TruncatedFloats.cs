using HepMl.Io.Binary;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Objects;

/// <summary>
/// Decoding of Double32_t and Float16_t (ROOT: <c>TBufferFile::ReadWithFactor</c>, <c>ReadWithNbits</c>; uproot:
/// <c>AsDouble32</c>/<c>AsFloat16</c>). Scaled values are <c>low + raw * (high - low) / 2^bits</c> with a 4-byte
/// unsigned raw value; truncated values are 1 exponent byte and 2 mantissa bytes holding <c>bits</c> mantissa
/// bits and the sign in bit <c>bits + 1</c>.
/// </summary>
internal static class TruncatedFloats
{
    public static double ReadDouble32(ref RootCursor cursor, TruncatedRange range)
    {
        if (!range.HasBrackets)
        {
            return cursor.ReadSingle();
        }

        return range.IsTruncatedMantissa ? ReadTruncated(ref cursor, range.Bits) : ReadScaled(ref cursor, range);
    }

    public static float ReadFloat16(ref RootCursor cursor, TruncatedRange range)
    {
        if (!range.HasBrackets)
        {
            return ReadTruncated(ref cursor, 12);
        }

        return range.IsTruncatedMantissa ? ReadTruncated(ref cursor, range.Bits) : (float)ReadScaled(ref cursor, range);
    }

    /// <summary>Bytes per value on disk.</summary>
    public static int SizeOnDisk(TruncatedRange range, bool isFloat16)
    {
        if (!range.HasBrackets)
        {
            return isFloat16 ? 3 : 4;
        }

        return range.IsTruncatedMantissa ? 3 : 4;
    }

    public static double Scale(uint raw, TruncatedRange range) =>
        range.Low + (raw * ((range.High - range.Low) / Math.ScaleB(1.0, range.Bits)));

    public static float Truncated(byte exponent, ushort mantissa, int bits)
    {
        int value = exponent << 23;
        value |= (mantissa & ((1 << (bits + 1)) - 1)) << (23 - bits);
        float result = BitConverter.Int32BitsToSingle(value);
        return ((1 << (bits + 1)) & mantissa) != 0 ? -result : result;
    }

    private static double ReadScaled(ref RootCursor cursor, TruncatedRange range) => Scale(cursor.ReadUInt32(), range);

    private static float ReadTruncated(ref RootCursor cursor, int bits)
    {
        byte exponent = cursor.ReadByte();
        ushort mantissa = cursor.ReadUInt16();
        return Truncated(exponent, mantissa, bits);
    }
}
