using HepMl.Io.Columns;
using System.Globalization;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Reading;

namespace HepMl.Io.Root.Trees;

/// <summary>
/// A TTree opened for reading: its branches and entry count, and typed reads of one or many branches over entry
/// ranges, in full or in chunks of bounded size. Baskets are decompressed in parallel (order kept) on up to
/// <see cref="MaxThreads"/> threads. Thread-safe: several threads may read different ranges at once.
/// </summary>
/// <remarks>uproot: <c>TTree.arrays</c> / <c>TTree.iterate</c>; UnROOT.jl: <c>LazyTree</c>.</remarks>
public sealed class TreeReader
{
    private readonly Dictionary<RootObject, TreeLeaf> _leaves = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TreeLeaf, TreeBranch> _leafOwners = [];
    private readonly Dictionary<string, TreeBranch> _byPath = new(StringComparer.Ordinal);
    private readonly List<TreeBranch> _all = [];
    private int _maxThreads = Environment.ProcessorCount;

    internal TreeReader(RootFile file, RootObject model, string path, RootKey key)
    {
        File = file;
        Model = model;
        Path = path;
        Key = key;
        Name = model.GetString("fName");
        Title = model.GetString("fTitle");
        ClassName = model.ClassName;
        Entries = Convert.ToInt64(model["fEntries"], CultureInfo.InvariantCulture);
        var branches = new List<TreeBranch>();
        if (model.GetOrNull("fBranches") is RootCollection list)
        {
            foreach (RootObject branch in list.Objects)
            {
                branches.Add(new TreeBranch(this, branch, null));
            }
        }

        Branches = branches;
        foreach (TreeBranch branch in branches)
        {
            Register(branch);
        }

        foreach ((RootObject leafModel, TreeLeaf leaf) in _leaves)
        {
            if (leafModel.GetOrNull("fLeafCount") is RootObject countModel && _leaves.TryGetValue(countModel, out TreeLeaf? countLeaf))
            {
                leaf.CountLeaf = countLeaf;
            }
        }

        var friends = new List<string>();
        if (model.GetOrNull("fFriends") is RootCollection friendList)
        {
            foreach (RootObject friend in friendList.Objects)
            {
                string treeName = friend.GetOrNull("fTreeName") as string ?? friend.GetString("fName");
                string fileName = friend.GetOrNull("fTitle") as string ?? string.Empty;
                friends.Add(fileName.Length == 0 ? treeName : $"{treeName} ({fileName})");
            }
        }

        FriendTrees = friends;
    }

    /// <summary>The file the tree is in.</summary>
    public RootFile File { get; }

    /// <summary>Path of the tree's key in the file (without cycle).</summary>
    public string Path { get; }

    /// <summary>Tree name (<c>fName</c>).</summary>
    public string Name { get; }

    /// <summary>Tree title (<c>fTitle</c>).</summary>
    public string Title { get; }

    /// <summary>TTree or TNtuple.</summary>
    public string ClassName { get; }

    /// <summary>Number of entries (<c>fEntries</c>).</summary>
    public long Entries { get; }

    /// <summary>The top-level branches.</summary>
    public IReadOnlyList<TreeBranch> Branches { get; }

    /// <summary>Every branch, depth first (parents before their sub-branches).</summary>
    public IReadOnlyList<TreeBranch> AllBranches => _all;

    /// <summary>Names of friend trees (with their file when given), as listed in <c>fFriends</c>.</summary>
    public IReadOnlyList<string> FriendTrees { get; }

