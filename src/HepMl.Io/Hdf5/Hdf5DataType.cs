using System.Globalization;
using System.Text;

namespace HepMl.Io.Hdf5;

/// <summary>
/// An HDF5 datatype as stored in a datatype message: class, size in bytes, byte order, and the class's details
/// (signedness, string padding and character set, compound members, enum members, base types, array dimensions).
/// </summary>
/// <remarks>
/// h5py: <c>Dataset.dtype</c> / <c>h5py.h5t</c>. Spec: HDF5 File Format Specification 3.0, IV.A.2.d "Datatype Message".
/// Values are readable for integers and IEEE floats of 1/2/4/8 bytes in either byte order, enums (including
/// h5py's bool), strings, compounds, arrays and variable-length sequences; other classes describe themselves but
/// raise <see cref="UnsupportedFormatException"/> when read.
/// </remarks>
public sealed class Hdf5DataType
{
    internal Hdf5DataType(Hdf5TypeClass typeClass, int size)
    {
        Class = typeClass;
        Size = size;
    }

    /// <summary>The datatype class.</summary>
    public Hdf5TypeClass Class { get; }

    /// <summary>Bytes per element as stored (for variable-length types: the size of the heap reference).</summary>
    public int Size { get; }

    /// <summary>Byte order of integers, floats, enums and bit fields; <see cref="Hdf5ByteOrder.None"/> otherwise.</summary>
    public Hdf5ByteOrder ByteOrder { get; internal init; }

    /// <summary>True for signed integers (two's complement).</summary>
    public bool IsSigned { get; internal init; }

    /// <summary>Bit offset of the value inside an integer or float (0 for every standard type).</summary>
    public int BitOffset { get; internal init; }

    /// <summary>Number of significant bits of an integer or float (8 × <see cref="Size"/> for standard types).</summary>
    public int BitPrecision { get; internal init; }

    /// <summary>Padding of a fixed-length string, or of a variable-length string.</summary>
    public Hdf5StringPadding StringPadding { get; internal init; }

    /// <summary>Character set of a string.</summary>
    public Hdf5CharacterSet CharacterSet { get; internal init; }

    /// <summary>True for a variable-length string (class <see cref="Hdf5TypeClass.VariableLength"/>, string kind).</summary>
    public bool IsVariableLengthString { get; internal init; }

    /// <summary>Members of a compound type, in stored order.</summary>
    public IReadOnlyList<Hdf5CompoundMember> Members { get; internal init; } = [];

    /// <summary>Base type of an enum, array or variable-length sequence.</summary>
    public Hdf5DataType? BaseType { get; internal init; }

    /// <summary>Dimensions of an array type.</summary>
    public IReadOnlyList<int> ArrayDimensions { get; internal init; } = [];

    /// <summary>Named values of an enum type, in stored order.</summary>
    public IReadOnlyList<Hdf5EnumMember> EnumMembers { get; internal init; } = [];

    /// <summary>IEEE layout of a float: exponent position, exponent bits, mantissa position, mantissa bits, bias.</summary>
    internal (int ExponentLocation, int ExponentSize, int MantissaLocation, int MantissaSize, long Bias) FloatLayout { get; init; }

    /// <summary>
    /// True for h5py's boolean: an enum over a one-byte integer whose members are exactly FALSE = 0 and TRUE = 1.
    /// </summary>
    public bool IsBoolean =>
        Class == Hdf5TypeClass.Enum && Size == 1 && EnumMembers.Count == 2
        && EnumMembers.Any(m => m.Name == "FALSE" && m.Value == 0)
        && EnumMembers.Any(m => m.Name == "TRUE" && m.Value == 1);

    /// <summary>True for the classes whose values are numbers: integers, floats and enums.</summary>
    public bool IsNumeric => Class is Hdf5TypeClass.Integer or Hdf5TypeClass.Float or Hdf5TypeClass.Enum;

    /// <summary>True for fixed- and variable-length strings.</summary>
    public bool IsString => Class == Hdf5TypeClass.String || IsVariableLengthString;

    /// <summary>True for variable-length sequences of a base type (jagged arrays), not strings.</summary>
    public bool IsVariableLengthSequence => Class == Hdf5TypeClass.VariableLength && !IsVariableLengthString;

    /// <summary>The primitive element kind of a numeric (or enum) type; <see cref="Hdf5ElementKind.None"/> otherwise.</summary>
    internal Hdf5ElementKind ElementKind
    {
        get
        {
            if (IsBoolean)
            {
                return Hdf5ElementKind.Boolean;
            }

            Hdf5DataType numeric = Class == Hdf5TypeClass.Enum ? BaseType! : this;
            if (numeric.Class == Hdf5TypeClass.Integer && numeric.BitOffset == 0 && numeric.BitPrecision == 8 * numeric.Size)
            {
                return (numeric.Size, numeric.IsSigned) switch
                {
                    (1, true) => Hdf5ElementKind.Int8,
                    (1, false) => Hdf5ElementKind.UInt8,
                    (2, true) => Hdf5ElementKind.Int16,
                    (2, false) => Hdf5ElementKind.UInt16,
                    (4, true) => Hdf5ElementKind.Int32,
                    (4, false) => Hdf5ElementKind.UInt32,
                    (8, true) => Hdf5ElementKind.Int64,
                    (8, false) => Hdf5ElementKind.UInt64,
                    _ => Hdf5ElementKind.None,
                };
            }

            if (numeric.Class == Hdf5TypeClass.Float && numeric.BitOffset == 0 && numeric.BitPrecision == 8 * numeric.Size)
            {
                return (numeric.Size, numeric.FloatLayout) switch
                {
                    (2, (10, 5, 0, 10, 15)) => Hdf5ElementKind.Float16,
                    (4, (23, 8, 0, 23, 127)) => Hdf5ElementKind.Float32,
                    (8, (52, 11, 0, 52, 1023)) => Hdf5ElementKind.Float64,
                    _ => Hdf5ElementKind.None,
                };
            }

            return Hdf5ElementKind.None;
        }
    }

