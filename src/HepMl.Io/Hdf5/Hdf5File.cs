using System.Collections.Concurrent;
using HepMl.Io.Hdf5.Reading;

namespace HepMl.Io.Hdf5;

/// <summary>
/// An HDF5 file opened for reading, in pure managed code (like PureHDF or jhdf): superblocks 0 to 3 (with a user
/// block), object headers 1 and 2, old- and new-style groups, hard/soft/external links, contiguous, compact and
/// chunked datasets with every libhdf5 1.10 chunk index, and the deflate, shuffle, Fletcher-32 and LZF filters.
/// </summary>
/// <remarks>
/// h5py: <c>h5py.File(path, "r")</c>. Thread-safe for reading: chunks are fetched with positional reads and
/// decoded in parallel. Corrupt or truncated input raises <see cref="HepMlFormatException"/> naming file, object
/// and byte offset; features this reader lacks raise <see cref="UnsupportedFormatException"/>.
/// </remarks>
public sealed class Hdf5File : IDisposable
{
    /// <summary>libhdf5's default limit on soft/external link traversals in one lookup.</summary>
    private const int MaxLinkTraversals = 16;

    private readonly Hdf5Source _source;
    private readonly Superblock _superblock;
    private readonly ConcurrentDictionary<string, Hdf5File> _externalFiles = new(StringComparer.Ordinal);
    private readonly Lazy<Hdf5Group> _root;
    private bool _disposed;

    private Hdf5File(Hdf5Source source)
    {
        _source = source;
        Context = new Hdf5Context(source);
        try
        {
            _superblock = Superblock.Read(Context);
        }
        catch
        {
            source.Dispose();
            throw;
        }

        _root = new Lazy<Hdf5Group>(() => OpenObject(_superblock.RootObjectHeaderAddress, "/") as Hdf5Group
            ?? throw Context.Error("the root object is not a group", Context.FileOffset(_superblock.RootObjectHeaderAddress), "/"));
    }

    /// <summary>The file path, or the name given for a stream.</summary>
    public string? FilePath => _source.FilePath;

    /// <summary>Superblock version (0 to 3).</summary>
    public int SuperblockVersion => _superblock.Version;

    /// <summary>Bytes before the superblock (the user block), 0 when none.</summary>
    public long UserBlockSize => _superblock.Location;

    /// <summary>The root group.</summary>
    public Hdf5Group Root => _root.Value;

