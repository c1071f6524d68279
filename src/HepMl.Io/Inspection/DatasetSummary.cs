namespace HepMl.Io.Inspection;

/// <summary>An HDF5 dataset described on its own: type, shape and statistics over all its elements.</summary>
/// <param name="Path">Absolute path inside the file (<c>/g/ds</c>).</param>
/// <param name="Type">CLI type name: <c>float32</c>, <c>string</c>, <c>compound</c>, <c>float32[]</c> for variable-length sequences.</param>
/// <param name="Shape">The dataset shape over the selected rows (<c>[]</c> for a scalar, null for a null dataspace).</param>
/// <param name="Count">Number of elements (innermost values for variable-length sequences).</param>
/// <param name="Sum">Float64 sum of the numeric elements (bool as 0/1), null when there are none.</param>
/// <param name="Min">Smallest element (NaN ignored), null when there are none.</param>
/// <param name="Max">Largest element (NaN ignored), null when there are none.</param>
/// <param name="First">The first elements, flattened (records as name → value objects).</param>
public sealed record DatasetSummary(
    string Path, string Type, IReadOnlyList<long>? Shape, long Count, double? Sum, double? Min, double? Max, IReadOnlyList<object?> First)
    : ObjectSummary(Path, "dataset");
