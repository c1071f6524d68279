using System.Runtime.InteropServices;
using HepMl.Io.Columns;

namespace HepMl.Benchmarks.RootRead;

/// <summary>
/// Per-branch count, float64 sum and "bits" (sum of the values' bit patterns as unsigned integers of the same
/// width, modulo 2^64) in the format of the uproot peer's <c>read_bench.py</c>, so <c>summarise.py</c> can check
/// them against the writer's <c>make_big_root.json</c>.
/// </summary>
internal sealed class BranchChecks
{
    public long Count { get; private set; }

    public double Sum { get; private set; }

    public ulong Bits { get; private set; }

    public long ValueBytes { get; private set; }

    public void Add(ColumnData column)
    {
        switch (column.Values)
        {
            case float[] v when column.Type.Element == ElementType.Float32: Add<float>(v); break;
            case double[] v when column.Type.Element == ElementType.Float64: Add<double>(v); break;
            case int[] v when column.Type.Element == ElementType.Int32: Add<int>(v); break;
            case long[] v when column.Type.Element == ElementType.Int64: Add<long>(v); break;
            case bool[] v: Add<bool>(v); break;
            default: throw new NotSupportedException($"checks for {column.Type.Name}");
        }
    }

    public void Add<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        Count += values.Length;
        ValueBytes += (long)values.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        double sum = 0;
        ulong bits = 0;
        if (typeof(T) == typeof(float))
        {
            foreach (float v in MemoryMarshal.Cast<T, float>(values))
            {
                sum += v;
            }

            foreach (uint b in MemoryMarshal.Cast<T, uint>(values))
            {
                bits += b;
            }
        }
        else if (typeof(T) == typeof(double))
        {
            foreach (double v in MemoryMarshal.Cast<T, double>(values))
            {
                sum += v;
            }

            foreach (ulong b in MemoryMarshal.Cast<T, ulong>(values))
            {
                bits += b;
            }
        }
        else if (typeof(T) == typeof(int))
        {
            foreach (int v in MemoryMarshal.Cast<T, int>(values))
            {
                sum += v;
                bits += (uint)v;
            }
        }
        else if (typeof(T) == typeof(long))
        {
            foreach (long v in MemoryMarshal.Cast<T, long>(values))
            {
                sum += v;
                bits += (ulong)v;
            }
        }
        else if (typeof(T) == typeof(bool))
        {
            foreach (byte v in MemoryMarshal.Cast<T, byte>(values))
            {
                sum += v;
                bits += v;
            }
        }
        else
        {
            throw new NotSupportedException($"checks for {typeof(T).Name}");
        }

        Sum += sum;
        Bits += bits;
    }
}
