using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Io.Hdf5.Filters;

/// <summary>
/// HDF5's byte shuffle filter (id 2): byte b of every element is stored in the b-th plane of <c>n</c> bytes;
/// trailing bytes that do not make a whole element are left in place.
/// </summary>
internal static class ByteShuffle
{
    /// <summary>Undoes the shuffle: planes in <paramref name="source"/>, interleaved elements into <paramref name="destination"/>.</summary>
    public static void Unshuffle(ReadOnlySpan<byte> source, Span<byte> destination, int elementSize)
    {
        int count = source.Length / elementSize;
        if (elementSize <= 1 || count <= 1)
        {
            source.CopyTo(destination);
            return;
        }

        if (elementSize == 4)
        {
            Unshuffle4(source, destination, count);
        }
        else
        {
            for (int b = 0; b < elementSize; b++)
            {
                ReadOnlySpan<byte> plane = source.Slice(b * count, count);
                for (int i = 0; i < count; i++)
                {
                    destination[(i * elementSize) + b] = plane[i];
                }
            }
        }

        int whole = count * elementSize;
        source[whole..].CopyTo(destination[whole..]);
    }

    /// <summary>Shuffles: interleaved elements in <paramref name="source"/>, planes into <paramref name="destination"/>.</summary>
    public static void Shuffle(ReadOnlySpan<byte> source, Span<byte> destination, int elementSize)
    {
        int count = source.Length / elementSize;
        if (elementSize <= 1 || count <= 1)
        {
            source.CopyTo(destination);
            return;
        }

        for (int b = 0; b < elementSize; b++)
        {
            Span<byte> plane = destination.Slice(b * count, count);
            for (int i = 0; i < count; i++)
            {
                plane[i] = source[(i * elementSize) + b];
            }
        }

        int whole = count * elementSize;
        source[whole..].CopyTo(destination[whole..]);
    }

    /// <summary>Four planes interleaved 16 elements at a time with SSE2 byte and word unpacks; scalar tail.</summary>
    private static void Unshuffle4(ReadOnlySpan<byte> source, Span<byte> destination, int count)
    {
        ReadOnlySpan<byte> p0 = source[..count];
        ReadOnlySpan<byte> p1 = source.Slice(count, count);
        ReadOnlySpan<byte> p2 = source.Slice(2 * count, count);
        ReadOnlySpan<byte> p3 = source.Slice(3 * count, count);
        int i = 0;
        if (Sse2.IsSupported)
        {
            for (; i + 16 <= count; i += 16)
            {
                Vector128<byte> a = Vector128.Create(p0.Slice(i, 16));
                Vector128<byte> b = Vector128.Create(p1.Slice(i, 16));
                Vector128<byte> c = Vector128.Create(p2.Slice(i, 16));
                Vector128<byte> d = Vector128.Create(p3.Slice(i, 16));
                Vector128<ushort> abLow = Sse2.UnpackLow(a, b).AsUInt16();
                Vector128<ushort> abHigh = Sse2.UnpackHigh(a, b).AsUInt16();
                Vector128<ushort> cdLow = Sse2.UnpackLow(c, d).AsUInt16();
                Vector128<ushort> cdHigh = Sse2.UnpackHigh(c, d).AsUInt16();
                Span<byte> target = destination.Slice(i * 4, 64);
                Sse2.UnpackLow(abLow, cdLow).AsByte().CopyTo(target);
                Sse2.UnpackHigh(abLow, cdLow).AsByte().CopyTo(target[16..]);
                Sse2.UnpackLow(abHigh, cdHigh).AsByte().CopyTo(target[32..]);
                Sse2.UnpackHigh(abHigh, cdHigh).AsByte().CopyTo(target[48..]);
            }
        }

        for (; i < count; i++)
        {
            destination[4 * i] = p0[i];
            destination[(4 * i) + 1] = p1[i];
            destination[(4 * i) + 2] = p2[i];
            destination[(4 * i) + 3] = p3[i];
        }
    }
}