    /// <summary>
    /// The short type name used by <c>hepml describe</c>: <c>bool int8 uint8 int16 uint16 int32 uint32 int64 uint64
    /// float16 float32 float64 string</c>, <c>compound</c>, arrays as <c>float32[3]</c>, variable-length sequences as
    /// <c>float32[]</c>; enums other than bool show their base type.
    /// </summary>
    public string Name => Class switch
    {
        _ when IsBoolean => "bool",
        _ when IsString => "string",
        Hdf5TypeClass.Integer or Hdf5TypeClass.Float or Hdf5TypeClass.Enum => ElementKind switch
        {
            Hdf5ElementKind.None => $"{Class.ToString().ToLowerInvariant()}{8 * Size}",
            var kind => kind.ToString().ToLowerInvariant(),
        },
        Hdf5TypeClass.Compound => "compound",
        Hdf5TypeClass.VariableLength => BaseType!.Name + "[]",
        Hdf5TypeClass.Array => BaseType!.Name + string.Concat(ArrayDimensions.Select(d => "[" + d.ToString(CultureInfo.InvariantCulture) + "]")),
        _ => Class.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder(Name);
        if (ByteOrder == Hdf5ByteOrder.BigEndian)
        {
            text.Append(" (big-endian)");
        }

        if (Class == Hdf5TypeClass.String)
        {
            text.Append(CultureInfo.InvariantCulture, $" (fixed {Size} bytes, {CharacterSet}, {StringPadding})");
        }

        if (Class == Hdf5TypeClass.Compound)
        {
            text.Append(" {").AppendJoin(", ", Members.Select(m => $"{m.Name}: {m.Type}")).Append('}');
        }

        return text.ToString();
    }

    /// <summary>A little-endian integer type of 1, 2, 4 or 8 bytes.</summary>
    public static Hdf5DataType Integer(int size, bool signed) =>
        size is 1 or 2 or 4 or 8
            ? new Hdf5DataType(Hdf5TypeClass.Integer, size)
            {
                ByteOrder = Hdf5ByteOrder.LittleEndian,
                IsSigned = signed,
                BitPrecision = 8 * size,
            }
            : throw new ArgumentOutOfRangeException(nameof(size), size, "integer sizes are 1, 2, 4 or 8 bytes");

    /// <summary>A little-endian IEEE float of 2, 4 or 8 bytes.</summary>
    public static Hdf5DataType Float(int size) => size switch
    {
        2 => new Hdf5DataType(Hdf5TypeClass.Float, 2) { ByteOrder = Hdf5ByteOrder.LittleEndian, BitPrecision = 16, FloatLayout = (10, 5, 0, 10, 15) },
        4 => new Hdf5DataType(Hdf5TypeClass.Float, 4) { ByteOrder = Hdf5ByteOrder.LittleEndian, BitPrecision = 32, FloatLayout = (23, 8, 0, 23, 127) },
        8 => new Hdf5DataType(Hdf5TypeClass.Float, 8) { ByteOrder = Hdf5ByteOrder.LittleEndian, BitPrecision = 64, FloatLayout = (52, 11, 0, 52, 1023) },
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "float sizes are 2, 4 or 8 bytes"),
    };

    /// <summary>h5py's boolean: an enum over int8 with FALSE = 0 and TRUE = 1.</summary>
    public static Hdf5DataType Boolean() => new(Hdf5TypeClass.Enum, 1)
    {
        ByteOrder = Hdf5ByteOrder.LittleEndian,
        BaseType = Integer(1, signed: true),
        EnumMembers = [new Hdf5EnumMember("FALSE", 0), new Hdf5EnumMember("TRUE", 1)],
    };

    /// <summary>A fixed-length string of <paramref name="size"/> bytes.</summary>
    public static Hdf5DataType FixedString(int size, Hdf5CharacterSet characterSet = Hdf5CharacterSet.Utf8,
        Hdf5StringPadding padding = Hdf5StringPadding.NullPad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new Hdf5DataType(Hdf5TypeClass.String, size) { CharacterSet = characterSet, StringPadding = padding };
    }

    /// <summary>A variable-length sequence of <paramref name="baseType"/> values (a jagged array; h5py <c>vlen_dtype</c>).</summary>
    public static Hdf5DataType VariableLengthSequence(Hdf5DataType baseType)
    {
        ArgumentNullException.ThrowIfNull(baseType);
        return new Hdf5DataType(Hdf5TypeClass.VariableLength, 16) { BaseType = baseType };
    }

    /// <summary>A variable-length string (stored in the global heap).</summary>
    public static Hdf5DataType VariableString(Hdf5CharacterSet characterSet = Hdf5CharacterSet.Utf8) =>
        new(Hdf5TypeClass.VariableLength, 16)
        {
            IsVariableLengthString = true,
            CharacterSet = characterSet,
            StringPadding = Hdf5StringPadding.NullTerminate,
            BaseType = new Hdf5DataType(Hdf5TypeClass.Integer, 1) { ByteOrder = Hdf5ByteOrder.LittleEndian, BitPrecision = 8 },
        };
}
