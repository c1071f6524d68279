using HepMl.Io.Columns;
using System.Text;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>Joins per-entry nested lists (arrays and lists of numbers or strings) into offsets + flat values.</summary>
internal static class NestedColumnBuilder
{
    public static ColumnData Build(ColumnType type, long entryStart, object?[] entries)
    {
        int levels = type.ListDepth + (type.Element == ElementType.String ? 1 : 0);
        var offsets = new List<int>[levels];
        for (int i = 0; i < levels; i++)
        {
            offsets[i] = [0];
        }

        var parts = new List<Array>();
        var text = new List<byte>();
        long total = 0;
        if (type.ListDepth == 0)
        {
            // A string per entry.
            foreach (object? entry in entries)
            {
                AppendString(entry as string ?? string.Empty, text, offsets[0]);
            }
        }
        else
        {
            foreach (object? entry in entries)
            {
                Append(entry, 0, type, offsets, parts, text, ref total);
            }
        }

        Array values;
        if (type.Element == ElementType.String)
        {
            values = text.ToArray();
        }
        else
        {
            values = Array.CreateInstance(ElementTypes.ClrType(type.Element), total);
            long position = 0;
            foreach (Array part in parts)
            {
                Array.Copy(part, 0, values, position, part.Length);
                position += part.Length;
            }
        }

        var result = new int[levels][];
        for (int i = 0; i < levels; i++)
        {
            result[i] = [.. offsets[i]];
        }

        return new ColumnData(type, entryStart, entries.Length, values, result);
    }

    private static void Append(object? value, int level, ColumnType type, List<int>[] offsets, List<Array> parts, List<byte> text, ref long total)
    {
        int count;
        if (level == type.ListDepth - 1)
        {
            // The innermost list: numbers as a typed array, or strings.
            if (type.Element == ElementType.String)
            {
                var strings = AsObjects(value);
                count = strings.Count;
                foreach (object? item in strings)
                {
                    AppendString(item as string ?? string.Empty, text, offsets[level + 1]);
                }
            }
            else
            {
                Array array = value as Array ?? ToTyped(AsObjects(value), type.Element);
                count = array.Length;
                parts.Add(array);
                total += count;
            }
        }
        else
        {
            var items = AsObjects(value);
            count = items.Count;
            foreach (object? item in items)
            {
                Append(item, level + 1, type, offsets, parts, text, ref total);
            }
        }

        List<int> bounds = offsets[level];
        bounds.Add(checked(bounds[^1] + count));
    }

    private static void AppendString(string value, List<byte> text, List<int> bounds)
    {
        text.AddRange(Encoding.UTF8.GetBytes(value));
        bounds.Add(text.Count);
    }

    private static IReadOnlyList<object?> AsObjects(object? value)
    {
        switch (value)
        {
            case null:
                return [];
            case List<object?> list:
                return list;
            case Array array:
            {
                var items = new List<object?>(array.Length);
                foreach (object? item in array)
                {
                    items.Add(item);
                }

                return items;
            }

            default:
                return [value];
        }
    }

    private static Array ToTyped(IReadOnlyList<object?> items, ElementType element)
    {
        var array = Array.CreateInstance(ElementTypes.ClrType(element), items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            array.SetValue(Convert.ChangeType(items[i], ElementTypes.ClrType(element), System.Globalization.CultureInfo.InvariantCulture), i);
        }

        return array;
    }
}
