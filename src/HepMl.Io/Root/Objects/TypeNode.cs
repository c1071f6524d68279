using HepMl.Io.Columns;
namespace HepMl.Io.Root.Objects;

/// <summary>A parsed C++ type as ROOT streams it (uproot: the containers of <c>containers.py</c>).</summary>
internal abstract record TypeNode
{
    /// <summary>True when this node is streamed with its own byte-count/version header.</summary>
    public virtual bool Header => false;
}

/// <summary>A number; Double32_t and Float16_t are marked because their packing depends on a range.</summary>
internal sealed record PrimitiveNode(ElementType Element, bool IsDouble32 = false, bool IsFloat16 = false) : TypeNode;

/// <summary>Where a string's bytes come from.</summary>
internal enum StringFlavor
{
    /// <summary>std::string: 1-byte length (255 then 4-byte length).</summary>
    Standard,

    /// <summary>TString: same length encoding, never a header.</summary>
    RootString,

    /// <summary>char*: 4-byte length.</summary>
    CharPointer,
}

/// <summary>A string.</summary>
internal sealed record StringNode(StringFlavor Flavor, bool HasHeader) : TypeNode
{
    public override bool Header => HasHeader;
}

/// <summary>The standard sequence containers.</summary>
internal enum SequenceFlavor
{
    Vector,
    List,
    Deque,
    Set,
    RVec,
}

/// <summary>std::vector, std::list, std::deque, std::set, ROOT::VecOps::RVec: a count then the items.</summary>
internal sealed record SequenceNode(SequenceFlavor Flavor, TypeNode Item, bool HasHeader) : TypeNode
{
    public override bool Header => HasHeader;
}

/// <summary>std::map / std::unordered_map / std::multimap.</summary>
internal sealed record MapNode(TypeNode Key, TypeNode Value, bool HasHeader) : TypeNode
{
    public override bool Header => HasHeader;
}

/// <summary>std::bitset&lt;N&gt;, streamed as a count then one byte per bit.</summary>
internal sealed record BitSetNode(int Bits, bool HasHeader) : TypeNode
{
    public override bool Header => HasHeader;
}

/// <summary>A class streamed by its TStreamerInfo (or a built-in reader).</summary>
internal sealed record ClassNode(string ClassName) : TypeNode;

/// <summary>A pointer, streamed as an object reference (<c>TBufferFile::ReadObjectAny</c>).</summary>
internal sealed record PointerNode(TypeNode Target) : TypeNode;
