namespace HepMl.Io.Root.Objects;

/// <summary>A std::map read generically: keys and values in file order (sorted by key, as std::map keeps them).</summary>
public sealed class RootMap
{
    internal RootMap(List<object?> keys, List<object?> values)
    {
        Keys = keys;
        Values = values;
    }

    /// <summary>The keys.</summary>
    public IReadOnlyList<object?> Keys { get; }

    /// <summary>The values, aligned with <see cref="Keys"/>.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>Number of entries.</summary>
    public int Count => Keys.Count;
}
