using System.Runtime.CompilerServices;

namespace HepMl.Io.Compression;

/// <summary>
/// Managed LZ4 block-format decoder (format: https://github.com/lz4/lz4/blob/dev/doc/lz4_Block_format.md).
/// Every literal run and match is checked against both buffers; a malformed block returns -1, never reads or
/// writes outside the spans.
/// </summary>
internal static class Lz4BlockDecoder
{
    private const int WildCopy = 16;

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/>; returns the bytes written or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static unsafe int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* sourceStart = source)
        fixed (byte* destinationStart = destination)
        {
            byte* ip = sourceStart;
            byte* sourceEnd = sourceStart + source.Length;
            byte* op = destinationStart;
            byte* destinationEnd = destinationStart + destination.Length;
            while (true)
            {
                if (ip >= sourceEnd)
                {
                    return -1;
                }

                uint token = *ip++;
                nuint literalLength = token >> 4;
                if (literalLength == 15 && !ReadLength(ref ip, sourceEnd, ref literalLength))
                {
                    return -1;
                }

                if ((nuint)(sourceEnd - ip) < literalLength || (nuint)(destinationEnd - op) < literalLength)
                {
                    return -1;
                }

                if (literalLength <= WildCopy && sourceEnd - ip >= WildCopy && destinationEnd - op >= WildCopy)
                {
                    Unsafe.CopyBlockUnaligned(op, ip, WildCopy);
                }
                else
                {
                    Buffer.MemoryCopy(ip, op, destinationEnd - op, (long)literalLength);
                }

                ip += literalLength;
                op += literalLength;
                if (ip == sourceEnd)
                {
                    // The last sequence holds literals only.
                    return (int)(op - destinationStart);
                }

                if (sourceEnd - ip < 2)
                {
                    return -1;
                }

                nuint offset = (nuint)(ip[0] | (ip[1] << 8));
                ip += 2;
                if (offset == 0 || offset > (nuint)(op - destinationStart))
                {
                    return -1;
                }

                nuint matchLength = token & 15;
                if (matchLength == 15 && !ReadLength(ref ip, sourceEnd, ref matchLength))
                {
                    return -1;
                }

                matchLength += 4;
                nuint room = (nuint)(destinationEnd - op);
                if (room < matchLength)
                {
                    return -1;
                }

                byte* match = op - offset;
                if (offset >= WildCopy && room >= matchLength + WildCopy)
                {
                    for (nuint i = 0; i < matchLength; i += WildCopy)
                    {
                        Unsafe.CopyBlockUnaligned(op + i, match + i, WildCopy);
                    }
                }
                else if (offset >= matchLength)
                {
                    Buffer.MemoryCopy(match, op, (long)room, (long)matchLength);
                }
                else
                {
                    for (nuint i = 0; i < matchLength; i++)
                    {
                        op[i] = match[i];
                    }
                }

                op += matchLength;
            }
        }
    }

    private static unsafe bool ReadLength(ref byte* ip, byte* end, ref nuint length)
    {
        uint step;
        do
        {
            if (ip >= end)
            {
                return false;
            }

            step = *ip++;
            length += step;
        }
        while (step == 255);
        return true;
    }
}
