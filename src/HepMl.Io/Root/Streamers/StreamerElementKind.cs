namespace HepMl.Io.Root.Streamers;

/// <summary>The <c>TStreamerElement</c> subclass that describes a member.</summary>
public enum StreamerElementKind
{
    /// <summary><c>TStreamerBase</c>: a base class.</summary>
    Base,

    /// <summary><c>TStreamerBasicType</c>: a number or fixed array of numbers.</summary>
    BasicType,

    /// <summary><c>TStreamerBasicPointer</c>: an array of numbers sized by a counter member.</summary>
    BasicPointer,

    /// <summary><c>TStreamerLoop</c>: an array of objects sized by a counter member.</summary>
    Loop,

    /// <summary><c>TStreamerObject</c>: an embedded TObject-derived object.</summary>
    Object,

    /// <summary><c>TStreamerObjectAny</c>: an embedded object of any class.</summary>
    ObjectAny,

    /// <summary><c>TStreamerObjectPointer</c>: a pointer to a TObject-derived object.</summary>
    ObjectPointer,

    /// <summary><c>TStreamerObjectAnyPointer</c>: a pointer to an object of any class.</summary>
    ObjectAnyPointer,

    /// <summary><c>TStreamerString</c>: a TString.</summary>
    String,

    /// <summary><c>TStreamerSTL</c>: a standard-library container.</summary>
    Stl,

    /// <summary><c>TStreamerSTLstring</c>: a std::string.</summary>
    StlString,

    /// <summary><c>TStreamerArtificial</c>: a member added by a schema-evolution rule.</summary>
    Artificial,
}
