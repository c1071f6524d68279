using HepMl.Io.Columns;
using HepMl.Io.Binary;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Objects;

/// <summary>Member reading by TStreamerElement kind (ROOT: <c>TStreamerInfo::ReadBuffer</c>).</summary>
internal sealed partial class ObjectReader
{
    /// <summary>Reads one member described by <paramref name="element"/> into <paramref name="obj"/>.</summary>
    public void ReadMember(ref RootCursor cursor, StreamerElement element, RootObject obj)
    {
        switch (element.Kind)
        {
            case StreamerElementKind.Base:
                ReadBase(ref cursor, element, obj);
                break;
            case StreamerElementKind.BasicType:
                obj.Members[element.Name] = ReadBasicMember(ref cursor, element);
                break;
            case StreamerElementKind.BasicPointer:
                obj.Members[element.Name] = ReadBasicPointer(ref cursor, element, obj);
                break;
            case StreamerElementKind.Loop:
                obj.Members[element.Name] = ReadLoop(ref cursor, element, obj);
                break;
            case StreamerElementKind.String:
                obj.Members[element.Name] = element.ArrayLength > 0
                    ? ReadRepeated(ref cursor, element.ArrayLength, static (ObjectReader _, ref RootCursor c, string _) => c.ReadString(), element.TypeName)
                    : cursor.ReadString();
                break;
            case StreamerElementKind.Object:
            case StreamerElementKind.ObjectAny:
                obj.Members[element.Name] = ReadEmbeddedObject(ref cursor, element);
                break;
            case StreamerElementKind.ObjectPointer:
            case StreamerElementKind.ObjectAnyPointer:
                obj.Members[element.Name] = ReadPointerMember(ref cursor, element);
                break;
            case StreamerElementKind.Stl:
            case StreamerElementKind.StlString:
                obj.Members[element.Name] = ReadStlMember(ref cursor, element);
                break;
            default:
                throw cursor.Unsupported(
                    $"member {element.Name} of type {element.TypeName} is a {element.Kind} element, which is not supported");
        }
    }

    private void ReadBase(ref RootCursor cursor, StreamerElement element, RootObject obj)
    {
        string name = TypeNames.Normalize(element.Name);
        if (name == "TObject")
        {
            ReadTObjectInto(ref cursor, obj);
            obj.AddBase("TObject");
            return;
        }

        if (TArrayElement(name) is ElementType arrayType)
        {
            int count = cursor.ReadCount(ElementTypes.SizeOf(arrayType), name);
            obj.Members["fN"] = count;
            obj.Members["fArray"] = PrimitiveArrays.Read(ref cursor, arrayType, count);
            obj.AddBase(name);
            return;
        }

        object? part = ReadClass(ref cursor, element.Name);
        if (part is RootObject rootObject)
        {
            obj.Absorb(rootObject);
            if (rootObject is RootCollection collection)
            {
                obj.Members["@items"] = collection.Items;
            }
        }
        else
        {
            throw cursor.Unsupported($"base class {element.Name} of {obj.ClassName} is not an object ROOT can stream as a base");
        }
    }

    private object? ReadBasicMember(ref RootCursor cursor, StreamerElement element)
    {
        int type = element.Type;
        if (type is > RootTypeCode.OffsetL and < RootTypeCode.OffsetP)
        {
            type -= RootTypeCode.OffsetL;
        }

        if (type == RootTypeCode.CharStar)
        {
            return ReadCharStar(ref cursor);
        }

        if (element.ArrayLength > 0)
        {
            return ReadBasicArray(ref cursor, type, element.ArrayLength, element.Range, element.Name);
        }

        return ReadBasicScalar(ref cursor, type, element.Range, element.Name);
    }

    private static string ReadCharStar(ref RootCursor cursor)
    {
        int length = cursor.ReadInt32();
        if (length <= 0)
        {
            return string.Empty;
        }

        return System.Text.Encoding.UTF8.GetString(cursor.ReadBytes(length));
    }

    private static object ReadBasicScalar(ref RootCursor cursor, int type, TruncatedRange range, string name)
    {
        return type switch
        {
            RootTypeCode.Bool => cursor.ReadBool(),
            RootTypeCode.Char or RootTypeCode.LegacyChar => cursor.ReadSByte(),
            RootTypeCode.UChar => cursor.ReadByte(),
            RootTypeCode.Short => cursor.ReadInt16(),
            RootTypeCode.UShort => cursor.ReadUInt16(),
            RootTypeCode.Int or RootTypeCode.Counter => cursor.ReadInt32(),
            RootTypeCode.UInt or RootTypeCode.Bits => cursor.ReadUInt32(),
            RootTypeCode.Long or RootTypeCode.Long64 => cursor.ReadInt64(),
            RootTypeCode.ULong or RootTypeCode.ULong64 => cursor.ReadUInt64(),
            RootTypeCode.Float => cursor.ReadSingle(),
            RootTypeCode.Double => cursor.ReadDouble(),
            RootTypeCode.Double32 => TruncatedFloats.ReadDouble32(ref cursor, range),
            RootTypeCode.Float16 => TruncatedFloats.ReadFloat16(ref cursor, range),
            _ => throw cursor.Unsupported($"member {name} has basic type code {type}, which is not supported"),
        };
    }

