using HepMl.Io.Columns;
namespace HepMl.Io.Root.Trees;

/// <summary>One chunk of a streamed tree: the entry range and the columns read for it, keyed by branch path.</summary>
/// <param name="Range">The entries of this chunk.</param>
/// <param name="Columns">The columns, keyed by branch path.</param>
public sealed record TreeChunk(EntryRange Range, IReadOnlyDictionary<string, ColumnData> Columns);
