using HepMl.Io.Columns;
using HepMl.Io.Binary;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Objects;

/// <summary>Reading of values described by a parsed C++ type: numbers, strings, standard containers, classes, pointers.</summary>
internal sealed partial class ObjectReader
{
    /// <summary>Reads one value of type <paramref name="node"/>; <paramref name="header"/> false suppresses the node's header.</summary>
    public object? ReadValue(ref RootCursor cursor, TypeNode node, bool header = true)
    {
        switch (node)
        {
            case PrimitiveNode primitive:
                return ReadPrimitive(ref cursor, primitive);
            case StringNode text:
                return ReadStringValue(ref cursor, text, header);
            case SequenceNode sequence:
                return ReadSequence(ref cursor, sequence, header);
            case MapNode map:
                return ReadMap(ref cursor, map, header);
            case BitSetNode bits:
                return ReadBitSet(ref cursor, bits, header);
            case ClassNode classNode:
                return ReadClass(ref cursor, classNode.ClassName);
            case PointerNode:
                return ReadObjectAny(ref cursor);
            default:
                throw cursor.Unsupported($"type {node} is not supported");
        }
    }

    private static object ReadPrimitive(ref RootCursor cursor, PrimitiveNode primitive)
    {
        if (primitive.IsDouble32)
        {
            return TruncatedFloats.ReadDouble32(ref cursor, default);
        }

        if (primitive.IsFloat16)
        {
            return TruncatedFloats.ReadFloat16(ref cursor, default);
        }

        return primitive.Element switch
        {
            ElementType.Boolean => cursor.ReadBool(),
            ElementType.Int8 => cursor.ReadSByte(),
            ElementType.UInt8 => cursor.ReadByte(),
            ElementType.Int16 => cursor.ReadInt16(),
            ElementType.UInt16 => cursor.ReadUInt16(),
            ElementType.Int32 => cursor.ReadInt32(),
            ElementType.UInt32 => cursor.ReadUInt32(),
            ElementType.Int64 => cursor.ReadInt64(),
            ElementType.UInt64 => cursor.ReadUInt64(),
            ElementType.Float32 => cursor.ReadSingle(),
            ElementType.Float64 => cursor.ReadDouble(),
            _ => throw cursor.Unsupported($"{primitive.Element} is not a primitive"),
        };
    }

    private static string ReadStringValue(ref RootCursor cursor, StringNode text, bool header)
    {
        if (text.Flavor == StringFlavor.CharPointer)
        {
            return ReadCharStar(ref cursor);
        }

        if (text.HasHeader && header)
        {
            VersionHeader versionHeader = cursor.ReadVersionHeader();
            string value = cursor.ReadString();
            cursor.CheckEnd(versionHeader, "std::string");
            return value;
        }

        return cursor.ReadString();
    }

    private object ReadSequence(ref RootCursor cursor, SequenceNode sequence, bool header)
    {
        VersionHeader versionHeader = default;
        bool hasHeader = sequence.HasHeader && header;
        if (hasHeader)
        {
            versionHeader = cursor.ReadVersionHeader();
            if (versionHeader.IsMemberwise)
            {
                object memberwise = ReadMemberwiseSequence(ref cursor, sequence);
                cursor.CheckEnd(versionHeader, sequence.Flavor.ToString());
                return memberwise;
            }
        }

        int count = cursor.ReadCount(1, sequence.Flavor.ToString());
        object items = ReadItems(ref cursor, sequence.Item, count, header: true);
        if (hasHeader)
        {
            cursor.CheckEnd(versionHeader, sequence.Flavor.ToString());
        }

        return items;
    }

    /// <summary>Reads <paramref name="count"/> items: a typed array for plain numbers, a list otherwise.</summary>
    public object ReadItems(ref RootCursor cursor, TypeNode item, int count, bool header)
    {
        if (item is PrimitiveNode { IsDouble32: false, IsFloat16: false } primitive)
        {
            return PrimitiveArrays.Read(ref cursor, primitive.Element, count);
        }

