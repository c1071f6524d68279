using System.Text;

namespace HepMl.Io.Hdf5.Writing;

/// <summary>
/// Encodes the object header messages the writer emits: datatype (version 1), dataspace (version 2), fill value
/// (version 3), data layout (version 3), filter pipeline (version 2), link info, group info, link and attribute
/// (version 3) messages, exactly as the HDF5 File Format Specification 3.0, IV.A.2 lays them out.
/// </summary>
internal static class MessageEncoder
{
    public static void Datatype(MetadataBuffer buffer, Hdf5DataType type)
    {
        switch (type.Class)
        {
            case Hdf5TypeClass.Integer:
                Header(buffer, 0, 1, (type.ByteOrder == Hdf5ByteOrder.BigEndian ? 0x01 : 0) | (type.IsSigned ? 0x08 : 0), 0, 0, type.Size);
                buffer.UInt16(0);
                buffer.UInt16(8 * type.Size);
                return;

            case Hdf5TypeClass.Float:
            {
                // Bits: byte order, mantissa normalisation 2 ("most significant bit implied"), sign bit position.
                (int exponentLocation, int exponentSize, int mantissaLocation, int mantissaSize, long bias) = type.FloatLayout;
                Header(buffer, 1, 1, (type.ByteOrder == Hdf5ByteOrder.BigEndian ? 0x01 : 0) | 0x20, (8 * type.Size) - 1, 0, type.Size);
                buffer.UInt16(0);
                buffer.UInt16(8 * type.Size);
                buffer.Byte(exponentLocation);
                buffer.Byte(exponentSize);
                buffer.Byte(mantissaLocation);
                buffer.Byte(mantissaSize);
                buffer.UInt32(bias);
                return;
            }

            case Hdf5TypeClass.String:
                Header(buffer, 3, 1, (int)type.StringPadding | ((int)type.CharacterSet << 4), 0, 0, type.Size);
                return;

            case Hdf5TypeClass.Enum:
            {
                int count = type.EnumMembers.Count;
                Header(buffer, 8, 1, count & 0xFF, count >> 8, 0, type.Size);
                Datatype(buffer, type.BaseType!);
                foreach (Hdf5EnumMember member in type.EnumMembers)
                {
                    // Version 1: each name NUL-terminated and padded to a multiple of 8 bytes from its own start.
                    byte[] name = Encoding.UTF8.GetBytes(member.Name);
                    buffer.Bytes(name);
                    buffer.Zeros(((name.Length + 8) / 8 * 8) - name.Length);
                }

                foreach (Hdf5EnumMember member in type.EnumMembers)
                {
                    for (int i = 0; i < type.Size; i++)
                    {
                        buffer.Byte((byte)(member.Value >> (8 * i)));
                    }
                }

                return;
            }

            case Hdf5TypeClass.VariableLength when type.IsVariableLengthString:
                Header(buffer, 9, 1, 0x01 | ((int)type.StringPadding << 4), (int)type.CharacterSet, 0, 16);
                Datatype(buffer, Hdf5DataType.Integer(1, signed: false));
                return;

            case Hdf5TypeClass.VariableLength:
                Header(buffer, 9, 1, 0x00, 0, 0, 16); // a sequence of the base type
                Datatype(buffer, type.BaseType!);
                return;

            default:
                throw new NotSupportedException($"the HDF5 writer does not write {type} values");
        }
    }

    private static void Header(MetadataBuffer buffer, int typeClass, int version, int bits0, int bits1, int bits2, int size)
    {
        buffer.Byte(typeClass | (version << 4));
        buffer.Byte(bits0);
        buffer.Byte(bits1);
        buffer.Byte(bits2);
        buffer.UInt32(size);
    }

