using HepMl.Io.Columns;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>Compares values read by HepMl with the JSON the reference tool wrote.</summary>
internal static class ExpectedValues
{
    /// <summary>Relative tolerance for sums (the issue asks for 1e-9 or better).</summary>
    public const double SumTolerance = 1e-11;

    [ThreadStatic]
    private static double s_tolerance;

    /// <summary>The value of entry <paramref name="entry"/> as nested lists of doubles or strings.</summary>
    public static object? Entry(ColumnData column, int entry) => Level(column, 0, entry);

    private static object? Level(ColumnData column, int level, int index)
    {
        if (column.Type.Element == ElementType.Object)
        {
            return column.Objects![index];
        }

        if (level == column.Type.ListDepth)
        {
            if (column.Type.Element == ElementType.String)
            {
                return column.GetString(index);
            }

            int size = column.Type.ItemSize;
            return Shape(column.Values, index * size, column.Type.InnerShape, 0);
        }

        int[] offsets = column.Offsets[level];
        var items = new List<object?>();
        for (int i = offsets[index]; i < offsets[index + 1]; i++)
        {
            items.Add(Level(column, level + 1, i));
        }

        return items;
    }

    private static object Shape(Array values, int start, IReadOnlyList<int> shape, int dimension)
    {
        if (dimension == shape.Count)
        {
            return ToDouble(values.GetValue(start)!);
        }

        int stride = 1;
        for (int d = dimension + 1; d < shape.Count; d++)
        {
            stride *= shape[d];
        }

        var items = new List<object>();
        for (int i = 0; i < shape[dimension]; i++)
        {
            items.Add(Shape(values, start + (i * stride), shape, dimension + 1));
        }

        return items;
    }

    public static double ToDouble(object value) => value switch
    {
        bool b => b ? 1 : 0,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Asserts that <paramref name="actual"/> matches the JSON <paramref name="expected"/> (numbers to 1e-12).</summary>
    public static void AssertMatches(JsonElement expected, object? actual, string where) => AssertMatches(1e-12, expected, actual, where);

    /// <summary>Asserts with a relative tolerance <paramref name="tolerance"/> for numbers.</summary>
    public static void AssertMatches(double tolerance, JsonElement expected, object? actual, string where)
    {
        s_tolerance = tolerance;
        string? problem = Compare(expected, actual, where);
        if (problem is not null)
        {
            Assert.Fail(problem);
        }
    }

    public static string? Compare(JsonElement expected, object? actual, string where)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
            {
                IList? list = AsList(actual);
                if (list is null)
                {
                    return $"{where}: expected a list, got {Describe(actual)}";
                }

                int length = expected.GetArrayLength();
                if (list.Count != length)
                {
                    return $"{where}: expected {length} items, got {list.Count}";
                }

                int i = 0;
                foreach (JsonElement item in expected.EnumerateArray())
                {
                    string? problem = Compare(item, list[i], $"{where}[{i}]");
                    if (problem is not null)
                    {
                        return problem;
                    }

                    i++;
                }

                return null;
            }

            case JsonValueKind.Object:
                return CompareObject(expected, actual, where);
            case JsonValueKind.String when expected.GetString() is not ("NaN" or "Infinity" or "-Infinity"):
                return actual is string text && text == expected.GetString()
                    ? null
                    : $"{where}: expected \"{expected.GetString()}\", got {Describe(actual)}";
            case JsonValueKind.Null:
                return actual is null ? null : $"{where}: expected null, got {Describe(actual)}";
            default:
            {
                double want = ReferenceManifest.Number(expected);
                if (actual is null or string or IList or RootObject)
                {
                    return $"{where}: expected {want}, got {Describe(actual)}";
                }

                double got = ToDouble(actual);
                return Tolerance.IsClose(want, got, s_tolerance) ? null : $"{where}: expected {want:R}, got {got:R}";
            }
        }
    }

    private static string? CompareObject(JsonElement expected, object? actual, string where)
    {
        if (expected.TryGetProperty("@truncated_list", out JsonElement head))
        {
            IList? list = AsList(actual);
            int length = expected.GetProperty("length").GetInt32();
            if (list is null || list.Count != length)
            {
                return $"{where}: expected a list of {length} items, got {Describe(actual)}";
            }

            int i = 0;
            foreach (JsonElement item in head.EnumerateArray())
            {
                string? problem = Compare(item, list[i], $"{where}[{i}]");
                if (problem is not null)
                {
                    return problem;
                }

                i++;
            }

            return null;
        }

        if (expected.TryGetProperty("@map", out JsonElement pairs))
        {
            if (actual is not RootMap map)
            {
                return $"{where}: expected a map, got {Describe(actual)}";
            }

            if (map.Count != pairs.GetArrayLength())
            {
                return $"{where}: expected a map of {pairs.GetArrayLength()} entries, got {map.Count}";
            }

            int i = 0;
            foreach (JsonElement pair in pairs.EnumerateArray())
            {
                string? problem = Compare(pair[0], map.Keys[i], $"{where}.key[{i}]") ?? Compare(pair[1], map.Values[i], $"{where}.value[{i}]");
                if (problem is not null)
                {
                    return problem;
                }

                i++;
            }

            return null;
        }

        if (actual is not RootObject obj)
        {
            return $"{where}: expected an object, got {Describe(actual)}";
        }

        foreach (JsonProperty member in expected.EnumerateObject())
        {
            if (member.Name == "@class")
            {
                if (member.Value.GetString() != obj.ClassName.Replace(" ", string.Empty, StringComparison.Ordinal))
                {
                    return $"{where}: expected class {member.Value.GetString()}, got {obj.ClassName}";
                }

                continue;
            }

            string name = member.Name == "@array" ? "fArray" : member.Name;
            if (name.StartsWith('@'))
            {
                continue;
            }

            if (!obj.Members.TryGetValue(name, out object? value))
            {
                return $"{where}: {obj.ClassName} has no member {name} (it has {string.Join(", ", obj.Members.Keys)})";
            }

            string? problem = Compare(member.Value, value, $"{where}.{name}");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static IList? AsList(object? value) => value switch
    {
        string => null,
        IList list => list,
        RootCollection collection => collection.Items,
        _ => null,
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IList list => $"a list of {list.Count}",
        _ => value.ToString() ?? "?",
    };
}
