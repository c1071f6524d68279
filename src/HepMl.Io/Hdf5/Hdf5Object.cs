using HepMl.Io.Hdf5.Reading;

namespace HepMl.Io.Hdf5;

/// <summary>An object in an HDF5 file reached through a path: a group or a dataset, with its attributes.</summary>
public abstract class Hdf5Object
{
    private readonly Lazy<IReadOnlyList<Hdf5Attribute>> _attributes;

    private protected Hdf5Object(Hdf5File file, string path, ObjectHeader header)
    {
        File = file;
        Path = path;
        Header = header;
        _attributes = new Lazy<IReadOnlyList<Hdf5Attribute>>(() => AttributeMessage.ReadAll(file.Context, header, path));
    }

    /// <summary>The file the object was read from (for external links: the target file).</summary>
    public Hdf5File File { get; }

    /// <summary>The absolute path the object was reached by (<c>/</c> for the root group).</summary>
    public string Path { get; }

    /// <summary>The last path component (<c>/</c> for the root group).</summary>
    public string Name => Path == "/" ? "/" : Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The object header address: two paths with the same address are hard links to one object.</summary>
    public long Address => Header.Address;

    /// <summary>Object header version (1 or 2).</summary>
    public int ObjectHeaderVersion => Header.Version;

    /// <summary>True when the object stores its attributes densely (fractal heap and v2 B-tree).</summary>
    public bool HasDenseAttributes
    {
        get
        {
            if (Header.Find(HeaderMessageType.AttributeInfo) is not HeaderMessage info)
            {
                return false;
            }

            var cursor = new Hdf5Cursor(info.Body.Span, File.Context, info.FileOffset, Path, "attribute info message");
            cursor.Skip(1);
            int flags = cursor.ReadByte();
            if ((flags & 1) != 0)
            {
                cursor.Skip(2);
            }

            return cursor.ReadAddress() != Hdf5Context.UndefinedAddress;
        }
    }

    /// <summary>The attributes, in creation order when tracked, by name otherwise.</summary>
    public IReadOnlyList<Hdf5Attribute> Attributes => _attributes.Value;

    internal ObjectHeader Header { get; }

    /// <summary>The attribute called <paramref name="name"/>.</summary>
    /// <exception cref="ObjectNotFoundException">No such attribute; the message lists the nearest names.</exception>
    public Hdf5Attribute GetAttribute(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (Hdf5Attribute attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }

        throw new ObjectNotFoundException(name, $"the attributes of {Path}", Attributes.Select(a => a.Name));
    }

    /// <summary>True when an attribute called <paramref name="name"/> exists.</summary>
    public bool HasAttribute(string name) => Attributes.Any(a => a.Name == name);

    /// <inheritdoc/>
    public override string ToString() => Path;
}
