namespace HepMl.Io.Root.Streamers;

/// <summary>
/// One member of a class layout as the file describes it (ROOT: <c>TStreamerElement</c> and subclasses; members
/// named after the ROOT fields without their <c>f</c> prefix).
/// </summary>
public sealed class StreamerElement
{
    internal StreamerElement(
        StreamerElementKind kind, string name, string title, int type, int size, int arrayLength, int arrayDimensions,
        int[] maxIndex, string typeName)
    {
        Kind = kind;
        Name = name;
        Title = title;
        Type = type;
        Size = size;
        ArrayLength = arrayLength;
        ArrayDimensions = arrayDimensions;
        MaxIndex = maxIndex;
        TypeName = typeName;
        Range = TruncatedRange.Parse(title);
    }

    /// <summary>Which TStreamerElement subclass this is.</summary>
    public StreamerElementKind Kind { get; }

    /// <summary>Member name (<c>fName</c>); for a base class, the class name.</summary>
    public string Name { get; }

    /// <summary>Comment (<c>fTitle</c>), which carries Double32_t/Float16_t ranges such as <c>[0,10,12]</c>.</summary>
    public string Title { get; }

    /// <summary>Type code (<c>fType</c>), see ROOT's <c>TVirtualStreamerInfo::EReadWrite</c>.</summary>
    public int Type { get; internal set; }

    /// <summary>Size in memory (<c>fSize</c>).</summary>
    public int Size { get; }

    /// <summary>Total number of items of a fixed array, 0 for a scalar (<c>fArrayLength</c>).</summary>
    public int ArrayLength { get; }

    /// <summary>Number of array dimensions (<c>fArrayDim</c>).</summary>
    public int ArrayDimensions { get; }

    /// <summary>Size of each array dimension (<c>fMaxIndex</c>).</summary>
    public IReadOnlyList<int> MaxIndex { get; }

    /// <summary>C++ type (<c>fTypeName</c>).</summary>
    public string TypeName { get; }

    /// <summary>Version of a base class (<c>fBaseVersion</c>, TStreamerBase only), -1 when absent.</summary>
    public int BaseVersion { get; internal set; } = -1;

    /// <summary>Name of the counter member (<c>fCountName</c>, TStreamerBasicPointer and TStreamerLoop).</summary>
    public string CountName { get; internal set; } = string.Empty;

    /// <summary>Class holding the counter (<c>fCountClass</c>).</summary>
    public string CountClass { get; internal set; } = string.Empty;

    /// <summary>Container kind (<c>fSTLtype</c>: 1 vector, 2 list, 3 deque, 4 map, 5 multimap, 6 set, 7 multiset, 8 bitset).</summary>
    public int StlType { get; internal set; }

    /// <summary>Element type code of the container (<c>fCtype</c>).</summary>
    public int ContainedType { get; internal set; }

    /// <summary>The Double32_t/Float16_t packing parsed from the title.</summary>
    internal TruncatedRange Range { get; }

    /// <summary>The parsed container type of an STL member, cached after first use.</summary>
    internal Objects.TypeNode? ParsedType { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{TypeName} {Name} ({Kind}, type {Type})";
}
