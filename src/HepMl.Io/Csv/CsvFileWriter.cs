using System.Buffers;
using System.Globalization;
using System.Text;

namespace HepMl.Io.Csv;

/// <summary>
/// Writes an event table as CSV block by block: the header once, then rows. Numbers are written in their shortest
/// round-trip form (a float read back is the same float), NaN and infinities as <c>nan</c>, <c>inf</c>, <c>-inf</c>,
/// bools as 1/0; strings are quoted when they hold the delimiter, a quote or a line break.
/// </summary>
public sealed class CsvFileWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly string[] _names;
    private readonly byte _delimiter;
    private byte[] _buffer = new byte[1 << 20];
    private int _length;

    private CsvFileWriter(Stream stream, string[] names, char delimiter)
    {
        _stream = stream;
        _names = names;
        _delimiter = (byte)delimiter;
        for (int c = 0; c < names.Length; c++)
        {
            if (c > 0)
            {
                Put(_delimiter);
            }

            PutString(names[c]);
        }

        Put((byte)'\n');
    }

    /// <summary>Rows written so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Creates the file and writes the header row.</summary>
    public static CsvFileWriter Create(string path, IReadOnlyList<string> columnNames, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columnNames);
        if (columnNames.Count == 0)
        {
            throw new ArgumentException("a CSV table needs at least one column", nameof(columnNames));
        }

        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return new CsvFileWriter(stream, [.. columnNames], delimiter);
    }

    /// <summary>Appends the rows of <paramref name="block"/>, whose columns must match the header in order.</summary>
    public void WriteBlock(CsvTable block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Columns.Count != _names.Length || block.Columns.Select(c => c.Name).Where((name, i) => name != _names[i]).Any())
        {
            throw new ArgumentException($"the block's columns [{string.Join(",", block.Columns.Select(c => c.Name))}] differ from the header [{string.Join(",", _names)}]", nameof(block));
        }

        Array[] values = block.Columns.Select(c => c.Values).ToArray();
        for (int row = 0; row < block.RowCount; row++)
        {
            for (int c = 0; c < values.Length; c++)
            {
                if (c > 0)
                {
                    Put(_delimiter);
                }

                PutValue(values[c], row);
            }

            Put((byte)'\n');
            if (_length > _buffer.Length - (1 << 16))
            {
                Flush();
            }
        }

        RowCount += block.RowCount;
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    private void PutValue(Array values, int row)
    {
        // Dispatch on the exact element type: the runtime lets a byte[] pass as sbyte[] (and uint[] as int[]...).
        Type element = values.GetType().GetElementType()!;
        if (element == typeof(double)) PutDouble(((double[])values)[row]);
        else if (element == typeof(float)) PutSingle(((float[])values)[row]);
        else if (element == typeof(long)) PutFormattable(((long[])values)[row]);
        else if (element == typeof(int)) PutFormattable(((int[])values)[row]);
        else if (element == typeof(short)) PutFormattable(((short[])values)[row]);
        else if (element == typeof(sbyte)) PutFormattable(((sbyte[])values)[row]);
        else if (element == typeof(byte)) PutFormattable(((byte[])values)[row]);
        else if (element == typeof(ushort)) PutFormattable(((ushort[])values)[row]);
        else if (element == typeof(uint)) PutFormattable(((uint[])values)[row]);
        else if (element == typeof(ulong)) PutFormattable(((ulong[])values)[row]);
        else if (element == typeof(bool)) Put(((bool[])values)[row] ? (byte)'1' : (byte)'0');
        else if (element == typeof(Half)) PutSingle((float)((Half[])values)[row]);
        else if (element == typeof(string)) PutString(((string[])values)[row]);
        else throw new ArgumentException($"cannot write {values.GetType().Name} values as CSV");
    }

    private void PutDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            PutAscii(double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf");
            return;
        }

        PutFormattable(value);
    }

    private void PutSingle(float value)
    {
        if (!float.IsFinite(value))
        {
            PutAscii(float.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf");
            return;
        }

        PutFormattable(value);
    }

    private void PutFormattable<T>(T value)
        where T : IUtf8SpanFormattable
    {
        Reserve(64);
        if (!value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"could not format {value}");
        }

        _length += written;
    }

    private void PutString(string value)
    {
        bool quote = value.AsSpan().IndexOfAny((char)_delimiter, '"', '\n') >= 0 || value.Contains('\r', StringComparison.Ordinal);
        string text = quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void PutAscii(string text)
    {
        Reserve(text.Length);
        _length += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Put(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush();
            if (bytes > _buffer.Length)
            {
                _buffer = new byte[bytes];
            }
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
