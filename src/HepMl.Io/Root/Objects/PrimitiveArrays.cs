using HepMl.Io.Columns;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using HepMl.Io.Binary;

namespace HepMl.Io.Root.Objects;

/// <summary>Bulk big-endian decoding of primitive arrays into typed .NET arrays (vectorised byte swaps).</summary>
internal static class PrimitiveArrays
{
    /// <summary>Reads <paramref name="count"/> values of <paramref name="type"/> at the cursor.</summary>
    public static Array Read(ref RootCursor cursor, ElementType type, int count)
    {
        int size = ElementTypes.SizeOf(type);
        cursor.CheckCount(count, size, ElementTypes.Name(type));
        ReadOnlySpan<byte> bytes = cursor.ReadBytes(count * size);
        return Decode(bytes, type, count);
    }

    /// <summary>Decodes <paramref name="count"/> big-endian values.</summary>
    public static Array Decode(ReadOnlySpan<byte> bytes, ElementType type, int count)
    {
        switch (type)
        {
            case ElementType.Boolean:
            {
                var values = new bool[count];
                DecodeInto(bytes, values.AsSpan());
                return values;
            }

            case ElementType.Int8: return MemoryMarshal.Cast<byte, sbyte>(bytes[..count]).ToArray();
            case ElementType.UInt8: return bytes[..count].ToArray();
            case ElementType.Int16: return Swap<short>(bytes, count);
            case ElementType.UInt16: return Swap<ushort>(bytes, count);
            case ElementType.Int32: return Swap<int>(bytes, count);
            case ElementType.UInt32: return Swap<uint>(bytes, count);
            case ElementType.Int64: return Swap<long>(bytes, count);
            case ElementType.UInt64: return Swap<ulong>(bytes, count);
            case ElementType.Float32: return Swap<float>(bytes, count);
            case ElementType.Float64: return Swap<double>(bytes, count);
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "not a primitive element type");
        }
    }

    /// <summary>Decodes booleans: any non-zero byte is true.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void DecodeInto(ReadOnlySpan<byte> bytes, Span<bool> destination)
    {
        Span<byte> target = MemoryMarshal.Cast<bool, byte>(destination);
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = bytes[i] != 0 ? (byte)1 : (byte)0;
        }
    }

    /// <summary>Copies big-endian values into <paramref name="destination"/>, swapping byte order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void SwapInto<T>(ReadOnlySpan<byte> bytes, Span<T> destination)
        where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        ReadOnlySpan<byte> source = bytes[..(destination.Length * size)];
        Span<byte> target = MemoryMarshal.AsBytes(destination);
        switch (size)
        {
            case 1:
                source.CopyTo(target);
                break;
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(source), MemoryMarshal.Cast<byte, ushort>(target));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(source), MemoryMarshal.Cast<byte, uint>(target));
                break;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(source), MemoryMarshal.Cast<byte, ulong>(target));
                break;
            default:
                throw new ArgumentException($"unsupported element size {size}");
        }
    }

    private static T[] Swap<T>(ReadOnlySpan<byte> bytes, int count)
        where T : unmanaged
    {
        var values = new T[count];
        SwapInto(bytes, values.AsSpan());
        return values;
    }
}
