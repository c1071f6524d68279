namespace HepMl.Io.Root.Writing;

/// <summary>
/// A directory being written: subdirectories, objects and trees. Each subdirectory's key and TDirectory record are
/// reserved when it is made (objects inside point to it) and completed, with its key list, when the file closes.
/// </summary>
public sealed class RootDirectoryWriter
{
    private readonly List<RootKeyHeader> _keys = [];
    private readonly List<RootDirectoryWriter> _subdirectories = [];
    private readonly Dictionary<string, short> _cycles = new(StringComparer.Ordinal);
    private readonly RootDirectoryWriter? _parent;
    private RootKeyHeader? _ownKey;

    internal RootDirectoryWriter(RootFileWriter file, RootDirectoryWriter? parent, string name, string title, long location, int nameBytes)
    {
        File = file;
        _parent = parent;
        Name = name;
        Title = title;
        Location = location;
        NameBytes = nameBytes;
        Path = parent is null ? string.Empty : (parent.Path.Length == 0 ? name : parent.Path + "/" + name);
    }

    /// <summary>The file being written.</summary>
    public RootFileWriter File { get; }

    /// <summary>The directory name (the file name for the top directory).</summary>
    public string Name { get; }

    /// <summary>The directory title.</summary>
    public string Title { get; }

    /// <summary>The path from the top directory ("" for the top directory).</summary>
    public string Path { get; }

    /// <summary>File position of the directory (its key; <c>fBEGIN</c> for the top directory).</summary>
    internal long Location { get; }

    /// <summary>ROOT's <c>fNbytesName</c>: the bytes before the TDirectory record.</summary>
    internal int NameBytes { get; }

    internal long KeyListPosition { get; private set; }

    internal int KeyListBytes { get; private set; }

    /// <summary>Makes a subdirectory (nested with '/': <c>Mkdir("a/b")</c>); an existing one is returned.</summary>
    public RootDirectoryWriter Mkdir(string path, string? title = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.ThrowIfClosed();
        RootDirectoryWriter current = this;
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            RootDirectoryWriter? existing = current._subdirectories.FirstOrDefault(d => d.Name == part);
            current = existing ?? current.CreateSubdirectory(part, i == parts.Length - 1 ? title ?? part : part);
        }

        return current;
    }

    /// <summary>Writes a TObjString (ROOT: <c>TObjString(text).Write(name)</c>).</summary>
    public void WriteObjString(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var payload = new RootBuffer(16 + text.Length);
        int start = payload.BeginVersion(1);
        payload.TObject(0x03000000);
        payload.String(text);
        payload.End(start);
        AddKey(File.WriteKey(Location, "TObjString", CheckName(name), "Collectable string class", payload.Span, NextCycle(name)));
    }

    /// <summary>Writes a histogram (TH1D, TH1F or TH2D).</summary>
    public void WriteHistogram(RootHistogramData histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        byte[] payload = HistogramSerializer.Serialize(histogram);
        AddKey(File.WriteKey(Location, histogram.ClassName, CheckName(histogram.Name), histogram.Title, payload, NextCycle(histogram.Name)));
    }

    /// <summary>
    /// Creates a TTree whose branches are <paramref name="branches"/>; fill it block by block with
    /// <see cref="RootTreeWriter.Append(RootTreeBlock)"/>. Baskets are written as blocks arrive (bounded memory); the
    /// TTree itself when the tree completes or the file closes.
    /// </summary>
    public RootTreeWriter CreateTree(string name, string title, IReadOnlyList<RootBranchDefinition> branches, RootTreeWriterOptions? options = null)
    {
        File.ThrowIfClosed();
        return new RootTreeWriter(this, CheckName(name), title ?? string.Empty, branches, options ?? new RootTreeWriterOptions());
    }

    /// <summary>
    /// Creates a tree of new branches (scores, say) to be read as a friend of the tree <paramref name="inputTree"/> in
    /// <paramref name="inputPath"/>: it records that tree in its <c>fFriends</c> (so ROOT, opening this tree, resolves
    /// the input's branches too) and must receive exactly as many entries as the input has, entry for entry.
    /// </summary>
    /// <param name="name">Name of the new tree.</param>
    /// <param name="title">Its title.</param>
    /// <param name="inputPath">The input file, recorded as given (ROOT opens it from its working directory).</param>
    /// <param name="inputTree">Path of the input tree inside its file.</param>
    /// <param name="branches">The new tree's branches.</param>
    /// <param name="options">Basket options; <see cref="RootTreeWriterOptions.Friends"/> gains the input tree.</param>
    /// <exception cref="ObjectNotFoundException">The input file has no such tree.</exception>
    /// <exception cref="ArgumentException">A block would take the tree past the input's entries (at <see cref="RootTreeWriter.Append"/>).</exception>
    /// <exception cref="InvalidOperationException">The tree completes with fewer entries than the input (it is then not written).</exception>
    public RootTreeWriter CreateFriendTree(string name, string title, string inputPath, string inputTree, IReadOnlyList<RootBranchDefinition> branches, RootTreeWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(inputTree);
        long entries;
        using (Reading.RootFile input = Reading.RootFile.Open(inputPath))
        {
            entries = input.GetTree(inputTree).Entries;
        }

        options ??= new RootTreeWriterOptions();
        options = options with { Friends = [.. options.Friends, new RootFriend(inputTree, inputPath)] };
        RootTreeWriter tree = CreateTree(name, title, branches, options);
        tree.RequireEntries(entries);
        return tree;
    }

    internal short NextCycle(string name)
    {
        short cycle = (short)(_cycles.GetValueOrDefault(name) + 1);
        _cycles[name] = cycle;
        return cycle;
    }

    internal void AddKey(RootKeyHeader key) => _keys.Add(key);

    /// <summary>Writes the key lists (subdirectories first) and completes the subdirectory records.</summary>
    internal void Finish()
    {
        foreach (RootDirectoryWriter subdirectory in _subdirectories)
        {
            subdirectory.Finish();
        }

        var list = new RootBuffer(64 + (_keys.Count * 64));
        list.Int32(_keys.Count);
        foreach (RootKeyHeader key in _keys)
        {
            key.WriteTo(list);
        }

        RootKeyHeader listKey = File.WriteKey(Location, _parent is null ? "TFile" : "TDirectory", Name, Title, list.Span, cycle: 1, compress: false);
        KeyListPosition = listKey.SeekKey;
        KeyListBytes = listKey.TotalBytes;
        if (_ownKey is not null)
        {
            var record = new RootBuffer(TDirectoryRecord.Size);
            TDirectoryRecord.Write(record, File.Datime, KeyListBytes, NameBytes, Location, _parent!.Location, KeyListPosition, Guid.NewGuid());
            File.WriteAt(Location + _ownKey.KeyLength, record.Span);
        }
    }

    private RootDirectoryWriter CreateSubdirectory(string name, string title)
    {
        // Reserve the key and its TDirectory record now: objects written inside point to this position.
        short cycle = NextCycle(name);
        RootKeyHeader key = File.WriteKey(Location, "TDirectory", name, title, new byte[TDirectoryRecord.Size], cycle, compress: false);
        var subdirectory = new RootDirectoryWriter(File, this, name, title, key.SeekKey, key.KeyLength) { _ownKey = key };
        _keys.Add(key);
        _subdirectories.Add(subdirectory);
        return subdirectory;
    }

    private string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/') || name.Contains(';'))
        {
            throw new ArgumentException($"'{name}' is not a valid key name (no '/' or ';'; make directories with Mkdir)", nameof(name));
        }

        return name;
    }
}
