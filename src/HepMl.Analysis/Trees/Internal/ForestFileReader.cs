using System.Buffers.Binary;
using System.Text;
using HepMl.Io;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>A bounds-checked little-endian cursor over a model file's bytes; every failure names the offset.</summary>
internal ref struct ForestFileReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly string? _path;
    private int _position;

    public ForestFileReader(ReadOnlySpan<byte> bytes, string? path, int position)
    {
        _bytes = bytes;
        _path = path;
        _position = position;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _bytes.Length - _position;

    public byte Byte() => Take(1)[0];

    public sbyte SByte() => (sbyte)Take(1)[0];

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>A count of records of <paramref name="recordSize"/> bytes that must fit in the remaining bytes.</summary>
    public int Count(string what, int recordSize)
    {
        int at = _position;
        int count = Int32();
        if (count < 0 || (long)count * recordSize > Remaining)
        {
            throw Fail($"{what} count {count} does not fit in the {Remaining} bytes left", at);
        }

        return count;
    }

    public string String(string what)
    {
        int length = Count(what + " length", 1);
        return Encoding.UTF8.GetString(Take(length));
    }

    public readonly HepMlFormatException Fail(string problem, int offset) =>
        new(problem, _path, offset, objectPath: null, trail: ["HepMl BDT model"]);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Fail($"expected {count} more bytes, found {Remaining} (the file is truncated)", _position);
        }

        ReadOnlySpan<byte> slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }
}
