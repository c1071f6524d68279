using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace HepMl.Io.Csv;

/// <summary>
/// Parses UTF-8 CSV text that holds whole lines into typed column buffers. Unquoted text (the usual numeric event
/// table) is split at line boundaries and parsed in parallel; text with quotes goes through an RFC 4180 state
/// machine (quoted fields may hold delimiters, doubled quotes and newlines).
/// </summary>
internal sealed class CsvParser
{
    private readonly string? _filePath;
    private readonly byte _delimiter;
    private readonly string[] _names;
    private readonly CsvFieldKind[] _kinds;

    public CsvParser(string? filePath, byte delimiter, string[] names, CsvFieldKind[] kinds)
    {
        _filePath = filePath;
        _delimiter = delimiter;
        _names = names;
        _kinds = kinds;
    }

    /// <summary>A parse failure at a byte offset relative to the parsed text.</summary>
    public sealed class FieldException(string problem, long offset, int column = -1, bool isNumber = false) : Exception(problem)
    {
        public long Offset { get; } = offset;

        /// <summary>The column of the bad field, or -1 (field count errors).</summary>
        public int Column { get; } = column;

        /// <summary>True when the field is a number that does not fit the column's integer type.</summary>
        public bool IsNumber { get; } = isNumber;
    }

    /// <summary>Splits a header line into names (quotes honoured).</summary>
    public static string[] SplitHeader(ReadOnlySpan<byte> line, byte delimiter)
    {
        var names = new List<string>();
        foreach (Range field in SplitQuoted(line, delimiter))
        {
            names.Add(Unquote(line[field]));
        }

        return [.. names];
    }

    /// <summary>
    /// Parses <paramref name="text"/> (whole lines) into one set of buffers per segment, in order. Throws
    /// <see cref="FieldException"/> with the offset (relative to <paramref name="text"/>) of the first bad field.
    /// </summary>
    public List<CsvColumnBuffer[]> Parse(byte[] text, int length, int parallelism)
    {
        ReadOnlySpan<byte> span = text.AsSpan(0, length);
        bool quoted = span.Contains((byte)'"');
        int segments = quoted || length < (1 << 20) ? 1 : Math.Max(1, parallelism);
        var bounds = new List<(int Start, int End)>();
        int start = 0;
        for (int s = 1; s <= segments; s++)
        {
            int end = s == segments ? length : NextLineStart(span, Math.Max(start, (int)((long)length * s / segments)));
            if (end > start)
            {
                bounds.Add((start, end));
            }

            start = end;
        }

        var results = new CsvColumnBuffer[bounds.Count][];
        var errors = new FieldException?[bounds.Count];
        Parallel.For(0, bounds.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            (int from, int to) = bounds[i];
            var buffers = new CsvColumnBuffer[_kinds.Length];
            int capacity = Math.Max(16, (to - from) / Math.Max(1, 8 * _kinds.Length));
            for (int c = 0; c < buffers.Length; c++)
            {
                buffers[c] = new CsvColumnBuffer(_kinds[c], capacity);
            }

            try
            {
                if (quoted)
                {
                    ParseQuoted(text.AsSpan(from, to - from), from, buffers);
                }
                else
                {
                    ParsePlain(text.AsSpan(from, to - from), from, buffers);
                }
            }
            catch (FieldException error)
            {
                errors[i] = error;
            }

            results[i] = buffers;
        });
        foreach (FieldException? error in errors)
        {
            if (error is not null)
            {
                throw error;
            }
        }

