namespace HepMl.Io.Hdf5;

/// <summary>
/// Variable-length sequences (a jagged array, like an awkward array): all values in one flat array and
/// <c>Count + 1</c> offsets; row <c>i</c> is <c>Values[Offsets[i]..Offsets[i + 1]]</c>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Hdf5Jagged<T>
{
    internal Hdf5Jagged(T[] values, long[] offsets)
    {
        Values = values;
        Offsets = offsets;
    }

    /// <summary>All values, row after row.</summary>
    public T[] Values { get; }

    /// <summary>Row boundaries into <see cref="Values"/>; <c>Count + 1</c> entries starting at 0.</summary>
    public long[] Offsets { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Offsets.Length - 1;

    /// <summary>The values of row <paramref name="index"/>.</summary>
    public ReadOnlySpan<T> this[int index] => Values.AsSpan((int)Offsets[index], (int)(Offsets[index + 1] - Offsets[index]));
}
