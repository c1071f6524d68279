namespace HepMl.Io.Hdf5;

/// <summary>The kind of a dataspace: one value, an N-dimensional array, or no values at all.</summary>
public enum Hdf5DataspaceKind
{
    /// <summary>A single element (shape <c>[]</c>).</summary>
    Scalar,

    /// <summary>An N-dimensional array (rank ≥ 1; any dimension may be 0).</summary>
    Simple,

    /// <summary>No elements and no shape (h5py <c>h5py.Empty</c>).</summary>
    Null,
}
