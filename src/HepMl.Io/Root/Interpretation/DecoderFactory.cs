using HepMl.Io.Columns;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>Creates the generic numeric decoders for a run-time element type.</summary>
internal static class DecoderFactory
{
    public static ColumnDecoder Fixed(ColumnType type, ValueEncoding encoding) => type.Element switch
    {
        ElementType.Boolean => new FixedDecoder<bool>(type, encoding),
        ElementType.Int8 => new FixedDecoder<sbyte>(type, encoding),
        ElementType.UInt8 => new FixedDecoder<byte>(type, encoding),
        ElementType.Int16 => new FixedDecoder<short>(type, encoding),
        ElementType.UInt16 => new FixedDecoder<ushort>(type, encoding),
        ElementType.Int32 => new FixedDecoder<int>(type, encoding),
        ElementType.UInt32 => new FixedDecoder<uint>(type, encoding),
        ElementType.Int64 => new FixedDecoder<long>(type, encoding),
        ElementType.UInt64 => new FixedDecoder<ulong>(type, encoding),
        ElementType.Float32 => new FixedDecoder<float>(type, encoding),
        ElementType.Float64 => new FixedDecoder<double>(type, encoding),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not numeric"),
    };

    public static ColumnDecoder Jagged(ColumnType type, ValueEncoding encoding, int headerBytes) => type.Element switch
    {
        ElementType.Boolean => new JaggedDecoder<bool>(type, encoding, headerBytes),
        ElementType.Int8 => new JaggedDecoder<sbyte>(type, encoding, headerBytes),
        ElementType.UInt8 => new JaggedDecoder<byte>(type, encoding, headerBytes),
        ElementType.Int16 => new JaggedDecoder<short>(type, encoding, headerBytes),
        ElementType.UInt16 => new JaggedDecoder<ushort>(type, encoding, headerBytes),
        ElementType.Int32 => new JaggedDecoder<int>(type, encoding, headerBytes),
        ElementType.UInt32 => new JaggedDecoder<uint>(type, encoding, headerBytes),
        ElementType.Int64 => new JaggedDecoder<long>(type, encoding, headerBytes),
        ElementType.UInt64 => new JaggedDecoder<ulong>(type, encoding, headerBytes),
        ElementType.Float32 => new JaggedDecoder<float>(type, encoding, headerBytes),
        ElementType.Float64 => new JaggedDecoder<double>(type, encoding, headerBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not numeric"),
    };
}
