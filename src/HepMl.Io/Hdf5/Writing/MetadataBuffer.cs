using System.Buffers.Binary;
using System.Text;

namespace HepMl.Io.Hdf5.Writing;

/// <summary>A growable little-endian byte buffer for encoding HDF5 metadata (8-byte offsets and lengths).</summary>
internal sealed class MetadataBuffer
{
    public const long UndefinedAddress = -1;

    private byte[] _data = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public void Byte(int value) => Take(1)[0] = (byte)value;

    public void UInt16(int value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), checked((ushort)value));

    public void UInt32(long value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), checked((uint)value));

    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    /// <summary>An 8-byte address; <see cref="UndefinedAddress"/> writes all ones.</summary>
    public void Address(long address) => UInt64(address == UndefinedAddress ? ulong.MaxValue : (ulong)address);

    /// <summary>An 8-byte length.</summary>
    public void Length8(long value) => UInt64((ulong)value);

    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    public void Zeros(int count) => Take(count).Clear();

    public void Ascii(string text) => Bytes(Encoding.ASCII.GetBytes(text));

    /// <summary>Pads with zeros to a multiple of <paramref name="alignment"/>.</summary>
    public void Align(int alignment) => Zeros(((Length + alignment - 1) / alignment * alignment) - Length);

    /// <summary>Overwrites a 2-byte value at <paramref name="position"/>.</summary>
    public void PatchUInt16(int position, int value) => BinaryPrimitives.WriteUInt16LittleEndian(_data.AsSpan(position, 2), checked((ushort)value));

    /// <summary>Overwrites a 4-byte value at <paramref name="position"/>.</summary>
    public void PatchUInt32(int position, long value) => BinaryPrimitives.WriteUInt32LittleEndian(_data.AsSpan(position, 4), checked((uint)value));

    public byte[] ToArray() => Span.ToArray();

    private Span<byte> Take(int count)
    {
        if (Length + count > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + count));
        }

        Span<byte> span = _data.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
