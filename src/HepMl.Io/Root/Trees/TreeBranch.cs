using HepMl.Io.Columns;
using System.Globalization;
using HepMl.Io.Root.Interpretation;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Trees;

/// <summary>
/// One branch of a tree: its name and full path, leaves, sub-branches, baskets, and what it holds per entry
/// (ROOT: <c>TBranch</c>, <c>TBranchElement</c>, <c>TBranchObject</c>).
/// </summary>
public sealed class TreeBranch
{
    private readonly Lazy<ColumnDecoder?> _decoder;
    private BasketInfo[]? _baskets;

    internal TreeBranch(TreeReader tree, RootObject model, TreeBranch? parent)
    {
        Tree = tree;
        Model = model;
        Parent = parent;
        Name = model.GetString("fName");
        Title = model.GetString("fTitle");
        ClassName = model.ClassName;
        Path = parent is null ? Name : parent.Path + "/" + Name;
        Entries = model.Has("fEntries") ? Convert.ToInt64(model["fEntries"], CultureInfo.InvariantCulture) : 0;
        var leaves = new List<TreeLeaf>();
        if (model.GetOrNull("fLeaves") is RootCollection leafList)
        {
            foreach (RootObject leaf in leafList.Objects)
            {
                leaves.Add(tree.LeafFor(leaf));
            }
        }

        Leaves = leaves;
        var children = new List<TreeBranch>();
        if (model.GetOrNull("fBranches") is RootCollection branchList)
        {
            foreach (RootObject child in branchList.Objects)
            {
                children.Add(new TreeBranch(tree, child, this));
            }
        }

        Branches = children;
        _decoder = new Lazy<ColumnDecoder?>(() => InterpretationResolver.Resolve(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The tree this branch belongs to.</summary>
    public TreeReader Tree { get; }

    /// <summary>The parent branch, or null for a top-level branch.</summary>
    public TreeBranch? Parent { get; }

    /// <summary>The branch name as stored (<c>fName</c>), e.g. <c>P3.Px</c>.</summary>
    public string Name { get; }

    /// <summary>The full path through parent branches, slash-separated (uproot's naming), e.g. <c>evt/P3/P3.Px</c>.</summary>
    public string Path { get; }

    /// <summary>The branch title (<c>fTitle</c>).</summary>
    public string Title { get; }

    /// <summary>TBranch, TBranchElement or TBranchObject.</summary>
    public string ClassName { get; }

    /// <summary>Number of entries the branch holds (<c>fEntries</c>).</summary>
    public long Entries { get; }

    /// <summary>The leaves (<c>fLeaves</c>).</summary>
    public IReadOnlyList<TreeLeaf> Leaves { get; }

    /// <summary>The sub-branches (<c>fBranches</c>).</summary>
    public IReadOnlyList<TreeBranch> Branches { get; }

    /// <summary>Number of baskets, including those embedded in the tree record.</summary>
    public int BasketCount => Baskets.Length;

    /// <summary>Number of baskets stored inside the tree record rather than under their own keys.</summary>
    public int EmbeddedBasketCount
    {
        get
        {
            int count = 0;
            foreach (BasketInfo basket in Baskets)
            {
                if (basket.Embedded is not null)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>True when the branch has data of its own (false for a split parent with only sub-branches).</summary>
    public bool HasData => Decoder is not null;

    /// <summary>What the branch holds per entry, or null for a branch without data of its own.</summary>
    /// <exception cref="UnsupportedFormatException">The branch's type is not supported.</exception>
    public ColumnType? Type => Decoder?.Type;

    /// <summary>The streamer class name of a TBranchElement (<c>fClassName</c>), else empty.</summary>
    public string ElementClassName => Model.GetOrNull("fClassName") as string ?? string.Empty;

    /// <summary>TBranchElement's <c>fStreamerType</c>, or -1.</summary>
    public int StreamerType => Model.Has("fStreamerType") ? Model.GetInt32("fStreamerType") : -1;

    /// <summary>TBranchElement's <c>fType</c> (0 member, 3 TClonesArray top, 4 STL top, 31/41 their members), or -1.</summary>
    public int ElementType => Model.Has("fType") ? Model.GetInt32("fType") : -1;

    internal RootObject Model { get; }

    internal ColumnDecoder? Decoder => _decoder.Value;

    /// <summary>The streamer element describing this branch's member, resolved by <see cref="InterpretationResolver"/>.</summary>
    internal StreamerElement? Streamer { get; set; }

    internal bool StreamerIsClonesArray { get; set; }

    /// <summary>When the branch is described by a whole class layout rather than one member: that class.</summary>
    internal string? StreamerClassName { get; set; }

    internal BasketInfo[] Baskets => _baskets ??= BuildBaskets();

    /// <inheritdoc />
    public override string ToString() => $"{Path} ({ClassName})";

    private BasketInfo[] BuildBaskets()
    {
        int writeBasket = Model.Has("fWriteBasket") ? Model.GetInt32("fWriteBasket") : 0;
        int[] bytes = Model.GetOrNull("fBasketBytes") as int[] ?? [];
        long[] entryStarts = Model.GetOrNull("fBasketEntry") as long[] ?? [];
        long[] seeks = Model.GetOrNull("fBasketSeek") as long[] ?? [];
        var baskets = new List<BasketInfo>();
        int normal = 0;
        for (int i = 0; i < seeks.Length && i < writeBasket; i++)
        {
            if (seeks[i] == 0)
            {
                break;
            }

            normal++;
        }

        for (int i = 0; i < normal; i++)
        {
            long start = i < entryStarts.Length ? entryStarts[i] : 0;
            long stop = i + 1 < entryStarts.Length ? entryStarts[i + 1] : Entries;
            int size = i < bytes.Length ? bytes[i] : 0;
            baskets.Add(new BasketInfo(i, start, stop, seeks[i], size, null));
        }

        long next = baskets.Count == 0 ? 0 : baskets[^1].EntryStop;
        if (Model.GetOrNull("fBaskets") is RootCollection embedded && next < Entries)
        {
            foreach (object? item in embedded.Items)
            {
                if (item is EmbeddedBasket basket)
                {
                    baskets.Add(new BasketInfo(baskets.Count, next, next + basket.Entries, 0, 0, basket));
                    next += basket.Entries;
                }
            }
        }

        return [.. baskets];
    }
}
