namespace HepMl.Io.Hdf5;

/// <summary>The class of an HDF5 datatype (HDF5 File Format Specification 3.0, IV.A.2.d).</summary>
public enum Hdf5TypeClass
{
    /// <summary>Fixed-point (integer) numbers.</summary>
    Integer = 0,

    /// <summary>IEEE floating-point numbers (16, 32 or 64 bits).</summary>
    Float = 1,

    /// <summary>Time (not readable as values).</summary>
    Time = 2,

    /// <summary>Fixed-length strings.</summary>
    String = 3,

    /// <summary>Bit fields.</summary>
    Bitfield = 4,

    /// <summary>Opaque bytes.</summary>
    Opaque = 5,

    /// <summary>Records with named members.</summary>
    Compound = 6,

    /// <summary>Object or region references.</summary>
    Reference = 7,

    /// <summary>Enumerations over an integer base type (h5py stores booleans as an enum FALSE=0, TRUE=1).</summary>
    Enum = 8,

    /// <summary>Variable-length sequences or strings, stored in the global heap.</summary>
    VariableLength = 9,

    /// <summary>Fixed-size arrays of a base type.</summary>
    Array = 10,
}
