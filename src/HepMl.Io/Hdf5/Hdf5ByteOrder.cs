namespace HepMl.Io.Hdf5;

/// <summary>Byte order of a numeric HDF5 datatype.</summary>
public enum Hdf5ByteOrder
{
    /// <summary>Not applicable (strings, compounds, ...).</summary>
    None,

    /// <summary>Least significant byte first.</summary>
    LittleEndian,

    /// <summary>Most significant byte first.</summary>
    BigEndian,
}
