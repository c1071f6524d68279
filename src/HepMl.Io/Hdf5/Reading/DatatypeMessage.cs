using System.Text;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>Decodes a datatype message (versions 1 to 3) into an <see cref="Hdf5DataType"/>, recursively.</summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.d "Datatype Message".</remarks>
internal static class DatatypeMessage
{
    public static Hdf5DataType Parse(ref Hdf5Cursor cursor, int depth = 0)
    {
        if (depth > 32)
        {
            cursor.Fail("datatype nesting deeper than 32 levels");
        }

        byte classAndVersion = cursor.ReadByte();
        int version = classAndVersion >> 4;
        var typeClass = (Hdf5TypeClass)(classAndVersion & 0x0F);
        if (version is < 1 or > 4)
        {
            cursor.Unsupported($"datatype message version {version} (known: 1 to 4)");
        }

        int bits = cursor.ReadByte() | (cursor.ReadByte() << 8) | (cursor.ReadByte() << 16);
        long size = cursor.ReadUInt32();
        if (size <= 0 && typeClass != Hdf5TypeClass.Opaque)
        {
            cursor.Fail($"a {typeClass} datatype of {size} bytes");
        }

        int elementSize = checked((int)size);
        switch (typeClass)
        {
            case Hdf5TypeClass.Integer:
            {
                int offset = cursor.ReadUInt16();
                int precision = cursor.ReadUInt16();
                return new Hdf5DataType(typeClass, elementSize)
                {
                    ByteOrder = (bits & 1) == 0 ? Hdf5ByteOrder.LittleEndian : Hdf5ByteOrder.BigEndian,
                    IsSigned = (bits & 0x08) != 0,
                    BitOffset = offset,
                    BitPrecision = precision,
                };
            }

            case Hdf5TypeClass.Float:
            {
                if ((bits & 0x40) != 0)
                {
                    cursor.Unsupported("VAX-order floating point");
                }

                int offset = cursor.ReadUInt16();
                int precision = cursor.ReadUInt16();
                int exponentLocation = cursor.ReadByte();
                int exponentSize = cursor.ReadByte();
                int mantissaLocation = cursor.ReadByte();
                int mantissaSize = cursor.ReadByte();
                long bias = cursor.ReadUInt32();
                return new Hdf5DataType(typeClass, elementSize)
                {
                    ByteOrder = (bits & 1) == 0 ? Hdf5ByteOrder.LittleEndian : Hdf5ByteOrder.BigEndian,
                    IsSigned = true,
                    BitOffset = offset,
                    BitPrecision = precision,
                    FloatLayout = (exponentLocation, exponentSize, mantissaLocation, mantissaSize, bias),
                };
            }

            case Hdf5TypeClass.Time:
                cursor.Skip(2);
                return new Hdf5DataType(typeClass, elementSize)
                {
                    ByteOrder = (bits & 1) == 0 ? Hdf5ByteOrder.LittleEndian : Hdf5ByteOrder.BigEndian,
                };

            case Hdf5TypeClass.String:
                return new Hdf5DataType(typeClass, elementSize)
                {
                    StringPadding = ReadPadding(ref cursor, bits & 0x0F),
                    CharacterSet = ReadCharacterSet(ref cursor, (bits >> 4) & 0x0F),
                };

            case Hdf5TypeClass.Bitfield:
            {
                int offset = cursor.ReadUInt16();
                int precision = cursor.ReadUInt16();
                return new Hdf5DataType(typeClass, elementSize)
                {
                    ByteOrder = (bits & 1) == 0 ? Hdf5ByteOrder.LittleEndian : Hdf5ByteOrder.BigEndian,
                    BitOffset = offset,
                    BitPrecision = precision,
                };
            }

            case Hdf5TypeClass.Opaque:
                cursor.Skip(bits & 0xFF); // the tag, NUL-padded to a multiple of 8
                return new Hdf5DataType(typeClass, elementSize);

            case Hdf5TypeClass.Compound:
                return ParseCompound(ref cursor, version, bits & 0xFFFF, elementSize, depth);

            case Hdf5TypeClass.Reference:
                return new Hdf5DataType(typeClass, elementSize);

            case Hdf5TypeClass.Enum:
                return ParseEnum(ref cursor, version, bits & 0xFFFF, elementSize, depth);

            case Hdf5TypeClass.VariableLength:
            {
                int kind = bits & 0x0F;
                Hdf5DataType baseType = Parse(ref cursor, depth + 1);
                if (kind == 1)
                {
                    return new Hdf5DataType(typeClass, elementSize)
                    {
                        IsVariableLengthString = true,
                        StringPadding = ReadPadding(ref cursor, (bits >> 4) & 0x0F),
                        CharacterSet = ReadCharacterSet(ref cursor, (bits >> 8) & 0x0F),
                        BaseType = baseType,
                    };
                }

                if (kind != 0)
                {
                    cursor.Unsupported($"variable-length type kind {kind} (known: 0 sequence, 1 string)");
                }

                return new Hdf5DataType(typeClass, elementSize) { BaseType = baseType };
            }

            case Hdf5TypeClass.Array:
            {
                int rank = cursor.ReadByte();
                if (version < 3)
                {
                    cursor.Skip(3);
                }

                int[] dimensions = new int[rank];
                for (int i = 0; i < rank; i++)
                {
                    dimensions[i] = checked((int)cursor.ReadUInt32());
                }

                if (version < 3)
                {
                    cursor.Skip(4 * rank); // permutation indices (unused by libhdf5)
                }

                Hdf5DataType baseType = Parse(ref cursor, depth + 1);
                CheckArraySize(ref cursor, dimensions, baseType, elementSize);
                return new Hdf5DataType(typeClass, elementSize) { BaseType = baseType, ArrayDimensions = dimensions };
            }

            default:
                cursor.Unsupported($"datatype class {(int)typeClass}");
                return null!;
        }
    }

