namespace HepMl.Io.Hdf5;

/// <summary>How a fixed-length string fills its unused bytes.</summary>
public enum Hdf5StringPadding
{
    /// <summary>NUL-terminated; the value ends at the first NUL.</summary>
    NullTerminate = 0,

    /// <summary>Padded with NULs; trailing NULs are removed.</summary>
    NullPad = 1,

    /// <summary>Padded with spaces; trailing spaces are removed.</summary>
    SpacePad = 2,
}
