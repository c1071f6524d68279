using HepMl.Io.Columns;
using HepMl.Io.Root.Interpretation;
using HepMl.Io.Root.Objects;

namespace HepMl.Io.Root.Trees;

/// <summary>
/// Reads a flat numeric branch (one value or a fixed array per entry) into a buffer it reuses: the span returned
/// by <see cref="Read"/> is valid until the next call. Not thread-safe: use one reader per thread.
/// </summary>
public sealed class BranchReader<T> : IDisposable
    where T : unmanaged
{
    private readonly TreeReader _tree;
    private readonly FixedDecoder<T> _decoder;
    private T[] _buffer = [];

    internal BranchReader(TreeReader tree, TreeBranch branch)
    {
        _tree = tree;
        Branch = branch;
        ColumnType? type = branch.Type;
        if (type is null || type.ListDepth != 0 || type.Element != ElementTypes.FromClr(typeof(T)) || branch.Decoder is not FixedDecoder<T> decoder)
        {
            throw new InvalidCastException(
                $"branch {branch.Path} holds {type?.Name ?? "no data"}, not a flat column of {ElementTypes.Name(ElementTypes.FromClr(typeof(T)))}");
        }

        _decoder = decoder;
        ValuesPerEntry = type.ItemSize;
    }

    /// <summary>The branch read.</summary>
    public TreeBranch Branch { get; }

    /// <summary>Values per entry (1 for a scalar, 3 for <c>x[3]</c>).</summary>
    public int ValuesPerEntry { get; }

    /// <summary>Reads <paramref name="range"/>; the span is valid until the next call.</summary>
    public ReadOnlySpan<T> Read(EntryRange range)
    {
        int needed = checked((int)range.Count * ValuesPerEntry);
        if (_buffer.Length < needed)
        {
            _buffer = GC.AllocateUninitializedArray<T>(needed);
        }

        _decoder.ReadInto(Branch, range, _tree.MaxThreads, _buffer);
        return _buffer.AsSpan(0, needed);
    }

    /// <summary>Reads every entry into a new array.</summary>
    public T[] ReadAll() => Read(new EntryRange(0, Branch.Entries)).ToArray();

    /// <inheritdoc />
    public void Dispose() => _buffer = [];
}
