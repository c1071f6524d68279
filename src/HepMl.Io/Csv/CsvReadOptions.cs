namespace HepMl.Io.Csv;

/// <summary>How <see cref="CsvFile"/> reads a table.</summary>
public sealed record CsvReadOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Rows inspected to choose each column's type.</summary>
        public const int InferenceRows = 10_000;

        /// <summary>Rows per block when streaming.</summary>
        public const int RowsPerBlock = 100_000;
    }

    /// <summary>The field delimiter (default ',').</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Store non-integer numbers as <c>float</c> instead of <c>double</c> (exact for text written with 9 significant digits).</summary>
    public bool FloatsAsSingle { get; init; }

    /// <summary>Explicit element types by column name (<c>typeof(long)</c>, <c>typeof(double)</c>, <c>typeof(float)</c>, <c>typeof(int)</c>, <c>typeof(string)</c>), overriding inference.</summary>
    public IReadOnlyDictionary<string, Type>? ColumnTypes { get; init; }

    /// <summary>Rows inspected to infer column types (all-integer columns become <c>long</c>, other numeric columns <c>double</c>, the rest <c>string</c>).</summary>
    public int InferenceRows { get; init; } = Defaults.InferenceRows;

    /// <summary>Largest number of threads parsing (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
