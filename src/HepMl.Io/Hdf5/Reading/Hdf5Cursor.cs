using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// A little-endian reader over one metadata block read from the file (HDF5 metadata is always little-endian).
/// It knows the block's absolute file offset, so every failure names the exact byte, and the sizes of offsets
/// and lengths from the superblock. Out-of-range reads throw <see cref="HepMlFormatException"/>; never garbage.
/// </summary>
internal ref struct Hdf5Cursor
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly Hdf5Context _context;
    private readonly long _fileOffset;
    private readonly string? _objectPath;
    private readonly string _what;
    private int _position;

    /// <param name="data">The block.</param>
    /// <param name="context">The file (sizes, path for messages).</param>
    /// <param name="fileOffset">Absolute file offset of <c>data[0]</c>.</param>
    /// <param name="objectPath">The object being read, for messages.</param>
    /// <param name="what">The structure being decoded ("object header", "v1 B-tree node", ...).</param>
    public Hdf5Cursor(ReadOnlySpan<byte> data, Hdf5Context context, long fileOffset, string? objectPath, string what)
    {
        _data = data;
        _context = context;
        _fileOffset = fileOffset;
        _objectPath = objectPath;
        _what = what;
        _position = 0;
    }

    public int Position
    {
        readonly get => _position;
        set
        {
            if (value < 0 || value > _data.Length)
            {
                Fail($"position {value} lies outside the {_data.Length}-byte {_what}");
            }

            _position = value;
        }
    }

    public readonly int Remaining => _data.Length - _position;

    public readonly int Length => _data.Length;

    /// <summary>Absolute file offset of the current position.</summary>
    public readonly long FileOffset => _fileOffset + _position;

    public readonly ReadOnlySpan<byte> Data => _data;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>An unsigned little-endian integer of 1 to 8 bytes.</summary>
    public ulong ReadUnsigned(int size)
    {
        if (size is < 0 or > 8)
        {
            Fail($"an integer field of {size} bytes (at most 8 are supported)");
        }

        ReadOnlySpan<byte> bytes = Take(size);
        ulong value = 0;
        for (int i = size - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    /// <summary>An address ("size of offsets" bytes); the undefined address (all ones) becomes -1.</summary>
    public long ReadAddress()
    {
        int size = _context.SizeOfOffsets;
        ulong value = ReadUnsigned(size);
        if (value == (size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1))
        {
            return Hdf5Context.UndefinedAddress;
        }

        if (value > long.MaxValue)
        {
            Fail($"an address of {value}, beyond any file");
        }

        return (long)value;
    }

    /// <summary>A length ("size of lengths" bytes).</summary>
    public long ReadLength()
    {
        ulong value = ReadUnsigned(_context.SizeOfLengths);
        if (value > long.MaxValue)
        {
            Fail($"a length of {value}, beyond any file");
        }

        return (long)value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    public void Skip(int count) => Take(count);

    /// <summary>Skips to the next multiple of <paramref name="alignment"/> relative to the block start.</summary>
    public void Align(int alignment)
    {
        int aligned = (_position + alignment - 1) / alignment * alignment;
        Skip(Math.Min(aligned, _data.Length) - _position);
    }

    /// <summary>A NUL-terminated string; the NUL is consumed.</summary>
    public string ReadNullTerminatedString()
    {
        int end = _data[_position..].IndexOf((byte)0);
        if (end < 0)
        {
            Fail("a NUL-terminated name, but no NUL before the end of the block");
        }

        string text = Encoding.UTF8.GetString(_data.Slice(_position, end));
        _position += end + 1;
        return text;
    }

    public void ExpectSignature(ReadOnlySpan<byte> signature)
    {
        long at = FileOffset;
        ReadOnlySpan<byte> found = Take(signature.Length);
        if (!found.SequenceEqual(signature))
        {
            throw _context.Error(
                $"{_what}: expected signature '{Encoding.ASCII.GetString(signature)}', found '{Printable(found)}'",
                at, _objectPath);
        }
    }

    /// <summary>Throws the format exception for this cursor's block at the current position.</summary>
    [DoesNotReturn]
    public readonly void Fail(string problem) => throw _context.Error($"{_what}: {problem}", FileOffset, _objectPath);

    /// <summary>Throws an unsupported-feature exception at the current position.</summary>
    [DoesNotReturn]
    public readonly void Unsupported(string problem) =>
        throw new UnsupportedFormatException($"{_what}: {problem}", _context.FilePath, FileOffset, _objectPath);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _data.Length - _position)
        {
            Fail($"needs {count} more bytes at position {_position} but only {_data.Length - _position} remain");
        }

        ReadOnlySpan<byte> slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            text.Append(b is >= 32 and < 127 ? (char)b : '?');
        }

        return text.ToString();
    }
}
