using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using HepMl.Io.Compression;

namespace HepMl.Io.Root.Writing;

/// <summary>
/// Writes a TTree (version 20) block by block: flat branches of every primitive, fixed arrays, counter-leaf arrays,
/// <c>std::vector&lt;T&gt;</c> and C strings (<c>name/C</c>, TLeafC). Values are buffered big-endian per branch; when
/// a cluster's worth of bytes is buffered every branch writes one basket (compressed in parallel), so memory stays
/// bounded by one cluster. The TTree metadata (TBranch v13 / TBranchElement v10, TLeaf* v1) is written last, like
/// uproot's writer.
/// </summary>
/// <remarks>
/// uproot: <c>file.mktree(...)</c> / <c>tree.extend(...)</c>; ROOT: <c>io/doc/TFile/ttree.md</c>.
/// A C-string entry is stored as ROOT's <c>TLeafC::FillBasket</c> writes it (<c>TBufferFile::WriteFastArrayString</c>):
/// one length byte, or 255 and a 4-byte big-endian length for 255 bytes or more, then the bytes without a terminating
/// NUL; the basket carries entry offsets (ROOT sets <c>fEntryOffsetLen</c> for TLeafC branches), and the leaf's
/// <c>fLen</c> and <c>fMaximum</c> are the longest string plus one, which ROOT's reader uses as its buffer size.
/// </remarks>
public sealed class RootTreeWriter
{
    private const uint BranchBits = 0x03400000;
    private const int BasketHeaderBytes = 2 + 4 + 4 + 4 + 4 + 1;

    /// <summary>Most bytes one branch buffers before a basket is cut: key, values and entry offsets stay within Int32.</summary>
    private const int MaxBufferedBytes = 0x7000_0000;

    private readonly RootDirectoryWriter _directory;
    private readonly RootTreeWriterOptions _options;
    private readonly List<BranchState> _branches = [];
    private readonly Dictionary<string, BranchState> _byName = new(StringComparer.Ordinal);
    private readonly List<long> _clusterEntries = [];
    private long _bufferedEntries;
    private bool _completed;
    private long? _requiredEntries;

    internal RootTreeWriter(RootDirectoryWriter directory, string name, string title, IReadOnlyList<RootBranchDefinition> branches, RootTreeWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(branches);
        if (branches.Count == 0)
        {
            throw new ArgumentException("a TTree needs at least one branch", nameof(branches));
        }

        _directory = directory;
        _options = options;
        Name = name;
        Title = title;
        string? duplicate = branches.GroupBy(b => b.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"two branches are called '{duplicate}'", nameof(branches));
        }

        foreach (RootBranchDefinition definition in branches)
        {
            if (definition.Kind == RootBranchKind.Counted && !_byName.ContainsKey(definition.CounterName!))
            {
                RootBranchDefinition? given = branches.FirstOrDefault(b => b.Name == definition.CounterName);
                if (given is not null && (given.Kind != RootBranchKind.Scalar || given.ElementType != typeof(int)))
                {
                    throw new ArgumentException($"counter branch '{given.Name}' of '{definition.Name}' must be a scalar int", nameof(branches));
                }

                Add(given ?? RootBranchDefinition.Scalar<int>(definition.CounterName!), isCounter: true);
            }

            if (!_byName.ContainsKey(definition.Name))
            {
                Add(definition, isCounter: false);
            }
        }

        foreach (BranchState branch in _branches.Where(b => b.Definition.Kind == RootBranchKind.Counted))
        {
            branch.Counter = _byName[branch.Definition.CounterName!];
            branch.Counter.IsCounter = true;
        }

