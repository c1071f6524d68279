using HepMl.Io.Hdf5.Reading;
using HepMl.Io.Hdf5.Writing;

namespace HepMl.Io.Hdf5;

/// <summary>A group being written: child groups, datasets and attributes.</summary>
public sealed class Hdf5GroupWriter : Hdf5ObjectWriter
{
    private readonly List<(string Name, Hdf5ObjectWriter Child)> _children = [];

    internal Hdf5GroupWriter(Hdf5FileWriter file, string path)
        : base(file, path)
    {
    }

    /// <summary>Creates a child group.</summary>
    public Hdf5GroupWriter CreateGroup(string name) => Add(name, new Hdf5GroupWriter(File, ChildPath(name)));

    /// <summary>
    /// Writes a numeric (or bool) dataset in one call. <paramref name="shape"/> defaults to one dimension; its
    /// product must equal the number of values (C order).
    /// </summary>
    public Hdf5DatasetWriter WriteDataset<T>(string name, ReadOnlySpan<T> values, IReadOnlyList<long>? shape = null, Hdf5DatasetOptions? options = null)
        where T : unmanaged
    {
        long[] dims = shape is null ? [values.Length] : [.. shape];
        long count = 1;
        foreach (long d in dims)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count *= d;
        }

        if (count != values.Length)
        {
            throw new ArgumentException($"shape [{string.Join(",", dims)}] holds {count} values but {values.Length} were given", nameof(values));
        }

        var dataset = Add(name, new Hdf5DatasetWriter(File, ChildPath(name), Hdf5TypeMap.For<T>(), dims, options ?? Hdf5DatasetOptions.Contiguous, fixedRows: true));
        dataset.AppendRows(values);
        dataset.Complete();
        return dataset;
    }

    /// <summary>Writes a one-dimensional variable-length UTF-8 string dataset (h5py: <c>h5py.string_dtype()</c>).</summary>
    public Hdf5DatasetWriter WriteStrings(string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        byte[] references = File.WriteStrings(values);
        var dataset = Add(name, new Hdf5DatasetWriter(File, ChildPath(name), Hdf5DataType.VariableString(), [values.Count], Hdf5DatasetOptions.Contiguous, fixedRows: true));
        dataset.AppendRaw(references, values.Count);
        dataset.Complete();
        return dataset;
    }

    /// <summary>
    /// Writes a one-dimensional fixed-length UTF-8 string dataset (NUL-padded, h5py <c>|S</c> dtype); the length
    /// defaults to the longest value in bytes.
    /// </summary>
    public Hdf5DatasetWriter WriteFixedLengthStrings(string name, IReadOnlyList<string> values, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        byte[][] encoded = values.Select(v => System.Text.Encoding.UTF8.GetBytes(v ?? throw new ArgumentException("a value is null", nameof(values)))).ToArray();
        int size = length ?? Math.Max(1, encoded.Length == 0 ? 1 : encoded.Max(e => e.Length));
        byte[] raw = new byte[(long)size * encoded.Length];
        for (int i = 0; i < encoded.Length; i++)
        {
            if (encoded[i].Length > size)
            {
                throw new ArgumentException($"value {i} needs {encoded[i].Length} bytes; the fixed length is {size}", nameof(values));
            }

            encoded[i].CopyTo(raw, (long)i * size);
        }

        var dataset = Add(name, new Hdf5DatasetWriter(File, ChildPath(name), Hdf5DataType.FixedString(size), [values.Count], Hdf5DatasetOptions.Contiguous, fixedRows: true));
        dataset.AppendRaw(raw, values.Count);
        dataset.Complete();
        return dataset;
    }

    /// <summary>
    /// Creates a chunked dataset whose rows (shape <paramref name="rowShape"/> each, empty for scalars) are appended in
    /// blocks with <see cref="Hdf5DatasetWriter.AppendRows{T}(ReadOnlySpan{T})"/>; its first dimension is unlimited.
    /// Memory stays bounded by a few chunks; compression runs in parallel.
    /// </summary>
    public Hdf5DatasetWriter CreateDataset<T>(string name, IReadOnlyList<long>? rowShape = null, Hdf5DatasetOptions? options = null)
        where T : unmanaged
    {
        Hdf5DatasetOptions chosen = options ?? Hdf5DatasetOptions.Compressed();
        if (!chosen.Chunked)
        {
            chosen = chosen with { Chunked = true };
        }

        long[] dims = [0, .. rowShape ?? []];
        return Add(name, new Hdf5DatasetWriter(File, ChildPath(name), Hdf5TypeMap.For<T>(), dims, chosen, fixedRows: false));
    }

    /// <summary>
    /// Creates a chunked dataset of variable-length sequences of <typeparamref name="T"/> (a jagged array, h5py
    /// <c>vlen_dtype</c>) filled with <see cref="Hdf5DatasetWriter.AppendJagged{T}(ReadOnlySpan{T}, ReadOnlySpan{int})"/>;
    /// the sequences go to global heap collections, their references to the (compressed) dataset.
    /// </summary>
    public Hdf5DatasetWriter CreateJaggedDataset<T>(string name, Hdf5DatasetOptions? options = null)
        where T : unmanaged
    {
        Hdf5DatasetOptions chosen = (options ?? Hdf5DatasetOptions.Compressed()) with { Chunked = true };
        return Add(name, new Hdf5DatasetWriter(File, ChildPath(name), Hdf5DataType.VariableLengthSequence(Hdf5TypeMap.For<T>()), [0], chosen, fixedRows: false));
    }

    internal override long WriteMetadata()
    {
        var header = new ObjectHeaderBuilder();
        var linkInfo = new MetadataBuffer();
        MessageEncoder.LinkInfo(linkInfo);
        header.Add(HeaderMessageType.LinkInfo, linkInfo);
        var groupInfo = new MetadataBuffer();
        MessageEncoder.GroupInfo(groupInfo);
        header.Add(HeaderMessageType.GroupInfo, groupInfo);
        foreach ((string name, Hdf5ObjectWriter child) in _children)
        {
            long address = child.WriteMetadata();
            var link = new MetadataBuffer();
            MessageEncoder.HardLink(link, name, address);
            header.Add(HeaderMessageType.Link, link);
        }

        AddAttributeMessages(header);
        return File.Append(header.Build());
    }

    private string ChildPath(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/') || name == "." || name == "..")
        {
            throw new ArgumentException($"'{name}' is not a valid member name (no '/', not '.' or '..')", nameof(name));
        }

        return Path == "/" ? "/" + name : Path + "/" + name;
    }

    private TChild Add<TChild>(string name, TChild child)
        where TChild : Hdf5ObjectWriter
    {
        File.ThrowIfClosed();
        if (_children.Any(c => c.Name == name))
        {
            throw new ArgumentException($"{Path} already has a member '{name}'", nameof(name));
        }

        _children.Add((name, child));
        return child;
    }
}
