using HepMl.Io.Binary;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Objects;

/// <summary>Bootstrap readers for TStreamerInfo and the TStreamerElement family (ROOT: <c>TStreamerElement::Streamer</c>).</summary>
internal sealed partial class ObjectReader
{
    private StreamerInfo ReadStreamerInfo(ref RootCursor cursor)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        RootObject named = ReadNamed(ref cursor);
        string name = named.GetString("fName");
        uint checkSum = cursor.ReadUInt32();
        int classVersion = cursor.ReadInt32();
        cursor.Context.Push($"TStreamerInfo \"{name}\"");
        object? elements = ReadObjectAny(ref cursor);
        cursor.Context.Pop();
        var list = new List<StreamerElement>();
        if (elements is RootCollection collection)
        {
            foreach (object? item in collection.Items)
            {
                if (item is StreamerElement element)
                {
                    list.Add(element);
                }
                else if (item is not null)
                {
                    throw cursor.Error($"TStreamerInfo of {name} lists a {item.GetType().Name} among its elements");
                }
            }
        }

        cursor.CheckEnd(header, "TStreamerInfo");
        return new StreamerInfo(name, classVersion, checkSum, list);
    }

    private StreamerElement ReadStreamerElement(ref RootCursor cursor, string className)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        StreamerElement element;
        switch (className)
        {
            case "TStreamerSTLstring":
                element = ReadStreamerElement(ref cursor, "TStreamerSTL");
                element = Rekind(element, StreamerElementKind.StlString);
                break;
            default:
                element = ReadElementCore(ref cursor, Kind(className));
                break;
        }

        switch (className)
        {
            case "TStreamerBase":
                if (header.Version >= 2)
                {
                    element.BaseVersion = cursor.ReadInt32();
                }

                break;
            case "TStreamerBasicPointer":
            case "TStreamerLoop":
                cursor.ReadInt32(); // fCountVersion
                element.CountName = cursor.ReadString();
                element.CountClass = cursor.ReadString();
                break;
            case "TStreamerSTL":
                element.StlType = cursor.ReadInt32();
                element.ContainedType = cursor.ReadInt32();
                break;
        }

        cursor.CheckEnd(header, className);
        return element;
    }

    private static StreamerElement Rekind(StreamerElement element, StreamerElementKind kind)
    {
        var copy = new StreamerElement(
            kind, element.Name, element.Title, element.Type, element.Size, element.ArrayLength, element.ArrayDimensions,
            [.. element.MaxIndex], element.TypeName)
        {
            StlType = element.StlType,
            ContainedType = element.ContainedType,
        };
        return copy;
    }

    private static StreamerElement ReadElementCore(ref RootCursor cursor, StreamerElementKind kind)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        RootObject named = ReadNamed(ref cursor);
        int type = cursor.ReadInt32();
        int size = cursor.ReadInt32();
        int arrayLength = cursor.ReadInt32();
        int arrayDimensions = cursor.ReadInt32();
        int[] maxIndex;
        if (header.Version == 1)
        {
            int n = cursor.ReadCount(4, "fMaxIndex");
            maxIndex = new int[n];
            for (int i = 0; i < n; i++)
            {
                maxIndex[i] = cursor.ReadInt32();
            }
        }
        else
        {
            maxIndex = new int[5];
            for (int i = 0; i < 5; i++)
            {
                maxIndex[i] = cursor.ReadInt32();
            }
        }

        string typeName = cursor.ReadString();
        if (type == RootTypeCode.UChar && typeName is "Bool_t" or "bool")
        {
            type = RootTypeCode.Bool;
        }

        cursor.CheckEnd(header, "TStreamerElement");
        return new StreamerElement(
            kind, named.GetString("fName"), named.GetString("fTitle"), type, size, arrayLength, arrayDimensions, maxIndex, typeName);
    }

    private static StreamerElementKind Kind(string className) => className switch
    {
        "TStreamerBase" => StreamerElementKind.Base,
        "TStreamerBasicType" => StreamerElementKind.BasicType,
        "TStreamerBasicPointer" => StreamerElementKind.BasicPointer,
        "TStreamerLoop" => StreamerElementKind.Loop,
        "TStreamerObject" => StreamerElementKind.Object,
        "TStreamerObjectAny" => StreamerElementKind.ObjectAny,
        "TStreamerObjectPointer" => StreamerElementKind.ObjectPointer,
        "TStreamerObjectAnyPointer" => StreamerElementKind.ObjectAnyPointer,
        "TStreamerString" => StreamerElementKind.String,
        "TStreamerSTL" => StreamerElementKind.Stl,
        "TStreamerSTLstring" => StreamerElementKind.StlString,
        _ => StreamerElementKind.Artificial,
    };
}
