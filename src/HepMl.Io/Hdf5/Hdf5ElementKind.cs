namespace HepMl.Io.Hdf5;

/// <summary>The primitive kinds a numeric HDF5 value maps to (after byte-order conversion).</summary>
internal enum Hdf5ElementKind
{
    None,
    Boolean,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float16,
    Float32,
    Float64,
}
