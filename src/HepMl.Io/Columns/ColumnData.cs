using HepMl.Io.Columns;
using System.Runtime.InteropServices;
using System.Text;


namespace HepMl.Io.Columns;

/// <summary>
/// The values of one branch over a range of entries, laid out like an Awkward Array: one flat array of values and,
/// for each level of variable-length lists, an offsets array (<c>length = items at that level + 1</c>). Strings add
/// one more level: the UTF-8 bytes of all strings are <see cref="Values"/> and the last offsets array delimits each
/// string. Generic objects (element type Object) are in <see cref="Objects"/>, one per entry.
/// </summary>
public sealed class ColumnData
{
    internal ColumnData(ColumnType type, long entryStart, int entryCount, Array values, int[][] offsets, object?[]? objects = null)
    {
        Type = type;
        EntryStart = entryStart;
        EntryCount = entryCount;
        Values = values;
        Offsets = offsets;
        Objects = objects;
    }

    /// <summary>What the branch holds per entry.</summary>
    public ColumnType Type { get; }

    /// <summary>The first entry read.</summary>
    public long EntryStart { get; }

    /// <summary>Number of entries read.</summary>
    public int EntryCount { get; }

    /// <summary>All values, flattened (a <c>T[]</c> of the element's .NET type; <c>byte[]</c> UTF-8 for strings).</summary>
    public Array Values { get; }

    /// <summary>One offsets array per list level, outermost first (plus the string level for strings).</summary>
    public IReadOnlyList<int[]> Offsets { get; }

    /// <summary>For element type Object: the generic value of each entry; otherwise null.</summary>
    public IReadOnlyList<object?>? Objects { get; }

    /// <summary>For a leaf-list (record) branch: one column per leaf; otherwise empty.</summary>
    public IReadOnlyDictionary<string, ColumnData> Fields { get; internal init; } = new Dictionary<string, ColumnData>();

    /// <summary>The values as a typed span.</summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not the element type.</exception>
    public ReadOnlySpan<T> Span<T>() => Values is T[] typed
        ? typed
        : throw new InvalidCastException($"the column holds {Values.GetType().GetElementType()?.Name} values, not {typeof(T).Name}");

    /// <summary>Number of strings (for string columns: the length of the last offsets array minus one).</summary>
    public int StringCount => Type.Element == ElementType.String ? Offsets[^1].Length - 1 : 0;

    /// <summary>The <paramref name="index"/>-th string of a string column (flattened over all list levels).</summary>
    public string GetString(int index)
    {
        if (Type.Element != ElementType.String)
        {
            throw new InvalidOperationException($"the column holds {Type.Name}, not strings");
        }

        int[] bounds = Offsets[^1];
        byte[] bytes = (byte[])Values;
        return Encoding.UTF8.GetString(bytes, bounds[index], bounds[index + 1] - bounds[index]);
    }

    /// <summary>The values of entry <paramref name="entry"/> (relative to <see cref="EntryStart"/>) for a jagged numeric column.</summary>
    public ReadOnlySpan<T> Entry<T>(int entry)
        where T : unmanaged
    {
        ReadOnlySpan<T> all = Span<T>();
        int itemSize = Type.ItemSize;
        if (Type.ListDepth == 0)
        {
            return all.Slice(entry * itemSize, itemSize);
        }

        int[] outer = Offsets[0];
        int start = outer[entry];
        int stop = outer[entry + 1];
        for (int level = 1; level < Type.ListDepth; level++)
        {
            start = Offsets[level][start];
            stop = Offsets[level][stop];
        }

        return all.Slice(start * itemSize, (stop - start) * itemSize);
    }

    /// <summary>
    /// Entry <paramref name="entry"/> (relative to <see cref="EntryStart"/>) as a plain value: a number (its .NET
    /// type), a string, nested lists for list levels and fixed dimensions, or the generic object.
    /// </summary>
    public object? GetEntry(int entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entry);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(entry, EntryCount);
        if (Fields.Count > 0)
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, ColumnData> field in Fields)
            {
                record[field.Key] = field.Value.GetEntry(entry);
            }

            return record;
        }

        return Level(0, entry);
    }

    private object? Level(int level, int index)
    {
        if (Type.Element == ElementType.Object)
        {
            return Objects![index];
        }

        if (level == Type.ListDepth)
        {
            if (Type.Element == ElementType.String)
            {
                return GetString(index);
            }

            return Shape(index * Type.ItemSize, 0);
        }

        int[] offsets = Offsets[level];
        var items = new List<object?>(offsets[index + 1] - offsets[index]);
        for (int i = offsets[index]; i < offsets[index + 1]; i++)
        {
            items.Add(Level(level + 1, i));
        }

        return items;
    }

    private object? Shape(int start, int dimension)
    {
        if (dimension == Type.InnerShape.Count)
        {
            return Values.GetValue(start);
        }

        int stride = 1;
        for (int d = dimension + 1; d < Type.InnerShape.Count; d++)
        {
            stride *= Type.InnerShape[d];
        }

        var items = new List<object?>(Type.InnerShape[dimension]);
        for (int i = 0; i < Type.InnerShape[dimension]; i++)
        {
            items.Add(Shape(start + (i * stride), dimension + 1));
        }

        return items;
    }

    internal static ColumnData Empty(ColumnType type, long entryStart)
    {
        int levels = type.ListDepth + (type.Element == ElementType.String ? 1 : 0);
        var offsets = new int[levels][];
        for (int i = 0; i < levels; i++)
        {
            offsets[i] = [0];
        }

        Array values = type.Element == ElementType.String
            ? Array.Empty<byte>()
            : Array.CreateInstance(ElementTypes.ClrType(type.Element == ElementType.Object ? ElementType.Object : type.Element), 0);
        return new ColumnData(type, entryStart, 0, values, offsets, type.Element == ElementType.Object ? [] : null);
    }

    /// <summary>Reinterprets a span of bools as bytes (0/1), for sums without branching.</summary>
    internal static ReadOnlySpan<byte> AsBytes(ReadOnlySpan<bool> values) => MemoryMarshal.Cast<bool, byte>(values);
}
