namespace HepMl.Io.Hdf5;

/// <summary>The structure that locates a chunked dataset's chunks.</summary>
public enum Hdf5ChunkIndexKind
{
    /// <summary>Not chunked.</summary>
    None,

    /// <summary>Version 1 B-tree (layout message version 1 to 3; every libhdf5 before 1.10 format).</summary>
    BTreeV1,

    /// <summary>A single chunk covering the whole dataset.</summary>
    SingleChunk,

    /// <summary>Chunks allocated early at computable addresses, no index structure.</summary>
    Implicit,

    /// <summary>Fixed array (fixed maximum dimensions).</summary>
    FixedArray,

    /// <summary>Extensible array (exactly one unlimited dimension).</summary>
    ExtensibleArray,

    /// <summary>Version 2 B-tree (several unlimited dimensions).</summary>
    BTreeV2,
}
