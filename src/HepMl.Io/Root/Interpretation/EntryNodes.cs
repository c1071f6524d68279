using HepMl.Io.Root.Objects;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// A branch entry that is a run of items filling the entry (uproot: <c>AsArray</c>): fixed arrays of objects in
/// split classes, TClonesArray members; optionally after a header or a 1-byte "is array" flag.
/// </summary>
internal sealed record ArrayEntryNode(TypeNode Item, bool HasHeader, bool Speedbump, int[] InnerShape) : TypeNode
{
    public override bool Header => HasHeader;
}

/// <summary>A TBranchObject entry: the class name, one byte, then the object (uproot: <c>AsDynamic</c>).</summary>
internal sealed record DynamicEntryNode : TypeNode;
