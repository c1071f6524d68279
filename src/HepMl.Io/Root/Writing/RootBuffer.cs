using System.Buffers.Binary;
using System.Text;

namespace HepMl.Io.Root.Writing;

/// <summary>
/// A big-endian output buffer with ROOT's serialisation conventions (TBufferFile): byte counts with
/// <c>kByteCountMask</c>, class versions, new-class tags, TStrings. <see cref="Origin"/> is added to positions so that
/// object references (tag = position in the key buffer + <c>kMapOffset</c>) are counted from the key's start.
/// </summary>
internal sealed class RootBuffer
{
    public const uint ByteCountMask = 0x40000000;
    public const uint NewClassTag = 0xFFFFFFFF;
    public const int MapOffset = 2;

    private byte[] _data;

    public RootBuffer(int capacity = 256) => _data = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    /// <summary>Bytes that precede this buffer in its key (the key header), for reference tags.</summary>
    public int Origin { get; set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public byte[] ToArray() => Span.ToArray();

    public void Clear() => Length = 0;

    public void Byte(byte value) => Take(1)[0] = value;

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Int16(short value) => BinaryPrimitives.WriteInt16BigEndian(Take(2), value);

    public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Take(2), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(Take(4), value);

    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Take(4), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(Take(8), value);

    public void Single(float value) => BinaryPrimitives.WriteSingleBigEndian(Take(4), value);

    public void Double(double value) => BinaryPrimitives.WriteDoubleBigEndian(Take(8), value);

    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    /// <summary>A TString: one length byte (or 255 and a 4-byte length), then the UTF-8 bytes.</summary>
    public void String(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length < 255)
        {
            Byte((byte)bytes.Length);
        }
        else
        {
            Byte(255);
            Int32(bytes.Length);
        }

        Bytes(bytes);
    }

    /// <summary>Size of a TString in bytes.</summary>
    public static int StringSize(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        return length + (length < 255 ? 1 : 5);
    }

    /// <summary>Starts a versioned block: a byte-count placeholder and the class version. Returns the start to close.</summary>
    public int BeginVersion(short version)
    {
        int start = Length;
        UInt32(0);
        Int16(version);
        return start;
    }

    /// <summary>Closes a versioned block or object: the byte count of everything after the placeholder.</summary>
    public void End(int start) =>
        BinaryPrimitives.WriteUInt32BigEndian(_data.AsSpan(start, 4), (uint)(Length - start - 4) | ByteCountMask);

    /// <summary>
    /// Starts an object written through a pointer (<c>WriteObjectAny</c>): byte count, new-class tag and class name.
    /// Returns the start to close with <see cref="End"/>; <see cref="Tag"/> of that start references the object later.
    /// </summary>
    public int BeginObject(string className)
    {
        int start = Length;
        UInt32(0);
        UInt32(NewClassTag);
        Bytes(Encoding.ASCII.GetBytes(className));
        Byte(0);
        return start;
    }

    /// <summary>The reference tag of an object that begins at <paramref name="start"/> in this buffer.</summary>
    public uint Tag(int start) => (uint)(Origin + start + MapOffset);

    /// <summary>TObject (version 1): unique id and bits.</summary>
    public void TObject(uint bits = 0x03000000)
    {
        Int16(1);
        UInt32(0);
        UInt32(bits);
    }

    /// <summary>TNamed (version 1): TObject, name, title.</summary>
    public void TNamed(string name, string title, uint bits = 0x03000000)
    {
        int start = BeginVersion(1);
        TObject(bits);
        String(name);
        String(title);
        End(start);
    }

    public void PatchInt32(int position, int value) => BinaryPrimitives.WriteInt32BigEndian(_data.AsSpan(position, 4), value);

    public Span<byte> Take(int count)
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
