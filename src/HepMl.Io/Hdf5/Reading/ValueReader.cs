using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Typed reads of a stored value array (a dataset or an attribute): numbers into spans with byte-order fix-up and
/// the allowed conversions, strings (fixed-length, or variable-length from the global heap), variable-length
/// sequences as jagged arrays, compound members, and generic decoding into .NET objects.
/// </summary>
internal sealed class ValueReader
{
    /// <summary>Rows decoded per block when a conversion needs a temporary buffer (bounded memory).</summary>
    private const long BlockBytes = 4 << 20;

    private readonly Hdf5Context _context;
    private readonly string _objectPath;
    private readonly IRawRows _rows;

    public ValueReader(Hdf5Context context, string objectPath, Hdf5DataType type, Dataspace space, IRawRows rows)
    {
        _context = context;
        _objectPath = objectPath;
        Type = type;
        Space = space;
        _rows = rows;
    }

    public Hdf5DataType Type { get; }

    public Dataspace Space { get; }

    public long RowCount => _rows.RowCount;

    public long ElementsPerRow => _rows.ElementsPerRow;

    public void CheckRows(long firstRow, long rowCount)
    {
        if (firstRow < 0 || rowCount < 0 || firstRow > RowCount - rowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRow),
                $"rows {firstRow}..{firstRow + rowCount} are outside the {RowCount} rows of {_objectPath}");
        }
    }

    /// <summary>Values per stored element when read as numbers (array types flatten into their elements).</summary>
    public static (Hdf5ElementKind Kind, int PerElement, Hdf5DataType Scalar) NumericShape(Hdf5DataType type)
    {
        int perElement = 1;
        Hdf5DataType scalar = type;
        while (scalar.Class == Hdf5TypeClass.Array)
        {
            foreach (int d in scalar.ArrayDimensions)
            {
                perElement *= d;
            }

            scalar = scalar.BaseType!;
        }

        return (scalar.ElementKind, perElement, scalar);
    }

    /// <summary>Reads rows as numbers of type <typeparamref name="T"/>.</summary>
    public void ReadNumbers<T>(long firstRow, long rowCount, Span<T> destination)
        where T : unmanaged
    {
        CheckRows(firstRow, rowCount);
        (Hdf5ElementKind from, int perElement, Hdf5DataType scalar) = NumericShape(Type);
        Hdf5ElementKind to = Values.KindOf<T>();
        CheckConvertible(scalar, from, to, typeof(T));
        long valuesPerRow = _rows.ElementsPerRow * perElement;
        if (destination.Length != valuesPerRow * rowCount)
        {
            throw new ArgumentException($"the destination holds {destination.Length} values; {rowCount} rows of {_objectPath} have {valuesPerRow * rowCount}", nameof(destination));
        }

        bool swap = scalar.ByteOrder == Hdf5ByteOrder.BigEndian;
        int size = Values.SizeOf(from);
        if (from == to)
        {
            Span<byte> bytes = MemoryMarshal.AsBytes(destination);
            _rows.ReadRows(firstRow, rowCount, bytes);
            if (swap)
            {
                Values.SwapInPlace(bytes, size);
            }

            if (from == Hdf5ElementKind.Boolean)
            {
                NormalizeBooleans(bytes);
            }

            return;
        }

        long rowBytes = _rows.ElementsPerRow * Type.Size;
        long rowsPerBlock = Math.Max(1, BlockBytes / Math.Max(1, rowBytes));
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(rowsPerBlock * rowBytes, rowCount * rowBytes));
        try
        {
            for (long row = 0; row < rowCount; row += rowsPerBlock)
            {
                long rows = Math.Min(rowsPerBlock, rowCount - row);
                Span<byte> raw = buffer.AsSpan(0, (int)(rows * rowBytes));
                _rows.ReadRows(firstRow + row, rows, raw);
                if (swap)
                {
                    Values.SwapInPlace(raw, size);
                }

                if (from == Hdf5ElementKind.Boolean)
                {
                    NormalizeBooleans(raw);
                }

                Values.Convert(raw, from, destination.Slice((int)(row * valuesPerRow), (int)(rows * valuesPerRow)));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads rows as strings (fixed-length or variable-length string types).</summary>
    public string[] ReadStrings(long firstRow, long rowCount)
    {
        CheckRows(firstRow, rowCount);
        if (!Type.IsString)
        {
            throw new InvalidCastException($"{_objectPath} holds {Type}, not strings");
        }

        byte[] raw = ReadRawRows(firstRow, rowCount);
        int count = (int)(rowCount * _rows.ElementsPerRow);
        string[] result = new string[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = DecodeString(raw.AsSpan(i * Type.Size, Type.Size), Type);
        }

        return result;
    }

    /// <summary>Reads rows of a variable-length sequence type as a jagged array.</summary>
    public Hdf5Jagged<T> ReadJagged<T>(long firstRow, long rowCount)
        where T : unmanaged
    {
        CheckRows(firstRow, rowCount);
        if (!Type.IsVariableLengthSequence)
        {
            throw new InvalidCastException($"{_objectPath} holds {Type}, not variable-length sequences");
        }

        (Hdf5ElementKind from, int perElement, Hdf5DataType scalar) = NumericShape(Type.BaseType!);
        Hdf5ElementKind to = Values.KindOf<T>();
        CheckConvertible(scalar, from, to, typeof(T));
        byte[] raw = ReadRawRows(firstRow, rowCount);
        int count = (int)(rowCount * _rows.ElementsPerRow);
        long[] offsets = new long[count + 1];
        var bytes = new List<byte[]>(count);
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] element = ReadHeapObject(raw.AsSpan(i * Type.Size, Type.Size), out long length).ToArray();
            long expected = length * Type.BaseType!.Size;
            if (element.Length < expected)
            {
                throw _context.Error($"element {i}: the heap object holds {element.Length} bytes; {length} values need {expected}", -1, _objectPath);
            }

            bytes.Add(element.AsSpan(0, (int)expected).ToArray());
            total += length * perElement;
            offsets[i + 1] = total;
        }

        T[] values = new T[total];
        int size = Values.SizeOf(from);
        for (int i = 0; i < count; i++)
        {
            byte[] element = bytes[i];
            if (scalar.ByteOrder == Hdf5ByteOrder.BigEndian)
            {
                Values.SwapInPlace(element, size);
            }

            Span<T> target = values.AsSpan((int)offsets[i], (int)(offsets[i + 1] - offsets[i]));
            if (from == to)
            {
                element.CopyTo(MemoryMarshal.AsBytes(target));
            }
            else
            {
                Values.Convert(element, from, target);
            }
        }

        return new Hdf5Jagged<T>(values, offsets);
    }

    /// <summary>Reads one member (nested names in <paramref name="path"/>) of a compound type as numbers.</summary>
    public T[] ReadMember<T>(IReadOnlyList<string> path, long firstRow, long rowCount)
        where T : unmanaged
    {
        (int offset, Hdf5DataType memberType) = FindMember(path);
        (Hdf5ElementKind from, int perElement, Hdf5DataType scalar) = NumericShape(memberType);
        Hdf5ElementKind to = Values.KindOf<T>();
        CheckConvertible(scalar, from, to, typeof(T));
        byte[] member = GatherMember(offset, memberType.Size, firstRow, rowCount);
        int size = Values.SizeOf(from);
        if (scalar.ByteOrder == Hdf5ByteOrder.BigEndian)
        {
            Values.SwapInPlace(member, size);
        }

        if (from == Hdf5ElementKind.Boolean)
        {
            NormalizeBooleans(member);
        }

        T[] result = new T[member.Length / size];
        if (from == to)
        {
            member.CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        }
        else
        {
            Values.Convert(member, from, result.AsSpan());
        }

        _ = perElement;
        return result;
    }

    /// <summary>Reads one string member of a compound type.</summary>
    public string[] ReadMemberStrings(IReadOnlyList<string> path, long firstRow, long rowCount)
    {
        (int offset, Hdf5DataType memberType) = FindMember(path);
        if (!memberType.IsString)
        {
            throw new InvalidCastException($"member {string.Join("/", path)} of {_objectPath} holds {memberType}, not strings");
        }

        byte[] member = GatherMember(offset, memberType.Size, firstRow, rowCount);
        string[] result = new string[member.Length / memberType.Size];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = DecodeString(member.AsSpan(i * memberType.Size, memberType.Size), memberType);
        }

        return result;
    }

    /// <summary>
    /// All values decoded into .NET objects: null for a null dataspace, one element for a scalar, nested
    /// <c>object?[]</c> by shape otherwise. Elements: bool, long, ulong (above long.MaxValue), double, string,
    /// <c>Dictionary&lt;string, object?&gt;</c> for compounds, <c>object?[]</c> for arrays and sequences.
    /// </summary>
    public object? ReadObjects()
    {
        if (Space.Kind == Hdf5DataspaceKind.Null)
        {
            return null;
        }

        byte[] raw = ReadRawRows(0, RowCount);
        int count = (int)Space.ElementCount;
        object?[] elements = new object?[count];
        for (int i = 0; i < count; i++)
        {
            elements[i] = DecodeElement(raw.AsSpan(i * Type.Size, Type.Size), Type, 0);
        }

        if (Space.Kind == Hdf5DataspaceKind.Scalar)
        {
            return elements[0];
        }

        int position = 0;
        return Nest(elements, Space.Dimensions, 0, ref position);
    }

    /// <summary>The elements of rows [first, first + count) decoded into .NET objects, flattened in C order.</summary>
    public object?[] ReadObjectRows(long firstRow, long rowCount)
    {
        byte[] raw = ReadRawRows(firstRow, rowCount);
        object?[] elements = new object?[raw.Length / Type.Size];
        for (int i = 0; i < elements.Length; i++)
        {
            elements[i] = DecodeElement(raw.AsSpan(i * Type.Size, Type.Size), Type, 0);
        }

        return elements;
    }

    /// <summary>The stored bytes of rows [first, first + count).</summary>
    public byte[] ReadRawRows(long firstRow, long rowCount)
    {
        CheckRows(firstRow, rowCount);
        long length = rowCount * _rows.ElementsPerRow * Type.Size;
        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException($"{length} bytes of {_objectPath} do not fit one array; read fewer rows");
        }

        byte[] raw = new byte[length];
        _rows.ReadRows(firstRow, rowCount, raw);
        return raw;
    }

    private static object?[] Nest(object?[] flat, long[] dims, int level, ref int position)
    {
        object?[] result = new object?[dims[level]];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = level == dims.Length - 1 ? flat[position++] : Nest(flat, dims, level + 1, ref position);
        }

        return result;
    }

    private object? DecodeElement(ReadOnlySpan<byte> raw, Hdf5DataType type, int depth)
    {
        if (depth > 32)
        {
            throw _context.Error("values nest deeper than 32 levels", -1, _objectPath);
        }

        if (type.IsString)
        {
            return DecodeString(raw, type);
        }

        switch (type.Class)
        {
            case Hdf5TypeClass.Integer:
            case Hdf5TypeClass.Enum:
            case Hdf5TypeClass.Float:
            {
                Hdf5ElementKind kind = type.ElementKind;
                if (kind == Hdf5ElementKind.None)
                {
                    throw new UnsupportedFormatException($"values of type {type} are not readable", _context.FilePath, -1, _objectPath);
                }

                Span<byte> copy = stackalloc byte[raw.Length];
                raw.CopyTo(copy);
                if (type.ByteOrder == Hdf5ByteOrder.BigEndian)
                {
                    copy.Reverse();
                }

                return kind switch
                {
                    Hdf5ElementKind.Boolean => copy[0] != 0,
                    Hdf5ElementKind.Int8 => (long)(sbyte)copy[0],
                    Hdf5ElementKind.UInt8 => (long)copy[0],
                    Hdf5ElementKind.Int16 => (long)BinaryPrimitives.ReadInt16LittleEndian(copy),
                    Hdf5ElementKind.UInt16 => (long)BinaryPrimitives.ReadUInt16LittleEndian(copy),
                    Hdf5ElementKind.Int32 => (long)BinaryPrimitives.ReadInt32LittleEndian(copy),
                    Hdf5ElementKind.UInt32 => (long)BinaryPrimitives.ReadUInt32LittleEndian(copy),
                    Hdf5ElementKind.Int64 => BinaryPrimitives.ReadInt64LittleEndian(copy),
                    Hdf5ElementKind.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(copy) is var u && u > long.MaxValue ? u : (object)(long)u,
                    Hdf5ElementKind.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(copy),
                    Hdf5ElementKind.Float32 => (double)BinaryPrimitives.ReadSingleLittleEndian(copy),
                    _ => BinaryPrimitives.ReadDoubleLittleEndian(copy),
                };
            }

            case Hdf5TypeClass.Compound:
            {
                var record = new Dictionary<string, object?>(type.Members.Count, StringComparer.Ordinal);
                foreach (Hdf5CompoundMember member in type.Members)
                {
                    record[member.Name] = DecodeElement(raw.Slice(member.Offset, member.Type.Size), member.Type, depth + 1);
                }

                return record;
            }

            case Hdf5TypeClass.Array:
            {
                Hdf5DataType baseType = type.BaseType!;
                int count = raw.Length / baseType.Size;
                object?[] flat = new object?[count];
                for (int i = 0; i < count; i++)
                {
                    flat[i] = DecodeElement(raw.Slice(i * baseType.Size, baseType.Size), baseType, depth + 1);
                }

                long[] dims = type.ArrayDimensions.Select(d => (long)d).ToArray();
                int position = 0;
                return Nest(flat, dims, 0, ref position);
            }

            case Hdf5TypeClass.VariableLength:
            {
                Hdf5DataType baseType = type.BaseType!;
                ReadOnlySpan<byte> bytes = ReadHeapObject(raw, out long length);
                if (bytes.Length < length * baseType.Size)
                {
                    throw _context.Error($"a heap object of {bytes.Length} bytes holds fewer than its {length} values", -1, _objectPath);
                }

                byte[] copy = bytes[..(int)(length * baseType.Size)].ToArray();
                object?[] values = new object?[length];
                for (int i = 0; i < length; i++)
                {
                    values[i] = DecodeElement(copy.AsSpan(i * baseType.Size, baseType.Size), baseType, depth + 1);
                }

                return values;
            }

            default:
                throw new UnsupportedFormatException($"values of class {type.Class} are not readable", _context.FilePath, -1, _objectPath);
        }
    }

    private string DecodeString(ReadOnlySpan<byte> raw, Hdf5DataType type)
    {
        ReadOnlySpan<byte> bytes;
        if (type.IsVariableLengthString)
        {
            bytes = ReadHeapObject(raw, out long length);
            if (bytes.Length < length)
            {
                throw _context.Error($"a string heap object of {bytes.Length} bytes is shorter than its length {length}", -1, _objectPath);
            }

            bytes = bytes[..(int)length];
        }
        else
        {
            bytes = raw;
        }

        switch (type.StringPadding)
        {
            case Hdf5StringPadding.NullTerminate:
            {
                int end = bytes.IndexOf((byte)0);
                if (end >= 0)
                {
                    bytes = bytes[..end];
                }

                break;
            }

            case Hdf5StringPadding.NullPad:
                bytes = bytes.TrimEnd((byte)0);
                break;

            case Hdf5StringPadding.SpacePad:
                bytes = bytes.TrimEnd((byte)' ');
                break;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Follows a variable-length reference (length, collection address, object index) into the global heap.</summary>
    private ReadOnlySpan<byte> ReadHeapObject(ReadOnlySpan<byte> raw, out long length)
    {
        var cursor = new Hdf5Cursor(raw, _context, -1, _objectPath, "variable-length reference");
        length = cursor.ReadUInt32();
        long address = cursor.ReadAddress();
        int index = (int)cursor.ReadUInt32();
        if (length == 0 || address == 0 || address == Hdf5Context.UndefinedAddress)
        {
            length = 0;
            return [];
        }

        return _context.GetGlobalHeap(address, _objectPath).Get(index, _context, _objectPath);
    }

    private (int Offset, Hdf5DataType Type) FindMember(IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            throw new ArgumentException("a member path needs at least one name", nameof(path));
        }

        Hdf5DataType current = Type;
        int offset = 0;
        for (int level = 0; level < path.Count; level++)
        {
            if (current.Class != Hdf5TypeClass.Compound)
            {
                throw new InvalidCastException($"{_objectPath}: '{string.Join("/", path.Take(level))}' is {current}, not a compound");
            }

            Hdf5CompoundMember? member = current.Members.FirstOrDefault(m => m.Name == path[level]);
            if (member is null)
            {
                throw new ObjectNotFoundException(path[level], $"compound type of {_objectPath}", current.Members.Select(m => m.Name));
            }

            offset += member.Offset;
            current = member.Type;
        }

        return (offset, current);
    }

    private byte[] GatherMember(int offset, int size, long firstRow, long rowCount)
    {
        byte[] raw = ReadRawRows(firstRow, rowCount);
        int count = raw.Length / Type.Size;
        byte[] member = new byte[count * size];
        for (int i = 0; i < count; i++)
        {
            raw.AsSpan((i * Type.Size) + offset, size).CopyTo(member.AsSpan(i * size));
        }

        return member;
    }

    private void CheckConvertible(Hdf5DataType scalar, Hdf5ElementKind from, Hdf5ElementKind to, Type target)
    {
        if (from == Hdf5ElementKind.None)
        {
            throw new InvalidCastException($"{_objectPath} holds {scalar}, which is not readable as numbers");
        }

        if (!Values.CanConvert(from, to))
        {
            throw new InvalidCastException(
                $"{_objectPath} holds {from.ToString().ToLowerInvariant()} values, which cannot be read as {target.Name} without loss (read them as their own type or as Double)");
        }
    }

    private static void NormalizeBooleans(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] != 0 ? (byte)1 : (byte)0;
        }
    }
}
