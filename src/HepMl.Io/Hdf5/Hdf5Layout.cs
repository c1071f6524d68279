namespace HepMl.Io.Hdf5;

/// <summary>How a dataset's values are stored.</summary>
public enum Hdf5Layout
{
    /// <summary>Inside the object header (small datasets).</summary>
    Compact,

    /// <summary>One contiguous block in the file.</summary>
    Contiguous,

    /// <summary>Fixed-size chunks, each possibly filtered (compressed), found through a chunk index.</summary>
    Chunked,

    /// <summary>A virtual dataset mapping other datasets (not readable here).</summary>
    Virtual,
}
