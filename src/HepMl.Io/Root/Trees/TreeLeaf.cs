using HepMl.Io.Columns;
using HepMl.Io.Root.Objects;

namespace HepMl.Io.Root.Trees;

/// <summary>A TLeaf: the type description of (part of) a branch (ROOT: <c>TLeaf</c> and subclasses).</summary>
public sealed class TreeLeaf
{
    internal TreeLeaf(RootObject model)
    {
        Model = model;
        Name = model.GetString("fName");
        Title = model.GetString("fTitle");
        ClassName = model.ClassName;
        Length = model.Has("fLen") ? model.GetInt32("fLen") : 1;
        IsUnsigned = model.Has("fIsUnsigned") && Convert.ToBoolean(model["fIsUnsigned"], System.Globalization.CultureInfo.InvariantCulture);
        ElementTypeCode = model.Has("fType") && model.ClassName == "TLeafElement" ? model.GetInt32("fType") : -1;
    }

    /// <summary>Leaf name (<c>fName</c>).</summary>
    public string Name { get; }

    /// <summary>Leaf title (<c>fTitle</c>), e.g. <c>Muon_pt[nMuon]/F</c> or <c>x[3]</c>.</summary>
    public string Title { get; }

    /// <summary>The TLeaf subclass: TLeafF, TLeafI, TLeafElement...</summary>
    public string ClassName { get; }

    /// <summary>Fixed number of values per entry (<c>fLen</c>).</summary>
    public int Length { get; }

    /// <summary>True for unsigned integer leaves (<c>fIsUnsigned</c>).</summary>
    public bool IsUnsigned { get; }

    /// <summary>The leaf that counts this leaf's values per entry (<c>fLeafCount</c>), or null.</summary>
    public TreeLeaf? CountLeaf { get; internal set; }

    /// <summary>For TLeafElement: the streamer type code (<c>fType</c>), else -1.</summary>
    public int ElementTypeCode { get; }

    internal RootObject Model { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({ClassName} '{Title}')";
}
