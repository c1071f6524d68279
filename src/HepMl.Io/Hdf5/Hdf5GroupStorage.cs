namespace HepMl.Io.Hdf5;

/// <summary>How a group stores its links.</summary>
public enum Hdf5GroupStorage
{
    /// <summary>Old-style: symbol table (v1 B-tree of symbol table nodes, names in a local heap).</summary>
    SymbolTable,

    /// <summary>New-style compact: link messages in the object header.</summary>
    Compact,

    /// <summary>New-style dense: links in a fractal heap indexed by a v2 B-tree.</summary>
    Dense,
}
