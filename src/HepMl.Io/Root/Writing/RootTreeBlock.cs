namespace HepMl.Io.Root.Writing;

/// <summary>
/// A block of entries for <see cref="RootTreeWriter.Append(RootTreeBlock)"/>: one flat array per branch (scalars; fixed
/// arrays flattened in C order) or values with <c>entries + 1</c> offsets (counted arrays and vectors).
/// </summary>
public sealed class RootTreeBlock
{
    private readonly Dictionary<string, (Array Values, int[]? Offsets)> _columns = new(StringComparer.Ordinal);

    /// <summary>Creates an empty block of <paramref name="entries"/> entries.</summary>
    public RootTreeBlock(long entries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entries);
        Entries = entries;
    }

    /// <summary>Entries in the block.</summary>
    public long Entries { get; }

    /// <summary>Sets a scalar or fixed-array branch's values.</summary>
    public RootTreeBlock Add(string branch, Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _columns[branch] = (values, null);
        return this;
    }

    /// <summary>Sets a counted-array or vector branch's values and offsets (<c>entries + 1</c> offsets starting at 0).</summary>
    public RootTreeBlock AddJagged(string branch, Array values, int[] offsets)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Length != Entries + 1 || offsets[0] != 0 || offsets[^1] != values.Length)
        {
            throw new ArgumentException($"branch '{branch}': {offsets.Length} offsets for {Entries} entries; expected {Entries + 1} from 0 to {values.Length}", nameof(offsets));
        }

        for (int i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw new ArgumentException($"branch '{branch}': offsets decrease at entry {i - 1}", nameof(offsets));
            }
        }

        _columns[branch] = (values, offsets);
        return this;
    }

    internal bool TryGet(string branch, out (Array Values, int[]? Offsets) column) => _columns.TryGetValue(branch, out column);

    internal IEnumerable<string> Names => _columns.Keys;
}
