using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Element conversions from stored HDF5 values to .NET primitives: byte-order fix-up in place, and the widening
/// conversions the typed read methods allow (exact type; any number to <see cref="double"/>; integers that fit to
/// <see cref="long"/>; float16 and small integers to <see cref="float"/>; bool to byte).
/// </summary>
internal static class Values
{
    /// <summary>The element kind a .NET type maps to, or None.</summary>
    public static Hdf5ElementKind KindOf<T>() =>
        typeof(T) == typeof(bool) ? Hdf5ElementKind.Boolean
        : typeof(T) == typeof(sbyte) ? Hdf5ElementKind.Int8
        : typeof(T) == typeof(byte) ? Hdf5ElementKind.UInt8
        : typeof(T) == typeof(short) ? Hdf5ElementKind.Int16
        : typeof(T) == typeof(ushort) ? Hdf5ElementKind.UInt16
        : typeof(T) == typeof(int) ? Hdf5ElementKind.Int32
        : typeof(T) == typeof(uint) ? Hdf5ElementKind.UInt32
        : typeof(T) == typeof(long) ? Hdf5ElementKind.Int64
        : typeof(T) == typeof(ulong) ? Hdf5ElementKind.UInt64
        : typeof(T) == typeof(Half) ? Hdf5ElementKind.Float16
        : typeof(T) == typeof(float) ? Hdf5ElementKind.Float32
        : typeof(T) == typeof(double) ? Hdf5ElementKind.Float64
        : Hdf5ElementKind.None;

    public static int SizeOf(Hdf5ElementKind kind) => kind switch
    {
        Hdf5ElementKind.Boolean or Hdf5ElementKind.Int8 or Hdf5ElementKind.UInt8 => 1,
        Hdf5ElementKind.Int16 or Hdf5ElementKind.UInt16 or Hdf5ElementKind.Float16 => 2,
        Hdf5ElementKind.Int32 or Hdf5ElementKind.UInt32 or Hdf5ElementKind.Float32 => 4,
        Hdf5ElementKind.Int64 or Hdf5ElementKind.UInt64 or Hdf5ElementKind.Float64 => 8,
        _ => 0,
    };

    /// <summary>True when values of <paramref name="from"/> can be read as <paramref name="to"/> without loss (double: rounding of 64-bit integers).</summary>
    public static bool CanConvert(Hdf5ElementKind from, Hdf5ElementKind to)
    {
        if (from == Hdf5ElementKind.None || to == Hdf5ElementKind.None)
        {
            return false;
        }

        return from == to || to == Hdf5ElementKind.Float64 || to switch
        {
            Hdf5ElementKind.Int64 => from is Hdf5ElementKind.Boolean or Hdf5ElementKind.Int8 or Hdf5ElementKind.UInt8 or Hdf5ElementKind.Int16
                or Hdf5ElementKind.UInt16 or Hdf5ElementKind.Int32 or Hdf5ElementKind.UInt32,
            Hdf5ElementKind.Float32 => from is Hdf5ElementKind.Float16 or Hdf5ElementKind.Int8 or Hdf5ElementKind.UInt8
                or Hdf5ElementKind.Int16 or Hdf5ElementKind.UInt16 or Hdf5ElementKind.Boolean,
            Hdf5ElementKind.UInt8 => from == Hdf5ElementKind.Boolean,
            _ => false,
        };
    }

    /// <summary>Reverses the bytes of every <paramref name="elementSize"/>-byte element in place.</summary>
    public static void SwapInPlace(Span<byte> bytes, int elementSize)
    {
        switch (elementSize)
        {
            case 1:
                return;
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(bytes));
                return;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(bytes));
                return;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(bytes));
                return;
            default:
                for (int i = 0; i + elementSize <= bytes.Length; i += elementSize)
                {
                    bytes.Slice(i, elementSize).Reverse();
                }

                return;
        }
    }

    /// <summary>An integer of 1 to 8 bytes in the type's byte order and signedness.</summary>
    public static long DecodeInteger(ReadOnlySpan<byte> raw, Hdf5DataType type)
    {
        int size = raw.Length;
        ulong value = 0;
        for (int i = 0; i < size; i++)
        {
            int index = type.ByteOrder == Hdf5ByteOrder.BigEndian ? i : size - 1 - i;
            value = (value << 8) | raw[index];
        }

        if (type.IsSigned && size < 8 && (value & (1UL << ((8 * size) - 1))) != 0)
        {
            value |= ulong.MaxValue << (8 * size);
        }

        return (long)value;
    }

    /// <summary>
    /// Converts native-order elements of kind <paramref name="from"/> in <paramref name="raw"/> to
    /// <paramref name="destination"/> (whose kind <see cref="CanConvert"/> accepted).
    /// </summary>
    public static void Convert<T>(ReadOnlySpan<byte> raw, Hdf5ElementKind from, Span<T> destination)
        where T : unmanaged
    {
        switch (from)
        {
            case Hdf5ElementKind.Boolean:
            case Hdf5ElementKind.UInt8: ConvertFrom<byte, T>(raw, destination); break;
            case Hdf5ElementKind.Int8: ConvertFrom<sbyte, T>(raw, destination); break;
            case Hdf5ElementKind.Int16: ConvertFrom<short, T>(raw, destination); break;
            case Hdf5ElementKind.UInt16: ConvertFrom<ushort, T>(raw, destination); break;
            case Hdf5ElementKind.Int32: ConvertFrom<int, T>(raw, destination); break;
            case Hdf5ElementKind.UInt32: ConvertFrom<uint, T>(raw, destination); break;
            case Hdf5ElementKind.Int64: ConvertFrom<long, T>(raw, destination); break;
            case Hdf5ElementKind.UInt64: ConvertFrom<ulong, T>(raw, destination); break;
            case Hdf5ElementKind.Float16: ConvertFrom<Half, T>(raw, destination); break;
            case Hdf5ElementKind.Float32: ConvertFrom<float, T>(raw, destination); break;
            case Hdf5ElementKind.Float64: ConvertFrom<double, T>(raw, destination); break;
            default: throw new InvalidOperationException($"no conversion from {from}");
        }
    }

    private static void ConvertFrom<TSource, T>(ReadOnlySpan<byte> raw, Span<T> destination)
        where TSource : unmanaged, INumberBase<TSource>
        where T : unmanaged
    {
        ReadOnlySpan<TSource> source = MemoryMarshal.Cast<byte, TSource>(raw);
        if (typeof(T) == typeof(TSource))
        {
            source.CopyTo(MemoryMarshal.Cast<T, TSource>(destination));
        }
        else if (typeof(T) == typeof(double))
        {
            Loop(source, MemoryMarshal.Cast<T, double>(destination));
        }
        else if (typeof(T) == typeof(float))
        {
            Loop(source, MemoryMarshal.Cast<T, float>(destination));
        }
        else if (typeof(T) == typeof(long))
        {
            Loop(source, MemoryMarshal.Cast<T, long>(destination));
        }
        else if (typeof(T) == typeof(byte) || typeof(T) == typeof(bool))
        {
            Loop(source, MemoryMarshal.Cast<T, byte>(destination));
        }
        else
        {
            throw new InvalidOperationException($"no conversion from {typeof(TSource).Name} to {typeof(T).Name}");
        }
    }

    private static void Loop<TSource, TTarget>(ReadOnlySpan<TSource> source, Span<TTarget> destination)
        where TSource : unmanaged, INumberBase<TSource>
        where TTarget : unmanaged, INumberBase<TTarget>
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = TTarget.CreateTruncating(source[i]);
        }
    }
}