    /// <summary>Largest number of threads used to decode the chunks of one read (default: all cores).</summary>
    public int MaxDegreeOfParallelism
    {
        get => Context.MaxDegreeOfParallelism;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Context.MaxDegreeOfParallelism = value;
        }
    }

    /// <summary>Bytes read from the file so far.</summary>
    public long BytesRead => _source.BytesRead;

    internal Hdf5Context Context { get; }

    /// <summary>Opens an HDF5 file for reading.</summary>
    /// <exception cref="HepMlFormatException">Not an HDF5 file, or its superblock is corrupt or truncated.</exception>
    /// <exception cref="UnsupportedFormatException">A superblock feature this reader does not implement.</exception>
    public static Hdf5File Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Hdf5File(Hdf5Source.OpenFile(path));
    }

    /// <summary>Opens HDF5 bytes from a stream (a file stream is reopened by name; other streams are copied to memory).</summary>
    public static Hdf5File Open(Stream stream, string? name = null) => new(Hdf5Source.FromStream(stream, name));

    /// <summary>The object at an absolute <paramref name="path"/>, following soft and external links (h5py: <c>file[path]</c>).</summary>
    /// <exception cref="ObjectNotFoundException">A component does not exist or a link dangles; the nearest names are listed.</exception>
    public Hdf5Object Get(string path) => Resolve(Root, path, 0);

    /// <summary>The group at an absolute path.</summary>
    public Hdf5Group GetGroup(string path) => Root.GetGroup(path);

    /// <summary>The dataset at an absolute path.</summary>
    public Hdf5Dataset GetDataset(string path) => Root.GetDataset(path);

    /// <summary>True when <paramref name="path"/> resolves to an object (dangling links give false).</summary>
    public bool Exists(string path)
    {
        try
        {
            Get(path);
            return true;
        }
        catch (ObjectNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Every object reachable from the root through hard links, depth first in name order, with its path (an object
    /// reached by two paths appears twice; a link back to an ancestor is not followed). Soft and external links
    /// are not followed; list them through <see cref="Hdf5Group.Links"/>.
    /// </summary>
    public IEnumerable<Hdf5Object> EnumerateObjects()
    {
        var ancestors = new HashSet<long>();
        return Walk(Root, ancestors);

        IEnumerable<Hdf5Object> Walk(Hdf5Object node, HashSet<long> stack)
        {
            yield return node;
            if (node is not Hdf5Group group)
            {
                yield break;
            }

            stack.Add(group.Address);
            foreach (Hdf5Link link in group.Links)
            {
                if (link.Kind != Hdf5LinkKind.Hard || stack.Contains(link.Address))
                {
                    continue;
                }

                Hdf5Object child = OpenObject(link.Address, Hdf5Group.Combine(group.Path, link.Name));
                foreach (Hdf5Object descendant in Walk(child, stack))
                {
                    yield return descendant;
                }
            }

            stack.Remove(group.Address);
        }
    }

    internal Hdf5Object OpenObject(long address, string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ObjectHeader header = Context.GetObjectHeader(address, path);
        if (header.Has(HeaderMessageType.DataLayout))
        {
            return new Hdf5Dataset(this, path, header);
        }

        if (header.Has(HeaderMessageType.SymbolTable) || header.Has(HeaderMessageType.LinkInfo)
            || header.Has(HeaderMessageType.GroupInfo) || header.Has(HeaderMessageType.Link))
        {
            return new Hdf5Group(this, path, header);
        }

        if (header.Has(HeaderMessageType.Datatype))
        {
            throw new UnsupportedFormatException("committed (named) datatypes are not supported as objects", FilePath, Context.FileOffset(address), path);
        }

        // libhdf5 treats an object header without group or dataset messages as a group (H5O__group_isa needs a
        // symbol table or link info message; an empty v1 header is rare). Report it rather than guess.
        throw Context.Error("the object header has neither group nor dataset messages", Context.FileOffset(address), path);
    }

    internal Hdf5Object Resolve(Hdf5Group start, string path, int traversals)
    {
        ArgumentNullException.ThrowIfNull(path);
        Hdf5Group current = path.StartsWith('/') ? start.File.Root : start;
        Hdf5Object result = current;
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == ".")
            {
                continue;
            }

            if (result is not Hdf5Group group)
            {
                throw new ObjectNotFoundException(part, $"{result.Path}, which is a dataset, not a group", []);
            }

            Hdf5Link link = group.GetLink(part);
            string childPath = Hdf5Group.Combine(group.Path, part);
            result = Follow(group, link, childPath, traversals);
            if (result is Hdf5Group next)
            {
                current = next;
            }
        }

        return result;
    }

    private Hdf5Object Follow(Hdf5Group parent, Hdf5Link link, string path, int traversals)
    {
        switch (link.Kind)
        {
            case Hdf5LinkKind.Hard:
                return parent.File.OpenObject(link.Address, path);

            case Hdf5LinkKind.Soft:
                if (traversals >= MaxLinkTraversals)
                {
                    throw new ObjectNotFoundException(path, $"a chain of more than {MaxLinkTraversals} soft/external links", []);
                }

                try
                {
                    return parent.File.Resolve(parent, link.Target!, traversals + 1);
                }
                catch (ObjectNotFoundException missing)
                {
                    throw new ObjectNotFoundException(link.Target!, $"soft link {path} (dangling: {missing.Message})", missing.NearestNames);
                }

            default:
            {
                if (traversals >= MaxLinkTraversals)
                {
                    throw new ObjectNotFoundException(path, $"a chain of more than {MaxLinkTraversals} soft/external links", []);
                }

                Hdf5File target = parent.File.OpenExternal(link.TargetFile!, path);
                try
                {
                    return target.Resolve(target.Root, link.Target!, traversals + 1);
                }
                catch (ObjectNotFoundException missing)
                {
                    throw new ObjectNotFoundException(link.Target!, $"external link {path} -> {link.TargetFile} (dangling: {missing.Message})", missing.NearestNames);
                }
            }
        }
    }

    private Hdf5File OpenExternal(string fileName, string linkPath)
    {
        string directory = FilePath is null ? Directory.GetCurrentDirectory() : System.IO.Path.GetDirectoryName(FilePath)!;
        string candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, fileName));
        if (!File.Exists(candidate))
        {
            string[] nearby = Directory.Exists(directory)
                ? Directory.GetFiles(directory).Select(f => System.IO.Path.GetFileName(f)).ToArray()
                : [];
            throw new ObjectNotFoundException(fileName, $"the folder of {System.IO.Path.GetFileName(FilePath) ?? "the file"} (external link {linkPath} dangles)", nearby);
        }

        if (FilePath is not null && candidate == FilePath)
        {
            return this;
        }

        return _externalFiles.GetOrAdd(candidate, static path => Open(path));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (Hdf5File external in _externalFiles.Values)
        {
            external.Dispose();
        }

        _source.Dispose();
    }
}