    private static Array ReadBasicArray(ref RootCursor cursor, int type, int count, TruncatedRange range, string name)
    {
        if (type == RootTypeCode.Double32)
        {
            var values = new double[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = TruncatedFloats.ReadDouble32(ref cursor, range);
            }

            return values;
        }

        if (type == RootTypeCode.Float16)
        {
            var values = new float[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = TruncatedFloats.ReadFloat16(ref cursor, range);
            }

            return values;
        }

        ElementType element = ElementTypes.FromTypeCode(type)
            ?? throw cursor.Unsupported($"member {name} has basic type code {type}, which is not supported");
        cursor.CheckCount(count, ElementTypes.SizeOf(element), name);
        return PrimitiveArrays.Read(ref cursor, element, count);
    }

    private static Array ReadBasicPointer(ref RootCursor cursor, StreamerElement element, RootObject obj)
    {
        int type = element.Type - RootTypeCode.OffsetP;
        byte isArray = cursor.ReadByte();
        object? counter = obj.GetOrNull(element.CountName);
        if (counter is null)
        {
            throw cursor.Error($"member {element.Name} is sized by {element.CountName}, which was not read before it");
        }

        long count = Convert.ToInt64(counter, System.Globalization.CultureInfo.InvariantCulture);
        ElementType? elementType = ElementTypes.FromTypeCode(type);
        if (elementType is null)
        {
            throw cursor.Unsupported($"member {element.Name} has pointer type code {element.Type}, which is not supported");
        }

        if (isArray == 0)
        {
            return Array.CreateInstance(ElementTypes.ClrType(elementType.Value), 0);
        }

        cursor.CheckCount(count, type is RootTypeCode.Float16 ? 3 : ElementTypes.SizeOf(elementType.Value), element.Name);
        return ReadBasicArray(ref cursor, type, (int)count, element.Range, element.Name);
    }

    private List<object?> ReadLoop(ref RootCursor cursor, StreamerElement element, RootObject obj)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        object? counter = obj.GetOrNull(element.CountName)
            ?? throw cursor.Error($"member {element.Name} is sized by {element.CountName}, which was not read before it");
        long count = Convert.ToInt64(counter, System.Globalization.CultureInfo.InvariantCulture);
        cursor.CheckCount(count, 1, element.Name);
        string className = element.TypeName.TrimEnd('*');
        bool pointers = element.TypeName.EndsWith("**", StringComparison.Ordinal);
        var items = new List<object?>((int)count);
        for (long i = 0; i < count; i++)
        {
            items.Add(pointers ? ReadObjectAny(ref cursor) : ReadClass(ref cursor, className));
        }

        cursor.CheckEnd(header, element.Name);
        return items;
    }

    private object? ReadEmbeddedObject(ref RootCursor cursor, StreamerElement element)
    {
        string className = element.TypeName;
        if (element.ArrayLength > 0)
        {
            return ReadRepeated(ref cursor, element.ArrayLength, static (ObjectReader reader, ref RootCursor c, string name) => reader.ReadClass(ref c, name), className);
        }

        return ReadClass(ref cursor, className);
    }

    private object? ReadPointerMember(ref RootCursor cursor, StreamerElement element)
    {
        bool inline = element.Type is RootTypeCode.ObjectInlinePointer or RootTypeCode.AnyInlinePointer;
        string className = element.TypeName.TrimEnd('*');
        if (element.ArrayLength > 0)
        {
            return inline
                ? ReadRepeated(ref cursor, element.ArrayLength, static (ObjectReader reader, ref RootCursor c, string name) => reader.ReadClass(ref c, name), className)
                : ReadRepeated(ref cursor, element.ArrayLength, static (ObjectReader reader, ref RootCursor c, string _) => reader.ReadObjectAny(ref c), className);
        }

        return inline ? ReadClass(ref cursor, className) : ReadObjectAny(ref cursor);
    }

    private object? ReadStlMember(ref RootCursor cursor, StreamerElement element)
    {
        TypeNode node = element.ParsedType ??= ParseMemberType(ref cursor, element);
        if (element.Type == RootTypeCode.StlPointer)
        {
            return ReadObjectAny(ref cursor);
        }

        if (element.ArrayLength > 0)
        {
            var items = new List<object?>(element.ArrayLength);
            for (int i = 0; i < element.ArrayLength; i++)
            {
                items.Add(ReadValue(ref cursor, node));
            }

            return items;
        }

        return ReadValue(ref cursor, node);
    }

    private static TypeNode ParseMemberType(ref RootCursor cursor, StreamerElement element)
    {
        try
        {
            return TypeNameParser.Parse(element.TypeName, outerHeader: true, innerHeader: false, stringHeader: true);
        }
        catch (FormatException error)
        {
            throw cursor.Unsupported($"member {element.Name}: {error.Message}");
        }
    }

    private delegate object? ItemReader(ObjectReader reader, ref RootCursor cursor, string argument);

    private List<object?> ReadRepeated(ref RootCursor cursor, int count, ItemReader read, string argument)
    {
        var items = new List<object?>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(read(this, ref cursor, argument));
        }

        return items;
    }

    private static ElementType? TArrayElement(string className) => className switch
    {
        "TArrayC" => ElementType.Int8,
        "TArrayS" => ElementType.Int16,
        "TArrayI" => ElementType.Int32,
        "TArrayL" or "TArrayL64" => ElementType.Int64,
        "TArrayF" => ElementType.Float32,
        "TArrayD" => ElementType.Float64,
        _ => null,
    };
}
