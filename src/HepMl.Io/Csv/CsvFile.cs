using System.Text;

namespace HepMl.Io.Csv;

/// <summary>
/// Reads and writes event tables as CSV with a header row: a fast UTF-8 parser (parallel over line-aligned
/// segments), column types inferred from the first rows (integers, floating point, strings) or given explicitly,
/// streaming in blocks with bounded memory. Ragged rows and list-valued (jagged) cells are refused with an error
/// naming the line and column.
/// </summary>
/// <remarks>pandas: <c>read_csv</c> / <c>DataFrame.to_csv(index=False)</c>.</remarks>
public static class CsvFile
{
    /// <summary>Bytes of text parsed per block when streaming (16 MiB).</summary>
    public const int BlockBytes = 16 << 20;

    /// <summary>Reads a whole table. An integer column that later holds a non-integer number is re-read as floating point.</summary>
    /// <exception cref="HepMlFormatException">A ragged row, a list-valued cell or a value that fits no column type; the message names the line and column.</exception>
    public static CsvTable Read(string path, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new CsvReadOptions();
        var forced = new Dictionary<string, Type>(options.ColumnTypes ?? new Dictionary<string, Type>(), StringComparer.Ordinal);
        while (true)
        {
            try
            {
                var blocks = ReadBlocksCore(path, options with { ColumnTypes = forced }).ToList();
                return Concatenate(blocks);
            }
            catch (PromotionNeeded promotion) when (!forced.ContainsKey(promotion.Column))
            {
                forced[promotion.Column] = options.FloatsAsSingle ? typeof(float) : typeof(double);
            }
        }
    }

    /// <summary>
    /// Streams a table in blocks of about <see cref="BlockBytes"/> of text each; column types are fixed from the first
    /// rows (a later value that does not fit raises <see cref="HepMlFormatException"/> telling which column to type).
    /// </summary>
    public static IEnumerable<CsvTable> ReadBlocks(string path, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        IEnumerator<CsvTable> blocks = ReadBlocksCore(path, options ?? new CsvReadOptions()).GetEnumerator();
        return Stream(blocks, path);

        static IEnumerable<CsvTable> Stream(IEnumerator<CsvTable> blocks, string path)
        {
            using (blocks)
            {
                while (true)
                {
                    try
                    {
                        if (!blocks.MoveNext())
                        {
                            yield break;
                        }
                    }
                    catch (PromotionNeeded promotion)
                    {
                        throw promotion.Error;
                    }

                    yield return blocks.Current;
                }
            }
        }
    }

    /// <summary>Writes a table with a header row (numbers in shortest round-trip form, nan/inf as numpy writes them).</summary>
    public static void Write(string path, CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using CsvFileWriter writer = CsvFileWriter.Create(path, table.Columns.Select(c => c.Name).ToArray());
        writer.WriteBlock(table);
    }

    /// <summary>The header of a CSV file: its column names.</summary>
    public static string[] ReadHeader(string path, char delimiter = ',')
    {
        using FileStream stream = File.OpenRead(path);
        byte[] buffer = new byte[1 << 16];
        int length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        int start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        int end = CsvParser.QuotedLineEnd(buffer.AsSpan(0, length), start);
        ReadOnlySpan<byte> line = buffer.AsSpan(start, end - start).TrimEnd((byte)'\r');
        return CsvParser.SplitHeader(line, (byte)delimiter);
    }

    private sealed class PromotionNeeded(string column, HepMlFormatException error) : Exception(error.Message, error)
    {
        public string Column { get; } = column;

        public HepMlFormatException Error { get; } = error;
    }

    private static IEnumerable<CsvTable> ReadBlocksCore(string path, CsvReadOptions options)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        byte[] buffer = new byte[BlockBytes];
        int length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        bool atEnd = length < buffer.Length;
        long bufferOffset = 0;
        int start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        if (length - start == 0)
        {
            throw new HepMlFormatException("the CSV file is empty: no header row", path, 0, null);
        }

        int headerEnd = CsvParser.QuotedLineEnd(buffer.AsSpan(0, length), start);
        if (headerEnd == length && !atEnd)
        {
            throw new HepMlFormatException($"the header row is longer than {BlockBytes} bytes", path, 0, null);
        }

