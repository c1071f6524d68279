namespace HepMl.Io.Csv;

/// <summary>How the parser stores one column's fields.</summary>
internal enum CsvFieldKind
{
    Int64,
    Int32,
    Float64,
    Float32,
    String,
}
