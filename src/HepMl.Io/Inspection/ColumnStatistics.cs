using HepMl.Io.Columns;
namespace HepMl.Io.Inspection;

/// <summary>
/// Count, sum, minimum and maximum over all elements of a numeric column (booleans count as 0/1; NaN is counted
/// apart and ignored by min/max). Sums are float64 with Neumaier compensation, so the result is within a few units
/// in the last place of the exactly rounded sum (uproot's manifests use <c>math.fsum</c>); integer columns also
/// carry the exact integer sum.
/// </summary>
public sealed class ColumnStatistics
{
    private double _sum;
    private double _compensation;
    private Int128 _integerSum;

    /// <summary>Number of elements.</summary>
    public long Count { get; private set; }

    /// <summary>Number of NaN elements.</summary>
    public long NanCount { get; private set; }

    /// <summary>Float64 sum of the elements: NaN when any element is NaN (as NumPy), 0 for an empty column.</summary>
    public double Sum => NanCount > 0 ? double.NaN : double.IsFinite(_sum) ? _sum + _compensation : _sum;

    /// <summary>Smallest non-NaN element, or null when there is none.</summary>
    public double? Min { get; private set; }

    /// <summary>Largest non-NaN element, or null when there is none.</summary>
    public double? Max { get; private set; }

    /// <summary>Exact sum for integer and boolean columns, else null.</summary>
    public Int128? IntegerSum { get; private set; }

    /// <summary>Adds every element of a numeric array (bool, sbyte ... double).</summary>
    /// <exception cref="ArgumentException">The array is not numeric.</exception>
    public void Add(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        // Match on the exact element type: the runtime lets byte[] pass as sbyte[] (and uint[] as int[]...).
        Type element = values.GetType().GetElementType()!;
        if (element == typeof(bool)) AddIntegers((bool[])values, static b => b ? 1 : 0);
        else if (element == typeof(sbyte)) AddIntegers((sbyte[])values, static x => x);
        else if (element == typeof(byte)) AddIntegers((byte[])values, static x => x);
        else if (element == typeof(short)) AddIntegers((short[])values, static x => x);
        else if (element == typeof(ushort)) AddIntegers((ushort[])values, static x => x);
        else if (element == typeof(int)) AddIntegers((int[])values, static x => x);
        else if (element == typeof(uint)) AddIntegers((uint[])values, static x => x);
        else if (element == typeof(long)) AddIntegers((long[])values, static x => x);
        else if (element == typeof(ulong)) AddIntegers((ulong[])values, static x => x);
        else if (element == typeof(float)) AddFloats((float[])values);
        else if (element == typeof(double)) AddFloats((double[])values);
        else throw new ArgumentException($"{values.GetType().Name} is not a numeric array", nameof(values));
    }

    /// <summary>Adds float64 values.</summary>
    public void AddDoubles(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            AddFloat(value);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void AddIntegers<T>(T[] values, Func<T, Int128> convert)
    {
        IntegerSum ??= 0;
        Int128 total = 0;
        Int128 min = Int128.MaxValue;
        Int128 max = Int128.MinValue;
        foreach (T item in values)
        {
            Int128 value = convert(item);
            total += value;
            if (value < min)
            {
                min = value;
            }

            if (value > max)
            {
                max = value;
            }
        }

        Count += values.Length;
        _integerSum += total;
        IntegerSum = _integerSum;
        _sum = (double)_integerSum;
        _compensation = (double)(_integerSum - (Int128)_sum);
        if (values.Length > 0)
        {
            Min = Min is null ? (double)min : Math.Min(Min.Value, (double)min);
            Max = Max is null ? (double)max : Math.Max(Max.Value, (double)max);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void AddFloats(float[] values)
    {
        foreach (float value in values)
        {
            AddFloat(value);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void AddFloats(double[] values)
    {
        foreach (double value in values)
        {
            AddFloat(value);
        }
    }

    private void AddFloat(double value)
    {
        Count++;
        if (double.IsNaN(value))
        {
            NanCount++;
            return;
        }

        // Neumaier's compensated summation.
        double total = _sum + value;
        if (double.IsFinite(total))
        {
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - total) + value : (value - total) + _sum;
        }

        _sum = total;
        if (Min is null || value < Min)
        {
            Min = value;
        }

        if (Max is null || value > Max)
        {
            Max = value;
        }
    }
}
