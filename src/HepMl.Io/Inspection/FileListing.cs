namespace HepMl.Io.Inspection;

/// <summary>The result of <c>ls</c>: every directory and object of a file.</summary>
/// <param name="File">The file path as given.</param>
/// <param name="Format">The format name.</param>
/// <param name="Details">One line about the file (writer version, size, compression).</param>
/// <param name="Entries">Directories and objects, parents before children.</param>
public sealed record FileListing(string File, string Format, string Details, IReadOnlyList<ListingEntry> Entries);

/// <summary>One directory or object in a listing.</summary>
/// <param name="Path">Slash-separated path inside the file.</param>
/// <param name="Kind">directory, tree, histogram, dataset or object.</param>
/// <param name="ClassName">The stored class (TTree, TH1F, TDirectoryFile...) or dataset type.</param>
/// <param name="Cycle">ROOT key cycle, or null.</param>
/// <param name="Title">Object title, or empty.</param>
/// <param name="Entries">Rows of a table, or null.</param>
/// <param name="Columns">Columns of a table with their types, or empty.</param>
public sealed record ListingEntry(
    string Path, string Kind, string ClassName, int? Cycle, string Title, long? Entries, IReadOnlyList<ListingColumn> Columns);

/// <summary>A column of a listed table.</summary>
/// <param name="Name">Full column name (branch path).</param>
/// <param name="Type">CLI type name (<c>float32[]</c>...), <c>group</c> for a branch without data, or <c>unsupported</c>.</param>
/// <param name="Note">Extra detail: the C++ type, or why the type is unsupported.</param>
public sealed record ListingColumn(string Name, string Type, string Note);
