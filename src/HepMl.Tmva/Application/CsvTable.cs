using System.Globalization;
using System.Text;
using HepMl.Io;

namespace HepMl.Tmva.Application;

/// <summary>
/// A CSV file held as text columns plus their values parsed as float32: the header names the columns, every row
/// has as many fields as the header. Fields may be quoted (RFC 4180 doubling of quotes). Numbers use the invariant
/// culture; <c>nan</c>, <c>inf</c> and <c>-inf</c> are accepted; an empty field is NaN.
/// </summary>
public sealed class CsvTable
{
    private readonly string[][] _fields;

    private CsvTable(string? path, string[] header, string[][] fields)
    {
        FilePath = path;
        Header = header;
        _fields = fields;
    }

    /// <summary>The file read, or null.</summary>
    public string? FilePath { get; }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => _fields.Length;

    /// <summary>The raw text of a field.</summary>
    public string Field(int row, int column) => _fields[row][column];

    /// <summary>Reads a CSV file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMlFormatException">The file is empty or a row has the wrong number of fields.</exception>
    public static CsvTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the CSV file {path} does not exist", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads CSV text.</summary>
    /// <exception cref="HepMlFormatException">The text is empty or a row has the wrong number of fields.</exception>
    public static CsvTable Read(TextReader reader, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? headerLine = reader.ReadLine();
        if (headerLine is null || headerLine.Trim().Length == 0)
        {
            throw new HepMlFormatException("expected a CSV header line naming the columns; the file is empty", sourceName, 0);
        }

        string[] header = Split(headerLine, sourceName, 1);
        var rows = new List<string[]>();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = Split(line, sourceName, lineNumber);
            if (fields.Length != header.Length)
            {
                throw new HepMlFormatException(
                    $"expected {header.Length} fields as in the header; line {lineNumber} has {fields.Length}", sourceName,
                    objectPath: $"line {lineNumber}");
            }

            rows.Add(fields);
        }

        return new CsvTable(sourceName, header, [.. rows]);
    }

    /// <summary>Index of the column named <paramref name="name"/> (whitespace ignored), or -1.</summary>
    public int IndexOf(string name)
    {
        string key = Normalise(name);
        for (int i = 0; i < Header.Count; i++)
        {
            if (Normalise(Header[i]) == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The values of <paramref name="columns"/> row-major as float32.</summary>
    /// <exception cref="HepMlFormatException">A field is not a number; the message gives line and column.</exception>
    public float[] ToRowMajor(IReadOnlyList<int> columns)
    {
        var values = new float[(long)RowCount * columns.Count];
        for (int row = 0; row < RowCount; row++)
        {
            for (int j = 0; j < columns.Count; j++)
            {
                values[((long)row * columns.Count) + j] = ParseFloat(row, columns[j]);
            }
        }

        return values;
    }

    /// <summary>Formats a field for CSV output, quoting it when needed.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private float ParseFloat(int row, int column)
    {
        string text = _fields[row][column].Trim();
        if (text.Length == 0)
        {
            return float.NaN;
        }

        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
        {
            return value;
        }

        string lower = text.ToLowerInvariant();
        switch (lower)
        {
            case "nan" or "-nan" or "+nan":
                return float.NaN;
            case "inf" or "+inf" or "infinity":
                return float.PositiveInfinity;
            case "-inf" or "-infinity":
                return float.NegativeInfinity;
        }

        throw new HepMlFormatException(
            $"expected a number in column '{Header[column]}'; line {row + 2} holds '{text}'", FilePath,
            objectPath: $"line {row + 2}, column {column + 1}");
    }

    private static string[] Split(string line, string? sourceName, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new HepMlFormatException($"expected a closing quote on line {lineNumber}", sourceName, objectPath: $"line {lineNumber}");
        }

        fields.Add(field.ToString().TrimEnd('\r'));
        return [.. fields];
    }

    private static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
