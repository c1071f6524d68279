namespace HepMl.Io.Root.Trees;

/// <summary>
/// Jagged values without per-entry allocation: one flat span of values and entry offsets
/// (<c>entry i = values[offsets[i]..offsets[i + 1]]</c>), like an Awkward Array's ListOffsetArray.
/// </summary>
public readonly ref struct JaggedSpan<T>
{
    /// <summary>Wraps flat values and offsets (length entries + 1).</summary>
    public JaggedSpan(ReadOnlySpan<T> values, ReadOnlySpan<int> offsets)
    {
        Values = values;
        Offsets = offsets;
    }

    /// <summary>All values, flattened.</summary>
    public ReadOnlySpan<T> Values { get; }

    /// <summary>Entry boundaries (entries + 1 values).</summary>
    public ReadOnlySpan<int> Offsets { get; }

    /// <summary>Number of entries.</summary>
    public int Count => Math.Max(Offsets.Length - 1, 0);

    /// <summary>The values of entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<T> this[int index] => Values[Offsets[index]..Offsets[index + 1]];
}
