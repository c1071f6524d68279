using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace HepMl.Io.Binary;

/// <summary>
/// A position in a big-endian byte buffer plus the primitive decoders ROOT's serialisation needs. Every read is
/// bounds-checked; running off the end raises <see cref="HepMlFormatException"/> naming the file and offset.
/// </summary>
/// <remarks>
/// ROOT writes object references as byte positions counted from the start of the enclosing key
/// (<c>TBufferFile::ReadObjectAny</c>); <see cref="Origin"/> is the key length to add to buffer positions.
/// </remarks>
internal ref struct RootCursor
{
    private const uint ByteCountMask = 0x40000000;
    private const int MemberwiseFlag = 0x4000;

    private readonly ReadOnlySpan<byte> _data;
    private readonly DecodeContext _context;
    private readonly long _fileOffset;
    private readonly bool _decompressed;
    private int _position;

    /// <summary>Creates a cursor over <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="context">Error context.</param>
    /// <param name="fileOffset">File offset of <paramref name="data"/>[0], or of the key when the data were decompressed.</param>
    /// <param name="decompressed">True when the data were decompressed (file offsets then point at the key).</param>
    /// <param name="origin">Added to positions to form ROOT reference tags (the key length).</param>
    public RootCursor(ReadOnlySpan<byte> data, DecodeContext context, long fileOffset, bool decompressed, int origin)
    {
        _data = data;
        _context = context;
        _fileOffset = fileOffset;
        _decompressed = decompressed;
        Origin = origin;
        _position = 0;
    }

    public readonly DecodeContext Context => _context;

    public int Origin { get; }

    public int Position
    {
        readonly get => _position;
        set
        {
            if ((uint)value > (uint)_data.Length)
            {
                throw Error($"cannot move to byte {value} of a {_data.Length}-byte buffer");
            }

            _position = value;
        }
    }

    public readonly int Length => _data.Length;

    public readonly int Remaining => _data.Length - _position;

    public readonly ReadOnlySpan<byte> Data => _data;

    /// <summary>The absolute file offset of the current position (the key's offset for decompressed data).</summary>
    public readonly long FileOffset => _decompressed ? _fileOffset : _fileOffset + _position;

    public readonly HepMlFormatException Error(string problem)
    {
        string where = _decompressed ? $" (at byte {_position} of the uncompressed object)" : string.Empty;
        return _context.Error(problem + where, FileOffset);
    }

    public readonly UnsupportedFormatException Unsupported(string problem) => _context.Unsupported(problem, FileOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_data.Length - _position))
        {
            ThrowShort(count);
        }

        ReadOnlySpan<byte> span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowShort(int count)
    {
        if (count < 0)
        {
            throw Error($"a length field says {count} bytes, which is negative");
        }

        throw Error($"expected {count} more bytes but only {_data.Length - _position} remain");
    }

    public void Skip(int count) => Take(count);

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    public byte ReadByte() => Take(1)[0];

    public sbyte ReadSByte() => (sbyte)Take(1)[0];

    public bool ReadBool() => Take(1)[0] != 0;

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    public float ReadSingle() => BinaryPrimitives.ReadSingleBigEndian(Take(4));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public readonly uint PeekUInt32() =>
        _data.Length - _position >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(_data.Slice(_position, 4)) : 0;

    /// <summary>Reads a non-negative count and checks it against the bytes left (each item needs at least <paramref name="minimumItemBytes"/>).</summary>
    public int ReadCount(int minimumItemBytes, string what)
    {
        int count = ReadInt32();
        CheckCount(count, minimumItemBytes, what);
        return count;
    }

    public readonly void CheckCount(long count, int minimumItemBytes, string what)
    {
        if (count < 0 || count * Math.Max(minimumItemBytes, 0) > Remaining)
        {
            throw Error($"{what} count {count} is negative or needs more than the {Remaining} bytes left");
        }
    }

    /// <summary>A ROOT string: one length byte, or 255 followed by a 4-byte length; then the bytes (TString, std::string).</summary>
    public string ReadString()
    {
        int length = ReadByte();
        if (length == 255)
        {
            length = ReadInt32();
        }

        return Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>Skips a ROOT string and returns its bytes.</summary>
    public ReadOnlySpan<byte> ReadStringBytes()
    {
        int length = ReadByte();
        if (length == 255)
        {
            length = ReadInt32();
        }

        return Take(length);
    }

    /// <summary>A null-terminated C string (class names in object references).</summary>
    public string ReadCString()
    {
        int end = _data[_position..].IndexOf((byte)0);
        if (end < 0)
        {
            throw Error("a class name has no terminating zero byte");
        }

        string text = Encoding.UTF8.GetString(_data.Slice(_position, end));
        _position += end + 1;
        return text;
    }

    /// <summary>Reads a byte count (if flagged) and a version. ROOT: <c>TBufferFile::ReadVersion</c>.</summary>
    public VersionHeader ReadVersionHeader()
    {
        int start = _position;
        uint first = PeekUInt32();
        int byteCount = -1;
        if ((first & ByteCountMask) != 0 && Remaining >= 6)
        {
            Skip(4);
            byteCount = (int)(first & ~ByteCountMask);
            if (byteCount < 2 || byteCount > _data.Length - start - 4)
            {
                throw Error($"an object header declares {byteCount} bytes but only {_data.Length - start - 4} remain");
            }
        }

        int version = ReadUInt16();
        bool memberwise = (version & MemberwiseFlag) != 0;
        version &= ~MemberwiseFlag;
        return new VersionHeader(start, byteCount, version, memberwise);
    }

    /// <summary>Checks that an object consumed exactly the bytes its header declared (uproot: <c>numbytes_check</c>).</summary>
    public readonly void CheckEnd(in VersionHeader header, string className)
    {
        if (header.ByteCount >= 0 && _position != header.End)
        {
            throw Error(
                $"{className} v{header.Version} declares {header.ByteCount + 4} bytes but {_position - header.Start} were read");
        }
    }
}
