namespace HepMl.Io.Inspection;

/// <summary>What <c>describe</c> covers.</summary>
/// <param name="ObjectPath">One object (tree, histogram, dataset group) to describe, or null for every one.</param>
/// <param name="ColumnGlob">Only columns whose name or path matches this glob (<c>*</c>, <c>?</c>, <c>[abc]</c>), or null.</param>
/// <param name="EntryStart">First entry to summarise (default 0).</param>
/// <param name="EntryStop">One past the last entry (null: to the end; clipped to the table length).</param>
public sealed record DescribeOptions(string? ObjectPath = null, string? ColumnGlob = null, long EntryStart = 0, long? EntryStop = null)
{
    /// <summary>How many leading entries each column shows.</summary>
    public int FirstEntries { get; init; } = 3;

    /// <summary>Entries per chunk when streaming a table (bounds memory).</summary>
    public long ChunkEntries { get; init; } = 1_000_000;

    /// <summary>Called with the name of each column or object as its summary starts (for progress display).</summary>
    public Action<string>? Progress { get; init; }
}
