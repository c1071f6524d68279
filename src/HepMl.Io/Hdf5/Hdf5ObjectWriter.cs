using System.Runtime.InteropServices;
using HepMl.Io.Hdf5.Writing;

namespace HepMl.Io.Hdf5;

/// <summary>A group or dataset being written: holds its attributes until the file is closed.</summary>
public abstract class Hdf5ObjectWriter
{
    private readonly List<(string Name, Func<MetadataBuffer> Encode)> _attributes = [];

    private protected Hdf5ObjectWriter(Hdf5FileWriter file, string path)
    {
        File = file;
        Path = path;
    }

    /// <summary>The file being written.</summary>
    public Hdf5FileWriter File { get; }

    /// <summary>The object's absolute path.</summary>
    public string Path { get; }

    /// <summary>Sets a scalar numeric (or bool) attribute.</summary>
    public void SetAttribute<T>(string name, T value)
        where T : unmanaged => AddAttribute(name, Hdf5TypeMap.For<T>(), Hdf5DataspaceKind.Scalar, [], MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray());

    /// <summary>Sets a one-dimensional numeric (or bool) attribute.</summary>
    public void SetAttribute<T>(string name, ReadOnlySpan<T> values)
        where T : unmanaged => AddAttribute(name, Hdf5TypeMap.For<T>(), Hdf5DataspaceKind.Simple, [values.Length], MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>Sets a variable-length UTF-8 string attribute (h5py's default for <c>str</c>).</summary>
    public void SetAttribute(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        AddAttribute(name, Hdf5DataType.VariableString(), Hdf5DataspaceKind.Scalar, [], File.WriteStrings([value]));
    }

    /// <summary>Sets a one-dimensional variable-length UTF-8 string attribute.</summary>
    public void SetAttribute(string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        AddAttribute(name, Hdf5DataType.VariableString(), Hdf5DataspaceKind.Simple, [values.Count], File.WriteStrings(values));
    }

    private void AddAttribute(string name, Hdf5DataType type, Hdf5DataspaceKind kind, long[] shape, byte[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        File.ThrowIfClosed();
        if (_attributes.Any(a => a.Name == name))
        {
            throw new ArgumentException($"{Path} already has an attribute '{name}'", nameof(name));
        }

        var body = new MetadataBuffer();
        MessageEncoder.Attribute(body, name, type, kind, shape, data);
        if (body.Length > ushort.MaxValue)
        {
            throw new NotSupportedException($"attribute '{name}' of {Path} needs {body.Length} bytes; the writer stores attributes up to 64 KiB (write a dataset instead)");
        }

        _attributes.Add((name, () => body));
    }

    private protected void AddAttributeMessages(ObjectHeaderBuilder header)
    {
        foreach ((_, Func<MetadataBuffer> encode) in _attributes)
        {
            header.Add(Reading.HeaderMessageType.Attribute, encode());
        }
    }

    /// <summary>Writes this object's header (children first) and returns its address.</summary>
    internal abstract long WriteMetadata();
}
