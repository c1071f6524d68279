namespace HepMl.Io.Hdf5;

/// <summary>One member of a group: its name and what it points to (h5py: <c>group.get(name, getlink=True)</c>).</summary>
public sealed class Hdf5Link
{
    internal Hdf5Link(string name, Hdf5LinkKind kind, long address, string? target, string? targetFile, long creationOrder)
    {
        Name = name;
        Kind = kind;
        Address = address;
        Target = target;
        TargetFile = targetFile;
        CreationOrder = creationOrder;
    }

    /// <summary>The member name.</summary>
    public string Name { get; }

    /// <summary>Hard, soft or external.</summary>
    public Hdf5LinkKind Kind { get; }

    /// <summary>Object header address of a hard link's target; -1 otherwise.</summary>
    public long Address { get; }

    /// <summary>The target path of a soft or external link (may be relative for soft links); null for hard links.</summary>
    public string? Target { get; }

    /// <summary>The file named by an external link; null otherwise.</summary>
    public string? TargetFile { get; }

    /// <summary>Creation order index when the group tracks it; -1 otherwise.</summary>
    public long CreationOrder { get; }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        Hdf5LinkKind.Hard => $"{Name} -> @{Address}",
        Hdf5LinkKind.Soft => $"{Name} -> {Target}",
        _ => $"{Name} -> {TargetFile}:{Target}",
    };
}