    /// <summary>Maximum number of threads that decompress and decode baskets (default: all cores).</summary>
    public int MaxThreads
    {
        get => _maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxThreads = value;
        }
    }

    internal RootObject Model { get; }

    internal RootKey Key { get; }

    /// <summary>Finds a branch by full path (<c>evt/P3/P3.Px</c>) or by its stored name when that is unique.</summary>
    /// <exception cref="ObjectNotFoundException">No such branch; the message lists the nearest names.</exception>
    public TreeBranch GetBranch(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_byPath.TryGetValue(name, out TreeBranch? branch))
        {
            return branch;
        }

        TreeBranch? match = null;
        foreach (TreeBranch candidate in _all)
        {
            if (candidate.Name == name)
            {
                if (match is not null)
                {
                    throw new ObjectNotFoundException(name, $"tree {Path} (the name is ambiguous; use the full path)", AllPaths());
                }

                match = candidate;
            }
        }

        return match ?? throw new ObjectNotFoundException(name, $"tree {Path}", AllPaths());
    }

    /// <summary>Reads one branch over [<paramref name="start"/>, <paramref name="stop"/>) (stop -1: to the end).</summary>
    /// <exception cref="HepMlFormatException">A basket is corrupt.</exception>
    /// <exception cref="UnsupportedFormatException">The branch's type is not supported.</exception>
    public ColumnData ReadColumn(string branch, long start = 0, long stop = -1) =>
        ReadColumn(GetBranch(branch), ToRange(start, stop));

    /// <summary>Reads one branch over <paramref name="range"/>.</summary>
    public ColumnData ReadColumn(TreeBranch branch, EntryRange range)
    {
        ArgumentNullException.ThrowIfNull(branch);
        if (range.Stop > Math.Max(Entries, branch.Entries))
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, $"the tree has {Entries} entries");
        }

        Interpretation.ColumnDecoder decoder = branch.Decoder
            ?? throw new InvalidOperationException($"branch {branch.Path} has no data of its own; read its sub-branches");
        return decoder.Read(branch, range, _maxThreads);
    }

    /// <summary>Reads several branches over the same range.</summary>
    public IReadOnlyDictionary<string, ColumnData> ReadColumns(IEnumerable<string> branches, EntryRange range)
    {
        ArgumentNullException.ThrowIfNull(branches);
        var result = new Dictionary<string, ColumnData>(StringComparer.Ordinal);
        foreach (string name in branches)
        {
            TreeBranch branch = GetBranch(name);
            result[branch.Path] = ReadColumn(branch, range);
        }

        return result;
    }

    /// <summary>
    /// Splits the tree into consecutive ranges of at most <paramref name="maxEntries"/> entries, cut at basket
    /// boundaries of the first branch with data where possible.
    /// </summary>
    public IEnumerable<EntryRange> Ranges(long maxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        var boundaries = new SortedSet<long>();
        foreach (TreeBranch branch in _all)
        {
            if (branch.Leaves.Count > 0 && branch.BasketCount > 0)
            {
                foreach (BasketInfo basket in branch.Baskets)
                {
                    boundaries.Add(basket.EntryStop);
                }

                break;
            }
        }

        long start = 0;
        while (start < Entries)
        {
            long limit = Math.Min(Entries, start + maxEntries);
            long stop = limit;
            if (limit < Entries)
            {
                // The last basket boundary within the limit, if any is past start.
                long aligned = start;
                foreach (long boundary in boundaries.GetViewBetween(start + 1, limit))
                {
                    aligned = boundary;
                }

                if (aligned > start)
                {
                    stop = aligned;
                }
            }

            yield return new EntryRange(start, stop);
            start = stop;
        }
    }

    /// <summary>
    /// Streams the tree in chunks of at most <paramref name="maxEntries"/> entries, reading the named branches for
    /// each; only one chunk is held at a time, so memory does not grow with the tree.
    /// </summary>
    public IEnumerable<TreeChunk> Iterate(IEnumerable<string> branches, long maxEntries)
    {
        ArgumentNullException.ThrowIfNull(branches);
        List<TreeBranch> selected = [];
        foreach (string name in branches)
        {
            selected.Add(GetBranch(name));
        }

        foreach (EntryRange range in Ranges(maxEntries))
        {
            var columns = new Dictionary<string, ColumnData>(StringComparer.Ordinal);
            foreach (TreeBranch branch in selected)
            {
                columns[branch.Path] = ReadColumn(branch, range);
            }

            yield return new TreeChunk(range, columns);
        }
    }

    /// <summary>A typed reader for a flat numeric branch (one value per entry or a fixed array).</summary>
    /// <exception cref="InvalidCastException">The branch does not hold <typeparamref name="T"/> values.</exception>
    public BranchReader<T> Branch<T>(string name)
        where T : unmanaged => new(this, GetBranch(name));

    /// <summary>A typed reader for a jagged numeric branch (counter-sized arrays, std::vector).</summary>
    /// <exception cref="InvalidCastException">The branch is not a jagged array of <typeparamref name="T"/>.</exception>
    public JaggedBranchReader<T> JaggedBranch<T>(string name)
        where T : unmanaged => new(this, GetBranch(name));

    internal TreeLeaf LeafFor(RootObject model)
    {
        if (!_leaves.TryGetValue(model, out TreeLeaf? leaf))
        {
            leaf = new TreeLeaf(model);
            _leaves[model] = leaf;
        }

        return leaf;
    }

    /// <summary>The branch that owns <paramref name="leaf"/>, or null.</summary>
    internal TreeBranch? OwnerOf(TreeLeaf leaf) => _leafOwners.GetValueOrDefault(leaf);

    internal EntryRange ToRange(long start, long stop)
    {
        if (stop < 0)
        {
            stop = Entries;
        }

        if (start < 0 || start > stop || stop > Entries)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"entry range [{start}, {stop}) is outside [0, {Entries})");
        }

        return new EntryRange(start, stop);
    }

    private void Register(TreeBranch branch)
    {
        _all.Add(branch);
        _byPath.TryAdd(branch.Path, branch);
        foreach (TreeLeaf leaf in branch.Leaves)
        {
            _leafOwners.TryAdd(leaf, branch);
        }

        foreach (TreeBranch child in branch.Branches)
        {
            Register(child);
        }
    }

    private List<string> AllPaths()
    {
        var paths = new List<string>(_all.Count);
        foreach (TreeBranch branch in _all)
        {
            paths.Add(branch.Path);
        }

        return paths;
    }
}