    private static Hdf5DataType ParseCompound(ref Hdf5Cursor cursor, int version, int count, int size, int depth)
    {
        var members = new List<Hdf5CompoundMember>(count);
        for (int i = 0; i < count; i++)
        {
            int nameStart = cursor.Position;
            string name = cursor.ReadNullTerminatedString();
            if (version < 3)
            {
                // Names are NUL-padded to a multiple of 8 bytes counted from the name's start.
                int consumed = cursor.Position - nameStart;
                cursor.Skip((consumed + 7) / 8 * 8 - consumed);
            }

            int offset;
            int[]? oldArrayDimensions = null;
            if (version == 1)
            {
                offset = checked((int)cursor.ReadUInt32());
                int rank = cursor.ReadByte();
                cursor.Skip(3 + 4 + 4);
                int[] dimensions = new int[4];
                for (int d = 0; d < 4; d++)
                {
                    dimensions[d] = checked((int)cursor.ReadUInt32());
                }

                if (rank > 4)
                {
                    cursor.Fail($"compound member '{name}' with {rank} array dimensions (version 1 allows 4)");
                }

                if (rank > 0)
                {
                    oldArrayDimensions = dimensions[..rank];
                }
            }
            else if (version == 2)
            {
                offset = checked((int)cursor.ReadUInt32());
            }
            else
            {
                offset = checked((int)cursor.ReadUnsigned(LimitEncodedSize(size)));
            }

            Hdf5DataType memberType = Parse(ref cursor, depth + 1);
            if (oldArrayDimensions is not null)
            {
                int total = 1;
                foreach (int d in oldArrayDimensions)
                {
                    total = checked(total * d);
                }

                memberType = new Hdf5DataType(Hdf5TypeClass.Array, checked(total * memberType.Size))
                {
                    BaseType = memberType,
                    ArrayDimensions = oldArrayDimensions,
                };
            }

            if (offset < 0 || offset + memberType.Size > size)
            {
                cursor.Fail($"compound member '{name}' at offset {offset} with {memberType.Size} bytes does not fit a {size}-byte record");
            }

            members.Add(new Hdf5CompoundMember(name, offset, memberType));
        }

        return new Hdf5DataType(Hdf5TypeClass.Compound, size) { Members = members };
    }

    private static Hdf5DataType ParseEnum(ref Hdf5Cursor cursor, int version, int count, int size, int depth)
    {
        Hdf5DataType baseType = Parse(ref cursor, depth + 1);
        if (baseType.Class != Hdf5TypeClass.Integer || baseType.Size != size)
        {
            cursor.Unsupported($"an enum over {baseType} (expected a {size}-byte integer)");
        }

        string[] names = new string[count];
        for (int i = 0; i < count; i++)
        {
            int nameStart = cursor.Position;
            names[i] = cursor.ReadNullTerminatedString();
            if (version < 3)
            {
                int consumed = cursor.Position - nameStart;
                cursor.Skip((consumed + 7) / 8 * 8 - consumed);
            }
        }

        var members = new Hdf5EnumMember[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> raw = cursor.ReadBytes(size);
            members[i] = new Hdf5EnumMember(names[i], Values.DecodeInteger(raw, baseType));
        }

        return new Hdf5DataType(Hdf5TypeClass.Enum, size)
        {
            ByteOrder = baseType.ByteOrder,
            IsSigned = baseType.IsSigned,
            BitPrecision = baseType.BitPrecision,
            BaseType = baseType,
            EnumMembers = members,
        };
    }

    private static void CheckArraySize(ref Hdf5Cursor cursor, int[] dimensions, Hdf5DataType baseType, int size)
    {
        long total = baseType.Size;
        foreach (int d in dimensions)
        {
            total *= d;
        }

        if (total != size)
        {
            cursor.Fail($"an array type of {size} bytes whose dimensions [{string.Join(",", dimensions)}] of {baseType.Size}-byte elements make {total}");
        }
    }

    private static Hdf5StringPadding ReadPadding(ref Hdf5Cursor cursor, int value)
    {
        if (value > 2)
        {
            cursor.Unsupported($"string padding {value} (known: 0 nullterm, 1 nullpad, 2 spacepad)");
        }

        return (Hdf5StringPadding)value;
    }

    private static Hdf5CharacterSet ReadCharacterSet(ref Hdf5Cursor cursor, int value)
    {
        if (value > 1)
        {
            cursor.Unsupported($"character set {value} (known: 0 ASCII, 1 UTF-8)");
        }

        return (Hdf5CharacterSet)value;
    }

    /// <summary>libhdf5 <c>H5VM_limit_enc_size</c>: bytes needed to encode values up to <paramref name="limit"/>.</summary>
    internal static int LimitEncodedSize(long limit) => (Log2Floor((ulong)limit) / 8) + 1;

    internal static int Log2Floor(ulong value) => value == 0 ? 0 : 63 - System.Numerics.BitOperations.LeadingZeroCount(value);

    internal static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