        string[] names = CsvParser.SplitHeader(buffer.AsSpan(start, headerEnd - start).TrimEnd((byte)'\r'), (byte)options.Delimiter);
        CheckNames(names, path);
        int bodyStart = Math.Min(length, headerEnd + 1);
        CsvFieldKind[] kinds = ChooseKinds(names, buffer.AsSpan(bodyStart, length - bodyStart), options);
        var parser = new CsvParser(path, (byte)options.Delimiter, names, kinds);
        long linesBefore = 1;
        bool yielded = false;
        int carry = bodyStart;
        while (true)
        {
            // Whole lines only: up to the last newline outside quotes, or everything at the end of the file.
            ReadOnlySpan<byte> available = buffer.AsSpan(carry, length - carry);
            int usable = atEnd ? available.Length : LastLineEnd(available);
            if (usable < 0)
            {
                if (carry == 0)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
            else
            {
                byte[] text = buffer.AsSpan(carry, usable).ToArray();
                List<CsvColumnBuffer[]> parts;
                try
                {
                    parts = parser.Parse(text, text.Length, options.MaxDegreeOfParallelism);
                }
                catch (CsvParser.FieldException error)
                {
                    long line = linesBefore + 1 + text.AsSpan(0, (int)error.Offset).Count((byte)'\n');
                    var failure = new HepMlFormatException($"line {line}: {error.Message}", path, bufferOffset + carry + error.Offset, null);
                    if (error.IsNumber && error.Column >= 0 && kinds[error.Column] is CsvFieldKind.Int64 or CsvFieldKind.Int32
                        && options.ColumnTypes?.ContainsKey(names[error.Column]) != true)
                    {
                        throw new PromotionNeeded(names[error.Column], failure);
                    }

                    throw failure;
                }

                linesBefore += text.AsSpan().Count((byte)'\n');
                var columns = new CsvColumn[names.Length];
                for (int c = 0; c < names.Length; c++)
                {
                    columns[c] = new CsvColumn(names[c], CsvColumnBuffer.Concatenate(kinds[c], parts.Select(p => p[c]).ToList()));
                }

                if (columns.Length > 0 && columns[0].Count > 0)
                {
                    yielded = true;
                    yield return new CsvTable(columns);
                }

                carry += usable + (atEnd ? 0 : 1);
            }

            if (atEnd)
            {
                if (!yielded)
                {
                    // A header without rows: zero-length columns of the chosen types.
                    yield return new CsvTable(names.Select((name, c) => new CsvColumn(name, CsvColumnBuffer.Concatenate(kinds[c], []))).ToArray());
                }

                yield break;
            }

            // Move the partial line to the front and refill.
            int rest = length - carry;
            Array.Copy(buffer, carry, buffer, 0, rest);
            bufferOffset += carry;
            int read = stream.ReadAtLeast(buffer.AsSpan(rest), buffer.Length - rest, throwOnEndOfStream: false);
            length = rest + read;
            atEnd = length < buffer.Length;
            carry = 0;
        }
    }

    /// <summary>Index of the last newline outside quotes (the text before it holds whole lines), or -1.</summary>
    private static int LastLineEnd(ReadOnlySpan<byte> text)
    {
        if (!text.Contains((byte)'"'))
        {
            return text.LastIndexOf((byte)'\n');
        }

        int last = -1;
        int position = 0;
        while (position < text.Length)
        {
            int end = CsvParser.QuotedLineEnd(text, position);
            if (end >= text.Length)
            {
                break;
            }

            last = end;
            position = end + 1;
        }

        return last;
    }

    private static void CheckNames(string[] names, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new HepMlFormatException($"header field {i + 1} is empty; every column needs a name", path, 0, null);
            }

            if (!seen.Add(names[i]))
            {
                throw new HepMlFormatException($"the header names '{names[i]}' twice", path, 0, null);
            }
        }
    }

    /// <summary>Column types: explicit ones first, the rest inferred from the first rows.</summary>
    private static CsvFieldKind[] ChooseKinds(string[] names, ReadOnlySpan<byte> body, CsvReadOptions options)
    {
        var kinds = new CsvFieldKind[names.Length];
        bool[] allIntegers = Enumerable.Repeat(true, names.Length).ToArray();
        bool[] allNumbers = Enumerable.Repeat(true, names.Length).ToArray();
        bool[] seen = new bool[names.Length];
        int position = 0;
        for (int row = 0; row < options.InferenceRows && position < body.Length; row++)
        {
            int end = CsvParser.QuotedLineEnd(body, position);
            ReadOnlySpan<byte> line = body[position..end].TrimEnd((byte)'\r');
            position = end + 1;
            if (line.IsEmpty)
            {
                continue;
            }

            string[] fields = CsvParser.SplitHeader(line, (byte)options.Delimiter);
            for (int c = 0; c < Math.Min(fields.Length, names.Length); c++)
            {
                byte[] field = Encoding.UTF8.GetBytes(fields[c]);
                seen[c] = true;
                allIntegers[c] &= CsvParser.TryParseInt64(field, out _);
                allNumbers[c] &= CsvParser.TryParseDouble(field, out _);
            }
        }

        for (int c = 0; c < names.Length; c++)
        {
            if (options.ColumnTypes is { } types && types.TryGetValue(names[c], out Type? type))
            {
                kinds[c] = type == typeof(long) ? CsvFieldKind.Int64
                    : type == typeof(int) ? CsvFieldKind.Int32
                    : type == typeof(double) ? CsvFieldKind.Float64
                    : type == typeof(float) ? CsvFieldKind.Float32
                    : type == typeof(string) ? CsvFieldKind.String
                    : throw new ArgumentException($"column '{names[c]}': CSV columns are read as long, int, double, float or string, not {type.Name}");
                continue;
            }

            kinds[c] = seen[c] && allIntegers[c] ? CsvFieldKind.Int64
                : allNumbers[c] ? (options.FloatsAsSingle ? CsvFieldKind.Float32 : CsvFieldKind.Float64)
                : CsvFieldKind.String;
        }

        return kinds;
    }

    private static CsvTable Concatenate(List<CsvTable> blocks)
    {
        if (blocks.Count == 1)
        {
            return blocks[0];
        }

        if (blocks.Count == 0)
        {
            return new CsvTable([]);
        }

        var columns = new CsvColumn[blocks[0].Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            Type element = blocks[0].Columns[c].ElementType;
            Array all = Array.CreateInstance(element, blocks.Sum(b => (long)b.RowCount));
            long at = 0;
            foreach (CsvTable block in blocks)
            {
                Array.Copy(block.Columns[c].Values, 0, all, at, block.RowCount);
                at += block.RowCount;
            }

            columns[c] = new CsvColumn(blocks[0].Columns[c].Name, all);
        }

        return new CsvTable(columns);
    }
}