    /// <summary>Dataspace version 2; <paramref name="maxDimensions"/> entries of -1 are unlimited.</summary>
    public static void Dataspace(MetadataBuffer buffer, Hdf5DataspaceKind kind, IReadOnlyList<long> dimensions, IReadOnlyList<long>? maxDimensions)
    {
        buffer.Byte(2);
        buffer.Byte(dimensions.Count);
        bool hasMax = maxDimensions is not null && kind == Hdf5DataspaceKind.Simple;
        buffer.Byte(hasMax ? 1 : 0);
        buffer.Byte(kind switch { Hdf5DataspaceKind.Scalar => 0, Hdf5DataspaceKind.Simple => 1, _ => 2 });
        foreach (long d in dimensions)
        {
            buffer.Length8(d);
        }

        if (hasMax)
        {
            foreach (long d in maxDimensions!)
            {
                buffer.UInt64(d < 0 ? ulong.MaxValue : (ulong)d);
            }
        }
    }

    /// <summary>Fill value version 3: the allocation time, fill written "if set", no user value (zeros).</summary>
    public static void FillValue(MetadataBuffer buffer, bool chunked)
    {
        buffer.Byte(3);
        buffer.Byte((chunked ? 3 : 2) | (2 << 2));
    }

    public static void ContiguousLayout(MetadataBuffer buffer, long address, long size)
    {
        buffer.Byte(3);
        buffer.Byte(1);
        buffer.Address(address);
        buffer.Length8(size);
    }

    public static void ChunkedLayout(MetadataBuffer buffer, long btreeAddress, IReadOnlyList<int> chunk, int elementSize)
    {
        buffer.Byte(3);
        buffer.Byte(2);
        buffer.Byte(chunk.Count + 1);
        buffer.Address(btreeAddress);
        foreach (int c in chunk)
        {
            buffer.UInt32(c);
        }

        buffer.UInt32(elementSize);
    }

    public static void FilterPipeline(MetadataBuffer buffer, IReadOnlyList<Hdf5Filter> filters)
    {
        buffer.Byte(2);
        buffer.Byte(filters.Count);
        foreach (Hdf5Filter filter in filters)
        {
            buffer.UInt16(filter.Id);
            buffer.UInt16(filter.Flags);
            buffer.UInt16(filter.ClientData.Count);
            foreach (uint value in filter.ClientData)
            {
                buffer.UInt32(value);
            }
        }
    }

    /// <summary>Link info version 0 for a compact new-style group: no creation order, no dense storage.</summary>
    public static void LinkInfo(MetadataBuffer buffer)
    {
        buffer.Byte(0);
        buffer.Byte(0);
        buffer.Address(MetadataBuffer.UndefinedAddress);
        buffer.Address(MetadataBuffer.UndefinedAddress);
    }

    /// <summary>Group info version 0 with default phase-change values.</summary>
    public static void GroupInfo(MetadataBuffer buffer)
    {
        buffer.Byte(0);
        buffer.Byte(0);
    }

    /// <summary>A hard link (UTF-8 name).</summary>
    public static void HardLink(MetadataBuffer buffer, string name, long address)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        int sizeBits = bytes.Length <= byte.MaxValue ? 0 : bytes.Length <= ushort.MaxValue ? 1 : 2;
        buffer.Byte(1);
        buffer.Byte(sizeBits | 0x10);
        buffer.Byte(1); // UTF-8
        switch (sizeBits)
        {
            case 0: buffer.Byte(bytes.Length); break;
            case 1: buffer.UInt16(bytes.Length); break;
            default: buffer.UInt32(bytes.Length); break;
        }

        buffer.Bytes(bytes);
        buffer.Address(address);
    }

    /// <summary>Attribute message version 3 (UTF-8 name, no padding).</summary>
    public static void Attribute(MetadataBuffer buffer, string name, Hdf5DataType type, Hdf5DataspaceKind kind, IReadOnlyList<long> shape, ReadOnlySpan<byte> data)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        var typeBuffer = new MetadataBuffer();
        Datatype(typeBuffer, type);
        var spaceBuffer = new MetadataBuffer();
        Dataspace(spaceBuffer, kind, shape, null);
        buffer.Byte(3);
        buffer.Byte(0);
        buffer.UInt16(nameBytes.Length + 1);
        buffer.UInt16(typeBuffer.Length);
        buffer.UInt16(spaceBuffer.Length);
        buffer.Byte(1); // UTF-8 name
        buffer.Bytes(nameBytes);
        buffer.Byte(0);
        buffer.Bytes(typeBuffer.Span);
        buffer.Bytes(spaceBuffer.Span);
        buffer.Bytes(data);
    }
}
