namespace HepMl.Io.Hdf5;

/// <summary>How a group member refers to its target.</summary>
public enum Hdf5LinkKind
{
    /// <summary>A hard link: the object header address.</summary>
    Hard,

    /// <summary>A soft link: a path in the same file, resolved when followed (may dangle).</summary>
    Soft,

    /// <summary>An external link: a file name and a path inside it (may dangle).</summary>
    External,
}
