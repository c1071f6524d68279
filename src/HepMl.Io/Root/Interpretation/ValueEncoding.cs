using HepMl.Io.Columns;
using System.Runtime.InteropServices;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Interpretation;

/// <summary>How numbers are laid out on disk: plain big-endian, or Double32_t/Float16_t packing.</summary>
internal enum DiskEncoding
{
    /// <summary>Big-endian values of the element type.</summary>
    Plain,

    /// <summary>Double32_t without a range: a float32 widened to float64.</summary>
    FloatAsDouble,

    /// <summary>Double32_t/Float16_t with [low, high, bits]: a uint32 scaled onto the range.</summary>
    Scaled,

    /// <summary>Double32_t/Float16_t as exponent byte + 16-bit truncated mantissa.</summary>
    TruncatedMantissa,
}

/// <summary>The disk encoding of one numeric element type, and the bulk decoder from disk bytes to values.</summary>
internal readonly record struct ValueEncoding(ElementType Element, DiskEncoding Encoding, TruncatedRange Range)
{
    public static ValueEncoding Plain(ElementType element) => new(element, DiskEncoding.Plain, default);

    /// <summary>The encoding of a Double32_t (<paramref name="isFloat16"/> false) or Float16_t with the given title spec.</summary>
    public static ValueEncoding Truncated(bool isFloat16, TruncatedRange range)
    {
        ElementType element = isFloat16 ? ElementType.Float32 : ElementType.Float64;
        if (!range.HasBrackets)
        {
            return isFloat16
                ? new ValueEncoding(element, DiskEncoding.TruncatedMantissa, range with { Bits = 12 })
                : new ValueEncoding(element, DiskEncoding.FloatAsDouble, range);
        }

        return new ValueEncoding(element, range.IsTruncatedMantissa ? DiskEncoding.TruncatedMantissa : DiskEncoding.Scaled, range);
    }

    /// <summary>Bytes per value on disk.</summary>
    public int DiskSize => Encoding switch
    {
        DiskEncoding.Plain => ElementTypes.SizeOf(Element),
        DiskEncoding.FloatAsDouble or DiskEncoding.Scaled => 4,
        _ => 3,
    };

    /// <summary>Decodes <c>destination.Length</c> values from <paramref name="source"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Decode<T>(ReadOnlySpan<byte> source, Span<T> destination)
        where T : unmanaged
    {
        switch (Encoding)
        {
            case DiskEncoding.Plain when Element == ElementType.Boolean:
                Objects.PrimitiveArrays.DecodeInto(source, MemoryMarshal.Cast<T, bool>(destination));
                return;
            case DiskEncoding.Plain:
                Objects.PrimitiveArrays.SwapInto(source, destination);
                return;
            case DiskEncoding.FloatAsDouble:
            {
                Span<double> target = MemoryMarshal.Cast<T, double>(destination);
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleBigEndian(source.Slice(4 * i, 4));
                }

                return;
            }

            case DiskEncoding.Scaled:
            {
                for (int i = 0; i < destination.Length; i++)
                {
                    double value = TruncatedFloats.Scale(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(source.Slice(4 * i, 4)), Range);
                    Store(destination, i, value);
                }

                return;
            }

            default:
            {
                for (int i = 0; i < destination.Length; i++)
                {
                    byte exponent = source[3 * i];
                    ushort mantissa = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(source.Slice((3 * i) + 1, 2));
                    Store(destination, i, TruncatedFloats.Truncated(exponent, mantissa, Range.Bits));
                }

                return;
            }
        }
    }

    private static void Store<T>(Span<T> destination, int index, double value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            MemoryMarshal.Cast<T, double>(destination)[index] = value;
        }
        else
        {
            MemoryMarshal.Cast<T, float>(destination)[index] = (float)value;
        }
    }
}