        return [.. results];
    }

    private static int NextLineStart(ReadOnlySpan<byte> text, int from)
    {
        int newline = text[from..].IndexOf((byte)'\n');
        return newline < 0 ? text.Length : from + newline + 1;
    }

    /// <summary>
    /// Unquoted lines, scanned field by field: numbers are parsed in place by the fast paths, anything else finds the
    /// end of its field and goes through the general parsers.
    /// </summary>
    private void ParsePlain(ReadOnlySpan<byte> text, long baseOffset, CsvColumnBuffer[] buffers)
    {
        int columns = buffers.Length;
        int position = 0;
        while (position < text.Length)
        {
            int lineStart = position;
            if (text[position] == (byte)'\n' || (text[position] == (byte)'\r' && position + 1 < text.Length && text[position + 1] == (byte)'\n'))
            {
                position += text[position] == (byte)'\n' ? 1 : 2; // blank line
                continue;
            }

            for (int c = 0; c < columns; c++)
            {
                CsvColumnBuffer buffer = buffers[c];
                int end = buffer.Kind switch
                {
                    CsvFieldKind.Float64 => FastDouble(text, position, buffer, _delimiter),
                    CsvFieldKind.Float32 => FastSingle(text, position, buffer, _delimiter),
                    CsvFieldKind.Int64 => FastInt64(text, position, buffer, _delimiter),
                    _ => -1,
                };
                if (end < 0)
                {
                    end = FieldEnd(text, position);
                    Store(buffer, c, text[position..end], baseOffset + position);
                }

                // After a field: the delimiter before the last column, the end of the line after it.
                bool last = c == columns - 1;
                if (end < text.Length && text[end] == _delimiter)
                {
                    if (last)
                    {
                        throw FieldCount(Line(text, lineStart), baseOffset + lineStart);
                    }

                    position = end + 1;
                }
                else if (end >= text.Length || text[end] == (byte)'\n' || text[end] == (byte)'\r')
                {
                    if (!last)
                    {
                        throw FieldCount(Line(text, lineStart), baseOffset + lineStart);
                    }

                    position = end;
                }
                else
                {
                    throw new InvalidOperationException("a field ended before its delimiter"); // FieldEnd and the fast paths stop only at terminators
                }
            }

            if (position < text.Length && text[position] == (byte)'\r')
            {
                position++;
            }

            if (position < text.Length && text[position] == (byte)'\n')
            {
                position++;
            }
        }
    }

    private static bool IsTerminator(ReadOnlySpan<byte> text, int index, byte delimiter) =>
        index >= text.Length || text[index] == delimiter || text[index] == (byte)'\n' || text[index] == (byte)'\r';

    private int FieldEnd(ReadOnlySpan<byte> text, int position)
    {
        int end = text[position..].IndexOfAny(_delimiter, (byte)'\n', (byte)'\r');
        return end < 0 ? text.Length : position + end;
    }

    private static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> text, int start)
    {
        int end = text[start..].IndexOf((byte)'\n');
        ReadOnlySpan<byte> line = end < 0 ? text[start..] : text.Slice(start, end);
        return line.TrimEnd((byte)'\r');
    }

    private static int FastDouble(ReadOnlySpan<byte> text, int position, CsvColumnBuffer buffer, byte delimiter)
    {
        int end = FastNumberParser.TryParseDouble(text, position, out double value);
        if (end < 0 || !IsTerminator(text, end, delimiter))
        {
            return -1; // not the fast case: the general parser takes the whole field
        }

        buffer.Add(value);
        return end;
    }

    private static int FastSingle(ReadOnlySpan<byte> text, int position, CsvColumnBuffer buffer, byte delimiter)
    {
        int end = FastNumberParser.TryParseSingle(text, position, out float value);
        if (end < 0 || !IsTerminator(text, end, delimiter))
        {
            return -1; // not the fast case: the general parser takes the whole field
        }

        buffer.Add(value);
        return end;
    }

    private static int FastInt64(ReadOnlySpan<byte> text, int position, CsvColumnBuffer buffer, byte delimiter)
    {
        int end = FastNumberParser.TryParseInt64(text, position, out long value);
        if (end < 0 || !IsTerminator(text, end, delimiter))
        {
            return -1; // not the fast case: the general parser takes the whole field
        }

        buffer.Add(value);
        return end;
    }

    /// <summary>Lines with quoted fields (RFC 4180).</summary>
    private void ParseQuoted(ReadOnlySpan<byte> text, long baseOffset, CsvColumnBuffer[] buffers)
    {
        int position = 0;
        var fields = new List<Range>(buffers.Length);
        while (position < text.Length)
        {
            int end = QuotedLineEnd(text, position);
            ReadOnlySpan<byte> line = text[position..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (!line.IsEmpty)
            {
                fields.Clear();
                fields.AddRange(SplitQuoted(line, _delimiter));
                if (fields.Count != buffers.Length)
                {
                    throw FieldCount(line, baseOffset + position);
                }

                for (int c = 0; c < buffers.Length; c++)
                {
                    ReadOnlySpan<byte> raw = line[fields[c]];
                    if (raw.Length > 0 && raw[0] == (byte)'"')
                    {
                        byte[] unquoted = Encoding.UTF8.GetBytes(Unquote(raw));
                        Store(buffers[c], c, unquoted, baseOffset + position + fields[c].Start.Value);
                    }
                    else
                    {
                        Store(buffers[c], c, raw, baseOffset + position + fields[c].Start.Value);
                    }
                }
            }

            position = Math.Min(text.Length, end + 1);
        }
    }

    /// <summary>The end of the line starting at <paramref name="start"/>, skipping newlines inside quotes.</summary>
    public static int QuotedLineEnd(ReadOnlySpan<byte> text, int start)
    {
        bool inQuotes = false;
        for (int i = start; i < text.Length; i++)
        {
            byte b = text[i];
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (b == (byte)'\n' && !inQuotes)
            {
                return i;
            }
        }

        return text.Length;
    }

    private static List<Range> SplitQuoted(ReadOnlySpan<byte> line, byte delimiter)
    {
        var fields = new List<Range>();
        int start = 0;
        bool inQuotes = false;
        for (int i = 0; i < line.Length; i++)
        {
            byte b = line[i];
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (b == delimiter && !inQuotes)
            {
                fields.Add(start..i);
                start = i + 1;
            }
        }

        fields.Add(start..line.Length);
        return fields;
    }

    private static string Unquote(ReadOnlySpan<byte> raw)
    {
        string text = Encoding.UTF8.GetString(raw).Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return text;
    }

    private void Store(CsvColumnBuffer buffer, int column, ReadOnlySpan<byte> field, long offset)
    {
        switch (buffer.Kind)
        {
            case CsvFieldKind.Float64:
                if (!TryParseDouble(field, out double d))
                {
                    throw Bad(column, field, offset, "a number");
                }

                buffer.Add(d);
                return;

            case CsvFieldKind.Float32:
                if (!TryParseSingle(field, out float f))
                {
                    throw Bad(column, field, offset, "a number");
                }

                buffer.Add(f);
                return;

            case CsvFieldKind.Int64:
                if (!TryParseInt64(field, out long l))
                {
                    throw Bad(column, field, offset, "an integer");
                }

                buffer.Add(l);
                return;

            case CsvFieldKind.Int32:
                if (!TryParseInt64(field, out long i) || i is < int.MinValue or > int.MaxValue)
                {
                    throw Bad(column, field, offset, "a 32-bit integer");
                }

                buffer.Add((int)i);
                return;

            default:
                if (LooksLikeList(field))
                {
                    throw Jagged(column, field, offset);
                }

                buffer.Add(Encoding.UTF8.GetString(field));
                return;
        }
    }

    private FieldException Bad(int column, ReadOnlySpan<byte> field, long offset, string expected) =>
        LooksLikeList(field)
            ? Jagged(column, field, offset)
            : new FieldException(
                $"column '{_names[column]}' holds '{Shorten(field)}', which is not {expected} (the column's type was chosen from the first rows; set CsvReadOptions.ColumnTypes to override)",
                offset, column, TryParseDouble(field, out _));

    private FieldException Jagged(int column, ReadOnlySpan<byte> field, long offset) =>
        new($"column '{_names[column]}' holds '{Shorten(field)}', a list: jagged (variable-length) columns are not supported in CSV, one value per cell", offset);

    private FieldException FieldCount(ReadOnlySpan<byte> line, long offset) =>
        new($"a row has {SplitQuoted(line, _delimiter).Count} fields; the header has {_names.Length} (ragged rows, or a jagged column written as several fields, are not supported)", offset);

    private static bool LooksLikeList(ReadOnlySpan<byte> field)
    {
        ReadOnlySpan<byte> trimmed = field.Trim((byte)' ');
        return trimmed.Length > 0 && (trimmed[0] == (byte)'[' || trimmed[0] == (byte)'{' || (trimmed[0] == (byte)'(' && trimmed[^1] == (byte)')'));
    }

    private static string Shorten(ReadOnlySpan<byte> field)
    {
        string text = Encoding.UTF8.GetString(field);
        return text.Length > 40 ? text[..40] + "..." : text;
    }

    public static bool TryParseInt64(ReadOnlySpan<byte> field, out long value)
    {
        field = field.Trim((byte)' ');
        return Utf8Parser.TryParse(field, out value, out int consumed) && consumed == field.Length && field.Length > 0;
    }

    public static bool TryParseDouble(ReadOnlySpan<byte> field, out double value)
    {
        field = field.Trim((byte)' ');
        if (field.IsEmpty)
        {
            value = double.NaN; // an empty numeric cell is a missing value
            return true;
        }

        if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        return TryParseSpecial(field, out value);
    }

    public static bool TryParseSingle(ReadOnlySpan<byte> field, out float value)
    {
        field = field.Trim((byte)' ');
        if (field.IsEmpty)
        {
            value = float.NaN;
            return true;
        }

        if (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        bool ok = TryParseSpecial(field, out double special);
        value = (float)special;
        return ok;
    }

    /// <summary>nan, inf, -inf, +inf in any case (as numpy, pandas and C write them).</summary>
    private static bool TryParseSpecial(ReadOnlySpan<byte> field, out double value)
    {
        Span<byte> lower = stackalloc byte[Math.Min(field.Length, 16)];
        if (field.Length > 16)
        {
            value = 0;
            return false;
        }

        for (int i = 0; i < field.Length; i++)
        {
            lower[i] = (byte)char.ToLowerInvariant((char)field[i]);
        }

        value = lower switch
        {
            _ when lower.SequenceEqual("nan"u8) || lower.SequenceEqual("-nan"u8) => double.NaN,
            _ when lower.SequenceEqual("inf"u8) || lower.SequenceEqual("+inf"u8) || lower.SequenceEqual("infinity"u8) => double.PositiveInfinity,
            _ when lower.SequenceEqual("-inf"u8) || lower.SequenceEqual("-infinity"u8) => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0;
    }
}
