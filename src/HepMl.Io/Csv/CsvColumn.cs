using System.Globalization;

namespace HepMl.Io.Csv;

/// <summary>
/// One column of an event table: a name and one value per row in a flat array of a primitive type
/// (<c>bool</c>, integers, <see cref="Half"/>, <c>float</c>, <c>double</c>) or <c>string</c>.
/// </summary>
/// <remarks>
/// CSV holds one value per cell, so jagged (variable-length) or nested columns are refused rather than flattened:
/// an array of arrays raises <see cref="ArgumentException"/> naming the column.
/// </remarks>
public sealed class CsvColumn
{
    private static readonly Type[] s_supported =
    [
        typeof(bool), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(Half), typeof(float), typeof(double), typeof(string),
    ];

    /// <summary>Creates a column.</summary>
    /// <exception cref="ArgumentException">The values are jagged/nested, multi-dimensional or of an unsupported type.</exception>
    public CsvColumn(string name, Array values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        Type? element = values.GetType().GetElementType();
        if (values.Rank != 1)
        {
            throw new ArgumentException(
                $"column '{name}' has {values.Rank} dimensions; CSV holds one value per cell (split fixed-size arrays into one column per element)", nameof(values));
        }

        if (element is not null && (element.IsArray || element.IsGenericType))
        {
            throw new ArgumentException(
                $"column '{name}' is jagged (variable-length {element.Name} per row); CSV holds one value per cell, so jagged columns are not written (select flat columns)", nameof(values));
        }

        if (element is null || Array.IndexOf(s_supported, element) < 0)
        {
            throw new ArgumentException($"column '{name}' holds {element?.Name ?? "?"} values; CSV columns hold numbers, bools or strings", nameof(values));
        }

        Name = name;
        Values = values;
    }

    /// <summary>The column name (header field).</summary>
    public string Name { get; }

    /// <summary>The values, one per row.</summary>
    public Array Values { get; }

    /// <summary>The element type.</summary>
    public Type ElementType => Values.GetType().GetElementType()!;

    /// <summary>Number of rows.</summary>
    public int Count => Values.Length;

    /// <summary>The values as an array of <typeparamref name="T"/> (the stored element type).</summary>
    /// <exception cref="InvalidCastException">The column holds another type.</exception>
    public T[] As<T>() => Values as T[] ?? throw new InvalidCastException($"column '{Name}' holds {ElementType.Name}, not {typeof(T).Name}");

    /// <summary>The values converted to <see cref="double"/> (bools as 0/1); strings are refused.</summary>
    public double[] ToDoubles()
    {
        if (Values is double[] doubles)
        {
            return doubles;
        }

        if (Values is string[])
        {
            throw new InvalidCastException($"column '{Name}' holds strings, not numbers");
        }

        var result = new double[Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Values.GetValue(i) switch
            {
                bool b => b ? 1 : 0,
                Half h => (double)h,
                IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                _ => double.NaN,
            };
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {ElementType.Name}[{Count}]";
}
