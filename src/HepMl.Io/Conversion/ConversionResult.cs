namespace HepMl.Io.Conversion;

/// <summary>What a conversion wrote.</summary>
/// <param name="InputFormat">The input format.</param>
/// <param name="OutputFormat">The output format.</param>
/// <param name="TableName">The tree/group name written.</param>
/// <param name="Entries">Entries written.</param>
/// <param name="Columns">Columns written.</param>
/// <param name="Skipped">Columns of the input left out, with the reason.</param>
public sealed record ConversionResult(
    TableFormat InputFormat, TableFormat OutputFormat, string TableName, long Entries, IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<(string Name, string Reason)> Skipped);