        cursor.CheckCount(count, 1, "container");
        var items = new List<object?>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(ReadValue(ref cursor, item, header));
        }

        return items;
    }

    /// <summary>A collection of objects streamed member by member: all items' first member, then the second...</summary>
    private List<object?> ReadMemberwiseSequence(ref RootCursor cursor, SequenceNode sequence)
    {
        if (sequence.Item is not ClassNode classNode)
        {
            throw cursor.Unsupported($"member-wise streaming of a {sequence.Flavor} of {sequence.Item} is not supported");
        }

        // The class version and checksum of the items (ROOT: TBufferFile::ReadVersionForMemberWise).
        int version = cursor.ReadInt16();
        cursor.Skip(4);
        int count = cursor.ReadCount(1, sequence.Flavor.ToString());
        StreamerInfo info = FindMemberwiseStreamer(ref cursor, classNode.ClassName, version);
        var items = new List<object?>(count);
        var objects = new RootObject[count];
        for (int i = 0; i < count; i++)
        {
            objects[i] = new RootObject(classNode.ClassName, info.ClassVersion);
            items.Add(objects[i]);
        }

        foreach (StreamerElement element in info.Elements)
        {
            for (int i = 0; i < count; i++)
            {
                ReadMember(ref cursor, element, objects[i]);
            }
        }

        return items;
    }

    private StreamerInfo FindMemberwiseStreamer(ref RootCursor cursor, string className, int version)
    {
        if (_streamers?.Find(className, version) is StreamerInfo exact)
        {
            return exact;
        }

        return _streamers?.FindLatest(className)
            ?? throw cursor.Unsupported($"class {className} is not described by any TStreamerInfo in this file");
    }

    private object ReadMap(ref RootCursor cursor, MapNode map, bool header)
    {
        VersionHeader versionHeader = default;
        bool hasHeader = map.HasHeader && header;
        if (hasHeader)
        {
            versionHeader = cursor.ReadVersionHeader();
        }

        List<object?> keys;
        List<object?> values;
        if (hasHeader && versionHeader.IsMemberwise)
        {
            // std::pair<K,V> streamed member-wise: its version and checksum, the count, all keys, then all values.
            cursor.Skip(6);
            int count = cursor.ReadCount(1, "map");
            if (map.Key.Header)
            {
                cursor.Skip(6);
            }

            keys = AsList(ReadItems(ref cursor, map.Key, count, header: false));
            if (map.Value.Header)
            {
                cursor.Skip(6);
            }

            values = AsList(ReadItems(ref cursor, map.Value, count, header: false));
        }
        else
        {
            int count = cursor.ReadCount(1, "map");
            keys = new List<object?>(count);
            values = new List<object?>(count);
            for (int i = 0; i < count; i++)
            {
                keys.Add(ReadValue(ref cursor, map.Key));
                values.Add(ReadValue(ref cursor, map.Value));
            }
        }

        if (hasHeader)
        {
            cursor.CheckEnd(versionHeader, "map");
        }

        return new RootMap(keys, values);
    }

    private static bool[] ReadBitSet(ref RootCursor cursor, BitSetNode bits, bool header)
    {
        VersionHeader versionHeader = default;
        bool hasHeader = bits.HasHeader && header;
        if (hasHeader)
        {
            versionHeader = cursor.ReadVersionHeader();
        }

        int count = cursor.ReadCount(1, "bitset");
        var values = new bool[count];
        PrimitiveArrays.DecodeInto(cursor.ReadBytes(count), values);
        if (hasHeader)
        {
            cursor.CheckEnd(versionHeader, "bitset");
        }

        return values;
    }

    private static List<object?> AsList(object items)
    {
        if (items is List<object?> list)
        {
            return list;
        }

        var array = (Array)items;
        var result = new List<object?>(array.Length);
        foreach (object? item in array)
        {
            result.Add(item);
        }

        return result;
    }
}