        directory.File.Register(this);
    }

    /// <summary>The tree name.</summary>
    public string Name { get; }

    /// <summary>The tree title.</summary>
    public string Title { get; }

    /// <summary>Entries written so far.</summary>
    public long Entries { get; private set; }

    /// <summary>The branches in the order they are written (counters before the arrays they size).</summary>
    public IReadOnlyList<RootBranchDefinition> Branches => _branches.Select(b => b.Definition).ToArray();

    /// <summary>Appends a block of entries; every branch needs values (a counter may be left out: its counts come from the offsets).</summary>
    /// <exception cref="ArgumentException">A branch is missing, has the wrong element type or length, or counts disagree.</exception>
    /// <exception cref="InvalidBranchValueException">A C string is null, holds a NUL character or is too long.</exception>
    /// <remarks>Every branch's values are checked first: when this throws, no branch has taken any of the block.</remarks>
    public void Append(RootTreeBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _directory.File.ThrowIfClosed();
        if (_completed)
        {
            throw new InvalidOperationException($"tree '{Name}' is complete; no more entries can be appended");
        }

        foreach (string name in block.Names)
        {
            if (!_byName.ContainsKey(name))
            {
                throw new ObjectNotFoundException(name, $"tree '{Name}'", _byName.Keys);
            }
        }

        int entries = checked((int)block.Entries);
        if (Entries + entries > _requiredEntries)
        {
            throw new ArgumentException($"friend tree '{Name}' must have {_requiredEntries} entries, like the tree it accompanies; this block would bring it to {Entries + entries}", nameof(block));
        }

        var counts = new Dictionary<BranchState, int[]>();
        foreach (BranchState branch in _branches.Where(b => b.Definition.Kind == RootBranchKind.Counted))
        {
            if (!block.TryGet(branch.Definition.Name, out var column) || column.Offsets is null)
            {
                throw new ArgumentException($"branch '{branch.Definition.Name}' needs values and offsets (AddJagged)", nameof(block));
            }

            int[] sizes = new int[entries];
            for (int e = 0; e < entries; e++)
            {
                sizes[e] = column.Offsets[e + 1] - column.Offsets[e];
            }

            if (counts.TryGetValue(branch.Counter!, out int[]? existing) && !existing.AsSpan().SequenceEqual(sizes))
            {
                throw new ArgumentException($"branches sharing counter '{branch.Counter!.Definition.Name}' have different lengths", nameof(block));
            }

            counts[branch.Counter!] = sizes;
        }

        // Every branch's values are checked before any branch buffers this block, so a bad block leaves the tree as it was.
        foreach (BranchState branch in _branches)
        {
            if (branch.IsCounter && counts.TryGetValue(branch, out int[]? sizes))
            {
                if (block.TryGet(branch.Definition.Name, out var given) && (given.Values is not int[] values || !values.AsSpan().SequenceEqual(sizes)))
                {
                    throw new ArgumentException($"counter branch '{branch.Definition.Name}' disagrees with the lengths of the arrays it counts", nameof(block));
                }

                continue;
            }

            if (!block.TryGet(branch.Definition.Name, out var column))
            {
                throw new ArgumentException($"block has no values for branch '{branch.Definition.Name}'", nameof(block));
            }

            branch.Check(column.Values, column.Offsets, entries, _options.MaxStringBytes);
        }

        foreach (BranchState branch in _branches)
        {
            if (branch.IsCounter && counts.TryGetValue(branch, out int[]? sizes))
            {
                branch.AppendFlat(sizes, entries);
                branch.CounterMaximum = Math.Max(branch.CounterMaximum, sizes.Length == 0 ? 0 : sizes.Max());
                continue;
            }

            block.TryGet(branch.Definition.Name, out var column);
            branch.Append(column.Values, column.Offsets, entries);
        }

        Entries += entries;
        _bufferedEntries += entries;
        if (_branches.Sum(b => (long)b.Data.Length) >= _options.ClusterBytes)
        {
            FlushCluster();
        }
    }

    /// <summary>Writes the last baskets and the TTree; disposing the file does this too.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        if (_requiredEntries is long required && Entries != required)
        {
            _completed = true;
            _directory.File.Unregister(this);
            throw new InvalidOperationException($"friend tree '{Name}' has {Entries} entries but the tree it accompanies has {required}; the tree was not written");
        }

        FlushCluster();
        WriteTree();
        _completed = true;
        _directory.File.Unregister(this);
    }

    private void Add(RootBranchDefinition definition, bool isCounter)
    {
        var state = new BranchState(definition) { IsCounter = isCounter };
        _branches.Add(state);
        _byName[definition.Name] = state;
    }

    private void FlushCluster()
    {
        if (_bufferedEntries == 0)
        {
            return;
        }

        long firstEntry = Entries - _bufferedEntries;
        RootFileWriter file = _directory.File;
        var payloads = new BasketPayload[_branches.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) };
        try
        {
            // Largest branches first, so that the last basket to compress is a small one.
            int[] order = Enumerable.Range(0, _branches.Count).OrderByDescending(i => _branches[i].Data.Length).ToArray();
            Parallel.For(0, order.Length, parallel, k => payloads[order[k]] = _branches[order[k]].BuildBasket(Name, (int)_bufferedEntries, file.Compression));
            var header = new RootBuffer(256);
            for (int i = 0; i < _branches.Count; i++)
            {
                BranchState branch = _branches[i];
                BasketPayload payload = payloads[i];
                var key = new RootKeyHeader(0, payload.ObjectLength, file.Datime, 0, file.Length, _directory.Location, "TBasket", branch.Definition.Name, Name)
                {
                    ExtraKeyBytes = BasketHeaderBytes,
                };
                key = key with { TotalBytes = key.KeyLength + payload.StoredLength };
                header.Clear();
                key.WriteTo(header);
                header.Int16(3); // TBasket version
                header.Int32(32000); // fBufferSize
                header.Int32(payload.NevBufSize);
                header.Int32((int)_bufferedEntries); // fNevBuf
                header.Int32(payload.Last);
                header.Byte(0);
                long seek = file.Append(header.Span);
                file.Append(payload.Stored.AsSpan(0, payload.StoredLength));
                branch.Baskets.Add((key.TotalBytes, firstEntry, seek));
                branch.TotalBytes += key.KeyLength + payload.ObjectLength;
                branch.ZipBytes += key.TotalBytes;
                branch.Reset();
            }
        }
        finally
        {
            foreach (BasketPayload payload in payloads)
            {
                if (payload.Stored is not null)
                {
                    ArrayPool<byte>.Shared.Return(payload.Stored);
                }
            }
        }

        _clusterEntries.Add(_bufferedEntries);
        _bufferedEntries = 0;
    }

    private void WriteTree()
    {
        int keyLength = RootKeyHeader.Size("TTree", Name, Title);
        var b = new RootBuffer(4096) { Origin = keyLength };
        long totalBytes = _branches.Sum(x => x.TotalBytes);
        long zipBytes = _branches.Sum(x => x.ZipBytes);
        int tree = b.BeginVersion(20);
        b.TNamed(Name, Title, 0x03000008);
        int line = b.BeginVersion(2);
        b.Int16(602);
        b.Int16(1);
        b.Int16(1);
        b.End(line);
        WriteFill(b);
        int marker = b.BeginVersion(2);
        b.Int16(1);
        b.Int16(1);
        b.Single(1f);
        b.End(marker);
        b.Int64(Entries);
        b.Int64(totalBytes);
        b.Int64(zipBytes);
        b.Int64(zipBytes); // fSavedBytes
        b.Int64(zipBytes); // fFlushedBytes
        b.Double(1.0); // fWeight
        b.Int32(0); // fTimerInterval
        b.Int32(25); // fScanField
        b.Int32(0); // fUpdate
        b.Int32(1000); // fDefaultEntryOffsetLen
        b.Int32(0); // fNClusterRange
        b.Int64(1_000_000_000_000); // fMaxEntries
        b.Int64(1_000_000_000_000); // fMaxEntryLoop
        b.Int64(0); // fMaxVirtualSize
        b.Int64(-300_000_000); // fAutoSave
        b.Int64(AutoFlush()); // fAutoFlush
        b.Int64(1_000_000); // fEstimate
        b.Byte(0); // fClusterRangeEnd (no ranges)
        b.Byte(0); // fClusterSize
        WriteIoFeatures(b);

        // fBranches (embedded TObjArray), then fLeaves as references to the leaves just written.
        var leafTags = new List<uint>();
        int branches = b.BeginVersion(3);
        b.TObject(0x03000000);
        b.String(string.Empty);
        b.Int32(_branches.Count);
        b.Int32(0);
        foreach (BranchState branch in _branches)
        {
            leafTags.Add(WriteBranch(b, branch));
        }

        b.End(branches);
        int leaves = b.BeginVersion(3);
        b.TObject(0x03000000);
        b.String(string.Empty);
        b.Int32(leafTags.Count);
        b.Int32(0);
        foreach (uint tag in leafTags)
        {
            b.UInt32(tag);
        }

        b.End(leaves);
        b.UInt32(0); // fAliases
        b.Int32(0); // fIndexValues (empty TArrayD)
        b.Int32(0); // fIndex (empty TArrayI)
        b.UInt32(0); // fTreeIndex
        WriteFriends(b, _options.Friends);
        b.UInt32(0); // fUserInfo
        b.UInt32(0); // fBranchRef
        b.End(tree);
        _directory.AddKey(_directory.File.WriteKey(_directory.Location, "TTree", Name, Title, b.Span, _directory.NextCycle(Name)));
    }

    /// <summary>Requires the tree to end with exactly <paramref name="entries"/> entries (a friend of a tree that has them).</summary>
    internal void RequireEntries(long entries) => _requiredEntries = entries;

    /// <summary>fFriends: a null pointer, or a TList (v5) of TFriendElement (v2: TNamed(alias, file), fTreeName, fOwnFile).</summary>
    private static void WriteFriends(RootBuffer b, IReadOnlyList<RootFriend> friends)
    {
        if (friends.Count == 0)
        {
            b.UInt32(0);
            return;
        }

        int listObject = b.BeginObject("TList");
        int list = b.BeginVersion(5);
        b.TObject(0x03000000);
        b.String(string.Empty);
        b.Int32(friends.Count);
        foreach (RootFriend friend in friends)
        {
            int elementObject = b.BeginObject("TFriendElement");
            int element = b.BeginVersion(2);
            b.TNamed(friend.Alias ?? friend.TreeName, friend.FileName);
            b.String(friend.TreeName);
            b.Bool(true); // fOwnFile: the friend opens (and closes) its file itself
            b.End(element);
            b.End(elementObject);
            b.Byte(0); // the TList entry's option string
        }

        b.End(list);
        b.End(listObject);
    }

    private long AutoFlush()
    {
        if (_clusterEntries.Count == 0)
        {
            return 0;
        }

        long first = _clusterEntries[0];
        for (int i = 1; i < _clusterEntries.Count - 1; i++)
        {
            if (_clusterEntries[i] != first)
            {
                return -_options.ClusterBytes;
            }
        }

        return first;
    }

    /// <summary>Writes one TBranch (or TBranchElement for vectors); returns the reference tag of its leaf.</summary>
    private static uint WriteBranch(RootBuffer b, BranchState branch)
    {
        bool element = branch.Definition.Kind == RootBranchKind.Vector;
        int objectStart = b.BeginObject(element ? "TBranchElement" : "TBranch");
        int elementVersion = element ? b.BeginVersion(10) : -1;
        int version = b.BeginVersion(13);
        b.TNamed(branch.Definition.Name, branch.BranchTitle, BranchBits);
        WriteFill(b);
        b.Int32(0); // fCompress: let ROOT judge each basket by its sizes (as uproot does)
        b.Int32(32000); // fBasketSize
        b.Int32(branch.HasEntryOffsets ? 1000 : 0); // fEntryOffsetLen
        b.Int32(branch.Baskets.Count); // fWriteBasket
        b.Int64(branch.Entries); // fEntryNumber
        WriteIoFeatures(b);
        int capacity = Math.Max(10, branch.Baskets.Count + 1);
        b.Int32(0); // fOffset
        b.Int32(capacity); // fMaxBaskets
        b.Int32(element ? 99 : 0); // fSplitLevel
        b.Int64(branch.Entries);
        b.Int64(0); // fFirstEntry
        b.Int64(branch.TotalBytes);
        b.Int64(branch.ZipBytes);
        WriteEmptyObjArray(b); // fBranches
        int leaves = b.BeginVersion(3);
        b.TObject(0x03000000);
        b.String(string.Empty);
        b.Int32(1);
        b.Int32(0);
        int leafStart = WriteLeaf(b, branch);
        b.End(leaves);
        WriteEmptyObjArray(b); // fBaskets
        b.Byte(1);
        for (int i = 0; i < capacity; i++)
        {
            b.Int32(i < branch.Baskets.Count ? branch.Baskets[i].Bytes : 0);
        }

        b.Byte(1);
        for (int i = 0; i < capacity; i++)
        {
            b.Int64(i < branch.Baskets.Count ? branch.Baskets[i].Entry : i == branch.Baskets.Count ? branch.Entries : 0);
        }

        b.Byte(1);
        for (int i = 0; i < capacity; i++)
        {
            b.Int64(i < branch.Baskets.Count ? branch.Baskets[i].Seek : 0);
        }

        b.String(string.Empty); // fFileName
        b.End(version);
        if (element)
        {
            string className = $"vector<{CppName(branch.Definition.ElementType)}>";
            b.String(className);
            b.String(string.Empty); // fParentName
            b.String(string.Empty); // fClonesName
            b.UInt32(CollectionChecksum(className));
            b.Int16(6); // fClassVersion of STL collections
            b.Int32(-1); // fID
            b.Int32(0); // fType
            b.Int32(-1); // fStreamerType
            b.Int32(0); // fMaximum
            b.UInt32(0); // fBranchCount
            b.UInt32(0); // fBranchCount2
            b.End(elementVersion);
        }

        b.End(objectStart);
        branch.LeafTag = b.Tag(leafStart);
        return branch.LeafTag;
    }

    /// <summary>Writes the branch's leaf (TLeafX v1 over TLeaf v2, or TLeafElement); returns where its object starts.</summary>
    private static int WriteLeaf(RootBuffer b, BranchState branch)
    {
        RootBranchDefinition d = branch.Definition;
        bool element = d.Kind == RootBranchKind.Vector;
        int start = b.BeginObject(element ? "TLeafElement" : "TLeaf" + char.ToUpperInvariant(branch.Letter));
        int outer = b.BeginVersion(1);
        int leaf = b.BeginVersion(2);
        b.TNamed(d.Name, branch.LeafTitle, 0x03000000);
        b.Int32(branch.IsString ? branch.LongestString + 1 : d.Kind is RootBranchKind.FixedArray or RootBranchKind.Counted ? d.ItemSize : 1); // fLen
        b.Int32(element ? 0 : branch.ElementSize); // fLenType
        b.Int32(0); // fOffset
        b.Bool(branch.IsCounter); // fIsRange
        b.Bool(!element && char.IsLower(branch.Letter)); // fIsUnsigned
        b.UInt32(d.Kind == RootBranchKind.Counted ? branch.Counter!.LeafTag : 0); // fLeafCount
        b.End(leaf);
        if (element)
        {
            b.Int32(-1); // fID
            b.Int32(-1); // fType
        }
        else
        {
            // fMinimum, fMaximum in the leaf's type; a counter's maximum sizes the arrays it counts, a C string's the
            // buffer ROOT reads it into.
            WriteExtreme(b, branch, 0);
            WriteExtreme(b, branch, branch.IsCounter ? branch.CounterMaximum : branch.IsString ? branch.LongestString + 1 : 0);
        }

        b.End(outer);
        b.End(start);
        return start;
    }

    private static void WriteExtreme(RootBuffer b, BranchState branch, int value)
    {
        switch (char.ToUpperInvariant(branch.Letter))
        {
            case 'O':
            case 'B':
                b.Byte((byte)value);
                break;
            case 'S':
                b.Int16((short)value);
                break;
            case 'I':
            case 'C':
                b.Int32(value);
                break;
            case 'L':
                b.Int64(value);
                break;
            case 'F':
                b.Single(value);
                break;
            default:
                b.Double(value);
                break;
        }
    }

    private static void WriteFill(RootBuffer b)
    {
        int fill = b.BeginVersion(2);
        b.Int16(0);
        b.Int16(1001);
        b.End(fill);
    }

    /// <summary>ROOT::TIOFeatures as ROOT writes it: version 0 with the class checksum, then the feature bits.</summary>
    private static void WriteIoFeatures(RootBuffer b)
    {
        int start = b.BeginVersion(0);
        b.UInt32(0x1aa12f10);
        b.Byte(0);
        b.End(start);
    }

    private static void WriteEmptyObjArray(RootBuffer b)
    {
        int start = b.BeginVersion(3);
        b.TObject(0x03000000);
        b.String(string.Empty);
        b.Int32(0);
        b.Int32(0);
        b.End(start);
    }

    /// <summary>ROOT's checksum of an STL collection class: the name folded as id = id × 3 + character.</summary>
    internal static uint CollectionChecksum(string className)
    {
        uint id = 0;
        foreach (char c in className)
        {
            id = (id * 3) + c;
        }

        return id;
    }

    internal static string CppName(Type type) =>
        type == typeof(bool) ? "bool"
        : type == typeof(sbyte) ? "char"
        : type == typeof(byte) ? "unsigned char"
        : type == typeof(short) ? "short"
        : type == typeof(ushort) ? "unsigned short"
        : type == typeof(int) ? "int"
        : type == typeof(uint) ? "unsigned int"
        : type == typeof(long) ? "Long64_t"
        : type == typeof(ulong) ? "ULong64_t"
        : type == typeof(float) ? "float"
        : "double";

    /// <summary>
    /// A basket's stored bytes (pooled: the first <see cref="StoredLength"/> bytes of <see cref="Stored"/>), its
    /// uncompressed object length, <c>fLast</c> and <c>fNevBufSize</c>.
    /// </summary>
    private readonly record struct BasketPayload(byte[] Stored, int StoredLength, int ObjectLength, int Last, int NevBufSize);

    /// <summary>One branch's buffered values and written baskets.</summary>
    private sealed class BranchState
    {
        public BranchState(RootBranchDefinition definition)
        {
            Definition = definition;
            (Letter, ElementSize) = LetterOf(definition.ElementType);
            string dims = string.Concat(definition.Shape.Select(d => $"[{d}]"));
            LeafTitle = definition.Kind switch
            {
                RootBranchKind.FixedArray => definition.Name + dims,
                RootBranchKind.Counted => $"{definition.Name}[{definition.CounterName}]{dims}",
                _ => definition.Name,
            };
            BranchTitle = definition.Kind == RootBranchKind.Vector ? definition.Name : $"{LeafTitle}/{Letter}";
            IsString = definition.ElementType == typeof(string);
        }

        public RootBranchDefinition Definition { get; }

        public char Letter { get; }

        public int ElementSize { get; }

        public string LeafTitle { get; }

        public string BranchTitle { get; }

        public bool IsCounter { get; set; }

        /// <summary>A C-string branch (TLeafC).</summary>
        public bool IsString { get; }

        /// <summary>UTF-8 length of the longest string written so far (C-string branches).</summary>
        public int LongestString { get; private set; }

        public BranchState? Counter { get; set; }

        public int CounterMaximum { get; set; }

        public uint LeafTag { get; set; }

        public RootBuffer Data { get; } = new(1 << 16);

        public List<int> EntryOffsets { get; } = [];

        public List<(int Bytes, long Entry, long Seek)> Baskets { get; } = [];

        public long Entries { get; private set; }

        public long TotalBytes { get; set; }

        public long ZipBytes { get; set; }

        public bool HasEntryOffsets => IsString || Definition.Kind is RootBranchKind.Counted or RootBranchKind.Vector;

        public void Reset()
        {
            Data.Clear();
            EntryOffsets.Clear();
        }

        public void AppendFlat(int[] values, int entries)
        {
            AppendValues(values, values.Length);
            Entries += entries;
        }

        /// <summary>
        /// Checks a block's values for this branch (element type, count, offsets; strings by <see cref="CheckStrings"/>)
        /// without buffering anything.
        /// </summary>
        public void Check(Array values, int[]? offsets, int entries, int maxStringBytes)
        {
            Type element = values.GetType().GetElementType()!;
            if (element != Definition.ElementType)
            {
                throw new ArgumentException($"branch '{Definition.Name}' holds {Definition.ElementType.Name}; {element.Name} values were given");
            }

            if (IsString)
            {
                CheckStrings((string[])values, offsets, entries, maxStringBytes);
                return;
            }

            int itemSize = Definition.ItemSize;
            switch (Definition.Kind)
            {
                case RootBranchKind.Scalar:
                case RootBranchKind.FixedArray:
                    if (offsets is not null || values.Length != (long)entries * itemSize)
                    {
                        throw new ArgumentException($"branch '{Definition.Name}' needs {(long)entries * itemSize} values for {entries} entries, got {values.Length}{(offsets is null ? string.Empty : " with offsets")}");
                    }

                    break;

                case RootBranchKind.Counted:
                    if (offsets is null || offsets[^1] * (long)itemSize != values.Length)
                    {
                        throw new ArgumentException($"branch '{Definition.Name}': offsets end at {offsets?[^1]} items of {itemSize} values but {values.Length} values were given");
                    }

                    break;

                default:
                    if (offsets is null)
                    {
                        throw new ArgumentException($"branch '{Definition.Name}' needs values and offsets (AddJagged)");
                    }

                    break;
            }
        }

        /// <summary>
        /// Checks a C-string branch's values for a block: one string per entry, none null, none with a NUL character,
        /// none longer than <paramref name="maxStringBytes"/> UTF-8 bytes, and room for them in one basket.
        /// </summary>
        private void CheckStrings(string[] strings, int[]? offsets, int entries, int maxStringBytes)
        {
            if (offsets is not null || strings.Length != entries)
            {
                throw new ArgumentException($"branch '{Definition.Name}' needs {entries} strings (no offsets) for {entries} entries, got {strings.Length}{(offsets is null ? string.Empty : " with offsets")}");
            }

            long needed = 0;
            for (int e = 0; e < strings.Length; e++)
            {
                string? value = strings[e];
                if (value is null)
                {
                    throw new InvalidBranchValueException(Definition.Name, Entries + e, "the string is null; a C-string branch has no null value (use an empty string)");
                }

                int nul = value.IndexOf('\0', StringComparison.Ordinal);
                if (nul >= 0)
                {
                    throw new InvalidBranchValueException(Definition.Name, Entries + e, $"the string has a NUL character at index {nul}; ROOT would end the C string there");
                }

                int length = Encoding.UTF8.GetByteCount(value);
                if (length > maxStringBytes)
                {
                    throw new InvalidBranchValueException(Definition.Name, Entries + e, $"the string is {length} bytes long in UTF-8; a C-string branch holds at most {maxStringBytes}");
                }

                needed += length + (length < 255 ? 1 : 5);
            }

            if (Data.Length + needed > MaxBufferedBytes)
            {
                throw new ArgumentException($"branch '{Definition.Name}': this block's strings need {needed} bytes, too many for one basket; append fewer entries per block");
            }
        }

        /// <summary>Buffers a block's values, already checked by <see cref="Check"/>.</summary>
        public void Append(Array values, int[]? offsets, int entries)
        {
            if (IsString)
            {
                AppendStrings((string[])values);
                Entries += entries;
                return;
            }

            int itemSize = Definition.ItemSize;
            switch (Definition.Kind)
            {
                case RootBranchKind.Scalar:
                case RootBranchKind.FixedArray:
                    AppendValues(values, values.Length);
                    break;

                case RootBranchKind.Counted:
                    int start = Data.Length;
                    for (int e = 0; e < entries; e++)
                    {
                        EntryOffsets.Add(start + (offsets![e] * itemSize * ElementSize));
                    }

                    AppendValues(values, values.Length);
                    break;

                default:
                    for (int e = 0; e < entries; e++)
                    {
                        int count = offsets![e + 1] - offsets[e];
                        EntryOffsets.Add(Data.Length);
                        Data.UInt32((uint)(6 + (count * ElementSize)) | RootBuffer.ByteCountMask);
                        Data.Int16(9); // std::vector's class version
                        Data.Int32(count);
                        AppendValues(values, count, offsets[e]);
                    }

                    break;
            }

            Entries += entries;
        }

        /// <summary>
        /// Appends one C string per entry (length byte, or 255 and a big-endian Int32 length, then the UTF-8 bytes) with
        /// each entry's offset; the values were checked by <see cref="CheckStrings"/>.
        /// </summary>
        private void AppendStrings(string[] values)
        {
            foreach (string value in values)
            {
                EntryOffsets.Add(Data.Length);
                int length = Encoding.UTF8.GetByteCount(value);
                if (length < 255)
                {
                    Data.Byte((byte)length);
                }
                else
                {
                    Data.Byte(255);
                    Data.Int32(length);
                }

                Encoding.UTF8.GetBytes(value, Data.Take(length));
                LongestString = Math.Max(LongestString, length);
            }
        }

        /// <summary>Appends <paramref name="count"/> values from <paramref name="first"/> as big-endian bytes.</summary>
        private void AppendValues(Array values, int count, int first = 0)
        {
            // Only the bytes matter here, so the runtime's array variance (a byte[] matching sbyte[]) is harmless.
            Span<byte> source = values switch
            {
                bool[] b => MemoryMarshal.AsBytes(b.AsSpan(first, count)),
                sbyte[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                byte[] v => v.AsSpan(first, count),
                short[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                ushort[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                int[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                uint[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                long[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                ulong[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                float[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                double[] v => MemoryMarshal.AsBytes(v.AsSpan(first, count)),
                _ => throw new ArgumentException($"unsupported values {values.GetType().Name}"),
            };
            Span<byte> target = Data.Take(source.Length);
            switch (ElementSize)
            {
                case 1:
                    source.CopyTo(target);
                    if (values is bool[])
                    {
                        for (int i = 0; i < target.Length; i++)
                        {
                            target[i] = target[i] != 0 ? (byte)1 : (byte)0;
                        }
                    }

                    break;
                case 2:
                    BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(source), MemoryMarshal.Cast<byte, ushort>(target));
                    break;
                case 4:
                    BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(source), MemoryMarshal.Cast<byte, uint>(target));
                    break;
                default:
                    BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(source), MemoryMarshal.Cast<byte, ulong>(target));
                    break;
            }
        }

        /// <summary>
        /// The basket payload (values, then for variable-size entries the entry offsets counted from the key start)
        /// compressed; with the object length, <c>fLast</c> and <c>fNevBufSize</c>.
        /// </summary>
        public BasketPayload BuildBasket(string treeName, int entries, RootCompression compression)
        {
            int keyLength = RootKeyHeader.Size("TBasket", Definition.Name, treeName) + BasketHeaderBytes;
            int dataLength = Data.Length;
            if (!HasEntryOffsets)
            {
                byte[] stored = RootCompressor.CompressPooled(Data.Span, compression, out int storedLength);
                return new BasketPayload(stored, storedLength, dataLength, keyLength + dataLength, ElementSize * Definition.ItemSize);
            }

            // Values, then the entry offsets counted from the key start (ROOT's fEntryOffset), then the end.
            int length = dataLength + 4 + (4 * (entries + 1));
            byte[] payload = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                Data.Span.CopyTo(payload);
                Span<byte> tail = payload.AsSpan(dataLength, length - dataLength);
                BinaryPrimitives.WriteInt32BigEndian(tail, entries + 1);
                for (int e = 0; e < entries; e++)
                {
                    BinaryPrimitives.WriteInt32BigEndian(tail[(4 + (4 * e))..], keyLength + EntryOffsets[e]);
                }

                BinaryPrimitives.WriteInt32BigEndian(tail[(4 + (4 * entries))..], keyLength + dataLength);
                byte[] stored = RootCompressor.CompressPooled(payload.AsSpan(0, length), compression, out int storedLength);
                return new BasketPayload(stored, storedLength, length, keyLength + dataLength, entries + 2);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(payload);
            }
        }

        private static (char Letter, int Size) LetterOf(Type type) =>
            type == typeof(bool) ? ('O', 1)
            : type == typeof(sbyte) ? ('B', 1)
            : type == typeof(byte) ? ('b', 1)
            : type == typeof(short) ? ('S', 2)
            : type == typeof(ushort) ? ('s', 2)
            : type == typeof(int) ? ('I', 4)
            : type == typeof(uint) ? ('i', 4)
            : type == typeof(long) ? ('L', 8)
            : type == typeof(ulong) ? ('l', 8)
            : type == typeof(float) ? ('F', 4)
            : type == typeof(string) ? ('C', 1)
            : ('D', 8);
    }
}
