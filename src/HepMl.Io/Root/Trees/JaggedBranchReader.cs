using HepMl.Io.Columns;
using HepMl.Io.Root.Interpretation;
using HepMl.Io.Root.Objects;

namespace HepMl.Io.Root.Trees;

/// <summary>
/// Reads a jagged numeric branch (<c>x[n]</c>, std::vector of numbers) into buffers it reuses: the
/// <see cref="JaggedSpan{T}"/> returned by <see cref="Read"/> is valid until the next call. Not thread-safe.
/// </summary>
public sealed class JaggedBranchReader<T> : IDisposable
    where T : unmanaged
{
    private readonly TreeReader _tree;
    private readonly JaggedDecoder<T> _decoder;
    private T[] _values = [];
    private int[] _offsets = [];

    internal JaggedBranchReader(TreeReader tree, TreeBranch branch)
    {
        _tree = tree;
        Branch = branch;
        ColumnType? type = branch.Type;
        if (type is null || type.ListDepth != 1 || type.Element != ElementTypes.FromClr(typeof(T)) || branch.Decoder is not JaggedDecoder<T> decoder)
        {
            throw new InvalidCastException(
                $"branch {branch.Path} holds {type?.Name ?? "no data"}, not a jagged column of {ElementTypes.Name(ElementTypes.FromClr(typeof(T)))}");
        }

        _decoder = decoder;
    }

    /// <summary>The branch read.</summary>
    public TreeBranch Branch { get; }

    /// <summary>Reads <paramref name="range"/>; valid until the next call.</summary>
    public JaggedSpan<T> Read(EntryRange range)
    {
        int entries = checked((int)range.Count);
        if (_offsets.Length < entries + 1)
        {
            _offsets = new int[entries + 1];
        }

        int count = _decoder.ReadInto(Branch, range, _tree.MaxThreads, _offsets, ref _values);
        return new JaggedSpan<T>(_values.AsSpan(0, count), _offsets.AsSpan(0, entries + 1));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _values = [];
        _offsets = [];
    }
}
