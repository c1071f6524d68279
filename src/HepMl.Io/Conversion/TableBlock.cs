namespace HepMl.Io.Conversion;

/// <summary>A block of entries: per column a flat array of values and, for jagged columns, <c>entries + 1</c> offsets from 0.</summary>
/// <param name="FirstEntry">Index of the block's first entry in the source.</param>
/// <param name="Entries">Entries in the block.</param>
/// <param name="Columns">Values (and offsets) by column name.</param>
public sealed record TableBlock(long FirstEntry, long Entries, IReadOnlyDictionary<string, (Array Values, int[]? Offsets)> Columns);
