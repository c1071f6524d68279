using HepMl.Io.Columns;
namespace HepMl.Io.Columns;

/// <summary>Facts about <see cref="ElementType"/>: sizes on disk, .NET types, CLI names.</summary>
public static class ElementTypes
{
    /// <summary>Bytes per value on disk and in memory (0 for strings and objects).</summary>
    public static int SizeOf(ElementType type) => type switch
    {
        ElementType.Boolean or ElementType.Int8 or ElementType.UInt8 => 1,
        ElementType.Int16 or ElementType.UInt16 => 2,
        ElementType.Int32 or ElementType.UInt32 or ElementType.Float32 => 4,
        ElementType.Int64 or ElementType.UInt64 or ElementType.Float64 => 8,
        _ => 0,
    };

    /// <summary>The CLI/JSON type name (<c>float32</c>, <c>int64</c>, <c>string</c>, <c>object</c>).</summary>
    public static string Name(ElementType type) => type switch
    {
        ElementType.Boolean => "bool",
        ElementType.Int8 => "int8",
        ElementType.UInt8 => "uint8",
        ElementType.Int16 => "int16",
        ElementType.UInt16 => "uint16",
        ElementType.Int32 => "int32",
        ElementType.UInt32 => "uint32",
        ElementType.Int64 => "int64",
        ElementType.UInt64 => "uint64",
        ElementType.Float32 => "float32",
        ElementType.Float64 => "float64",
        ElementType.String => "string",
        _ => "object",
    };

    /// <summary>The .NET type that holds one value.</summary>
    public static Type ClrType(ElementType type) => type switch
    {
        ElementType.Boolean => typeof(bool),
        ElementType.Int8 => typeof(sbyte),
        ElementType.UInt8 => typeof(byte),
        ElementType.Int16 => typeof(short),
        ElementType.UInt16 => typeof(ushort),
        ElementType.Int32 => typeof(int),
        ElementType.UInt32 => typeof(uint),
        ElementType.Int64 => typeof(long),
        ElementType.UInt64 => typeof(ulong),
        ElementType.Float32 => typeof(float),
        ElementType.Float64 => typeof(double),
        ElementType.String => typeof(string),
        _ => typeof(object),
    };

    /// <summary>The element type of a .NET numeric type, for typed readers.</summary>
    public static ElementType FromClr(Type type)
    {
        if (type == typeof(bool)) return ElementType.Boolean;
        if (type == typeof(sbyte)) return ElementType.Int8;
        if (type == typeof(byte)) return ElementType.UInt8;
        if (type == typeof(short)) return ElementType.Int16;
        if (type == typeof(ushort)) return ElementType.UInt16;
        if (type == typeof(int)) return ElementType.Int32;
        if (type == typeof(uint)) return ElementType.UInt32;
        if (type == typeof(long)) return ElementType.Int64;
        if (type == typeof(ulong)) return ElementType.UInt64;
        if (type == typeof(float)) return ElementType.Float32;
        if (type == typeof(double)) return ElementType.Float64;
        throw new ArgumentException($"{type} is not a numeric element type", nameof(type));
    }

    /// <summary>True for the integer and boolean types.</summary>
    public static bool IsInteger(ElementType type) => type is >= ElementType.Boolean and <= ElementType.UInt64;

    /// <summary>True for the numeric types (integers, booleans, floats).</summary>
    public static bool IsNumeric(ElementType type) => type is >= ElementType.Boolean and <= ElementType.Float64;

    /// <summary>The element type of a basic ROOT type code (1..19), or null.</summary>
    internal static ElementType? FromTypeCode(int code) => code switch
    {
        Root.Streamers.RootTypeCode.Bool => ElementType.Boolean,
        Root.Streamers.RootTypeCode.Char or Root.Streamers.RootTypeCode.LegacyChar => ElementType.Int8,
        Root.Streamers.RootTypeCode.UChar => ElementType.UInt8,
        Root.Streamers.RootTypeCode.Short => ElementType.Int16,
        Root.Streamers.RootTypeCode.UShort => ElementType.UInt16,
        Root.Streamers.RootTypeCode.Int or Root.Streamers.RootTypeCode.Counter => ElementType.Int32,
        Root.Streamers.RootTypeCode.UInt or Root.Streamers.RootTypeCode.Bits => ElementType.UInt32,
        Root.Streamers.RootTypeCode.Long or Root.Streamers.RootTypeCode.Long64 => ElementType.Int64,
        Root.Streamers.RootTypeCode.ULong or Root.Streamers.RootTypeCode.ULong64 => ElementType.UInt64,
        Root.Streamers.RootTypeCode.Float or Root.Streamers.RootTypeCode.Float16 => ElementType.Float32,
        Root.Streamers.RootTypeCode.Double or Root.Streamers.RootTypeCode.Double32 => ElementType.Float64,
        _ => null,
    };
}
