namespace HepMl.Io.Csv;

/// <summary>A growable typed buffer collecting one column's values while parsing.</summary>
internal sealed class CsvColumnBuffer
{
    private long[] _int64 = [];
    private int[] _int32 = [];
    private double[] _float64 = [];
    private float[] _float32 = [];
    private string[] _strings = [];

    public CsvColumnBuffer(CsvFieldKind kind, int capacity)
    {
        Kind = kind;
        Reserve(Math.Max(16, capacity));
    }

    public CsvFieldKind Kind { get; }

    public int Count { get; private set; }

    public void Add(long value)
    {
        if (Count == _int64.Length)
        {
            Array.Resize(ref _int64, Count * 2);
        }

        _int64[Count++] = value;
    }

    public void Add(int value)
    {
        if (Count == _int32.Length)
        {
            Array.Resize(ref _int32, Count * 2);
        }

        _int32[Count++] = value;
    }

    public void Add(double value)
    {
        if (Count == _float64.Length)
        {
            Array.Resize(ref _float64, Count * 2);
        }

        _float64[Count++] = value;
    }

    public void Add(float value)
    {
        if (Count == _float32.Length)
        {
            Array.Resize(ref _float32, Count * 2);
        }

        _float32[Count++] = value;
    }

    public void Add(string value)
    {
        if (Count == _strings.Length)
        {
            Array.Resize(ref _strings, Count * 2);
        }

        _strings[Count++] = value;
    }

    /// <summary>Concatenates buffers of the same kind into one array of exactly the total count.</summary>
    public static Array Concatenate(CsvFieldKind kind, IReadOnlyList<CsvColumnBuffer> parts)
    {
        int total = parts.Sum(p => p.Count);
        return kind switch
        {
            CsvFieldKind.Int64 => Join(parts, total, p => p._int64),
            CsvFieldKind.Int32 => Join(parts, total, p => p._int32),
            CsvFieldKind.Float64 => Join(parts, total, p => p._float64),
            CsvFieldKind.Float32 => Join(parts, total, p => p._float32),
            _ => Join(parts, total, p => p._strings),
        };
    }

    private static T[] Join<T>(IReadOnlyList<CsvColumnBuffer> parts, int total, Func<CsvColumnBuffer, T[]> select)
    {
        var result = new T[total];
        int at = 0;
        foreach (CsvColumnBuffer part in parts)
        {
            Array.Copy(select(part), 0, result, at, part.Count);
            at += part.Count;
        }

        return result;
    }

    private void Reserve(int capacity)
    {
        switch (Kind)
        {
            case CsvFieldKind.Int64: Array.Resize(ref _int64, capacity); break;
            case CsvFieldKind.Int32: Array.Resize(ref _int32, capacity); break;
            case CsvFieldKind.Float64: Array.Resize(ref _float64, capacity); break;
            case CsvFieldKind.Float32: Array.Resize(ref _float32, capacity); break;
            default: Array.Resize(ref _strings, capacity); break;
        }
    }
}
