namespace HepMl.Io.Hdf5;

/// <summary>Character set of an HDF5 string.</summary>
public enum Hdf5CharacterSet
{
    /// <summary>ASCII (decoded as UTF-8, which it is a subset of).</summary>
    Ascii = 0,

    /// <summary>UTF-8.</summary>
    Utf8 = 1,
}
