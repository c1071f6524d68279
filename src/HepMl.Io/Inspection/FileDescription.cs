namespace HepMl.Io.Inspection;

/// <summary>The result of <c>describe</c>: summaries of the tables and histograms of one file.</summary>
/// <param name="File">The file path as given.</param>
/// <param name="Format">The format name (<c>root</c>, <c>hdf5</c>).</param>
/// <param name="Objects">Tables and histograms in file order.</param>
public sealed record FileDescription(string File, string Format, IReadOnlyList<ObjectSummary> Objects);

/// <summary>A described object: a <see cref="TableSummary"/> or a <see cref="HistogramSummary"/>.</summary>
/// <param name="Path">Path inside the file, without cycle.</param>
/// <param name="ClassName">TTree, TNtuple, TH1F... or the format's own kind.</param>
public abstract record ObjectSummary(string Path, string ClassName);

/// <summary>A table (TTree, HDF5 group of datasets) and its columns.</summary>
/// <param name="Path">Path inside the file.</param>
/// <param name="ClassName">TTree, TNtuple, or the format's kind.</param>
/// <param name="Entries">Rows in the table.</param>
/// <param name="Columns">Column summaries over the selected entries.</param>
public sealed record TableSummary(string Path, string ClassName, long Entries, IReadOnlyList<ColumnSummary> Columns)
    : ObjectSummary(Path, ClassName);

/// <summary>A histogram: bins per axis, range, the sum of the stored bins (under- and overflow included), entries.</summary>
/// <param name="Path">Path inside the file.</param>
/// <param name="ClassName">TH1F, TProfile2D...</param>
/// <param name="Bins">Bins per axis.</param>
/// <param name="Low">Low edge per axis.</param>
/// <param name="High">High edge per axis.</param>
/// <param name="Sum">Sum of the stored bin array with flow bins.</param>
/// <param name="Entries">Number of entries.</param>
public sealed record HistogramSummary(
    string Path, string ClassName, IReadOnlyList<int> Bins, IReadOnlyList<double> Low, IReadOnlyList<double> High, double Sum, double Entries)
    : ObjectSummary(Path, ClassName);

/// <summary>One column over the selected entries.</summary>
/// <param name="Name">Full column name (branch path).</param>
/// <param name="Type">CLI type name: <c>float32</c>, <c>float32[3]</c>, <c>float32[]</c>, <c>float32[][]</c>, <c>string</c>, <c>object</c>.</param>
/// <param name="Entries">Entries summarised.</param>
/// <param name="Count">Number of elements (innermost values; strings count one each; = entries for a flat column).</param>
/// <param name="Sum">Float64 sum of all elements of a numeric column (bool as 0/1), null when there are none.</param>
/// <param name="Min">Smallest element (NaN ignored), null when there are none.</param>
/// <param name="Max">Largest element (NaN ignored), null when there are none.</param>
/// <param name="First">The first entries as JSON-ready values: numbers, strings, nested lists.</param>
public sealed record ColumnSummary(
    string Name, string Type, long Entries, long Count, double? Sum, double? Min, double? Max, IReadOnlyList<object?> First);
