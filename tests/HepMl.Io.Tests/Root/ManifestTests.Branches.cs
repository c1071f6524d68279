using HepMl.Io.Columns;
using System.Text.Json;
using HepMl.Io.Inspection;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

public partial class ManifestTests
{
    [ThreadStatic]
    private static double s_tolerance;

    [TestCaseSource(typeof(ReferenceManifest), nameof(ReferenceManifest.BranchCases))]
    public void Branch_ValuesMatchManifest(string file, string tree, string path)
    {
        JsonElement expected = ReferenceManifest.File(file).GetProperty("trees").GetProperty(tree).GetProperty("branches").GetProperty(path);
        TreeBranch branch = OpenFiles.Tree(file, tree).GetBranch(path);
        Assert.That(branch.Entries, Is.EqualTo(expected.GetProperty("entries").GetInt64()), "entries");
        Assert.That(branch.ClassName, Is.EqualTo(expected.GetProperty("branch_class").GetString()), "branch class");
        Assert.That(branch.BasketCount, Is.EqualTo(expected.GetProperty("num_baskets").GetInt32()), "baskets");
        Assert.That(branch.EmbeddedBasketCount, Is.EqualTo(expected.GetProperty("embedded_baskets").GetInt32()), "embedded baskets");

        if (expected.TryGetProperty("error", out _))
        {
            // uproot could not read it: HepMl must read it or fail with a typed exception, never anything else.
            try
            {
                if (branch.HasData)
                {
                    branch.Tree.ReadColumn(branch, new EntryRange(0, branch.Entries));
                }
            }
            catch (HepMlFormatException)
            {
            }

            return;
        }

        JsonElement check = ReferenceManifest.Erratum(file, tree, path) ?? expected.GetProperty("check");

        // uproot decodes Float16_t in float32 arithmetic; ROOT (TBufferFile::ReadWithFactor) and HepMl compute in
        // double and round once, so values may differ by one float32 unit in the last place.
        s_tolerance = expected.GetProperty("interpretation").GetString()!.StartsWith("AsFloat16", StringComparison.Ordinal)
            ? 1e-6
            : ExpectedValues.SumTolerance;
        string kind = check.GetProperty("kind").GetString()!;
        if (kind == "grouped")
        {
            Assert.That(branch.HasData, Is.False, "a split parent has no data of its own");
            return;
        }

        ColumnData column = branch.Tree.ReadColumn(branch, new EntryRange(0, branch.Entries));
        switch (kind)
        {
            case "empty":
                Assert.That(column.EntryCount, Is.Zero);
                break;
            case "flat":
                CheckFlat(check, column);
                break;
            case "fixed_array":
                CheckFixed(check, column);
                break;
            case "jagged":
            case "nested":
                CheckJagged(check, column);
                break;
            case "string":
                CheckStrings(check, column);
                break;
            case "record":
                Assert.That(column.EntryCount, Is.EqualTo(check.GetProperty("entries").GetInt32()));
                foreach (JsonProperty field in check.GetProperty("fields").EnumerateObject())
                {
                    Assert.That(column.Fields.ContainsKey(field.Name), $"field {field.Name}");
                    CheckFlat(field.Value, column.Fields[field.Name]);
                }

                break;
            case "object":
                CheckObjects(check, column);
                break;
            case "container":
                CheckContainers(check, column);
                break;
            default:
                Assert.Fail($"unknown check kind {kind}");
                break;
        }
    }

    private static void CheckFlat(JsonElement check, ColumnData column)
    {
        Assert.That(ElementTypes.Name(column.Type.Element), Is.EqualTo(check.GetProperty("dtype").GetString()), "dtype");
        Assert.That(column.Type.ListDepth, Is.Zero, "flat");
        Assert.That(column.Values.Length, Is.EqualTo(check.GetProperty("count").GetInt32()), "count");
        CheckStatistics(check, column);
        ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first"), FirstEntries(column, 3), "first");
    }

    private static void CheckFixed(JsonElement check, ColumnData column)
    {
        Assert.That(ElementTypes.Name(column.Type.Element), Is.EqualTo(check.GetProperty("dtype").GetString()), "dtype");
        Assert.That(column.EntryCount, Is.EqualTo(check.GetProperty("entries").GetInt32()), "entries");
        Assert.That(column.Type.InnerShape, Is.EqualTo(check.GetProperty("inner_shape").EnumerateArray().Select(e => e.GetInt32()).ToArray()), "inner shape");
        Assert.That(column.Values.Length, Is.EqualTo(check.GetProperty("count").GetInt32()), "count");
        CheckStatistics(check, column);
        if (column.EntryCount > 0)
        {
            ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first"), ExpectedValues.Entry(column, 0), "first");
        }
    }

    private static void CheckJagged(JsonElement check, ColumnData column)
    {
        Assert.That(column.EntryCount, Is.EqualTo(check.GetProperty("entries").GetInt32()), "entries");
        int depth = column.Type.ListDepth + column.Type.InnerShape.Count;
        Assert.That(depth, Is.EqualTo(check.GetProperty("depth").GetInt32()), $"depth of {column.Type.Name}");
        int[] outer = column.Offsets[0];
        Assert.That(outer[^1], Is.EqualTo(check.GetProperty("counts_sum").GetInt32()), "counts_sum");
        int longest = 0;
        for (int i = 0; i < column.EntryCount; i++)
        {
            longest = Math.Max(longest, outer[i + 1] - outer[i]);
        }

        if (column.EntryCount > 0)
        {
            Assert.That(longest, Is.EqualTo(check.GetProperty("counts_max").GetInt32()), "counts_max");
        }

        string elementKind = check.GetProperty("element_kind").GetString()!;
        if (elementKind == "string")
        {
            Assert.That(column.Type.Element, Is.EqualTo(ElementType.String), "element kind");
            Assert.That(column.StringCount, Is.EqualTo(check.GetProperty("total_elements").GetInt32()), "total_elements");
            Assert.That(column.Values.Length, Is.EqualTo(check.GetProperty("total_utf8_bytes").GetInt32()), "total_utf8_bytes");
        }
        else
        {
            Assert.That(ElementTypes.Name(column.Type.Element), Is.EqualTo(check.GetProperty("element_dtype").GetString()), "element dtype");
            Assert.That(column.Values.Length, Is.EqualTo(check.GetProperty("total_elements").GetInt32()), "total_elements");
            CheckStatistics(check, column);
        }

        if (column.EntryCount > 0)
        {
            ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first"), ExpectedValues.Entry(column, 0), "first");
            ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first_entries"), FirstEntries(column, 3), "first_entries");
        }
    }

    private static void CheckStrings(JsonElement check, ColumnData column)
    {
        Assert.That(column.Type.Element, Is.EqualTo(ElementType.String), "strings");
        Assert.That(column.EntryCount, Is.EqualTo(check.GetProperty("entries").GetInt32()), "entries");
        Assert.That(column.Values.Length, Is.EqualTo(check.GetProperty("total_utf8_bytes").GetInt32()), "total_utf8_bytes");
        ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first"), FirstEntries(column, 3), "first");
    }

    private static void CheckObjects(JsonElement check, ColumnData column)
    {
        Assert.That(column.EntryCount, Is.EqualTo(check.GetProperty("entries").GetInt32()), "entries");
        var digest = new ObjectDigest();
        for (int i = 0; i < column.EntryCount; i++)
        {
            digest.Add(ExpectedValues.Entry(column, i));
        }

        JsonElement expected = check.GetProperty("digest");
        Assert.That(digest.NumericLeaves, Is.EqualTo(expected.GetProperty("numeric_leaves").GetInt64()), "numeric leaves");
        Assert.That(digest.NonFiniteLeaves, Is.EqualTo(expected.GetProperty("nonfinite_leaves").GetInt64()), "non-finite leaves");
        Tolerance.AssertClose(expected.GetProperty("numeric_sum").GetDouble(), digest.Sum, ExpectedValues.SumTolerance, 1e-300, "numeric sum");
        Assert.That(digest.StringLeaves, Is.EqualTo(expected.GetProperty("string_leaves").GetInt64()), "string leaves");
        Assert.That(digest.StringBytes, Is.EqualTo(expected.GetProperty("string_utf8_bytes").GetInt64()), "string bytes");
        if (column.EntryCount > 0)
        {
            ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first"), ExpectedValues.Entry(column, 0), "first");
        }
    }

    private static void CheckContainers(JsonElement check, ColumnData column)
    {
        Assert.That(column.EntryCount, Is.EqualTo(check.GetProperty("entries").GetInt32()), "entries");
        long counts = 0;
        int longest = 0;
        var numbers = new ObjectDigest();
        for (int i = 0; i < column.EntryCount; i++)
        {
            object? entry = ExpectedValues.Entry(column, i);
            int size = entry is RootMap map ? map.Count : entry is System.Collections.ICollection collection ? collection.Count : 0;
            counts += size;
            longest = Math.Max(longest, size);
            numbers.Add(entry);
        }

        Assert.That(counts, Is.EqualTo(check.GetProperty("counts_sum").GetInt64()), "counts_sum");
        Assert.That(longest, Is.EqualTo(check.GetProperty("counts_max").GetInt32()), "counts_max");
        string elementKind = check.GetProperty("element_kind").GetString()!;
        long expectedElements = check.GetProperty("total_elements").GetInt64();
        Assert.That(elementKind == "string" ? numbers.StringLeaves : numbers.NumericLeaves, Is.EqualTo(expectedElements), "total_elements");
        if (check.TryGetProperty("total_strings", out JsonElement strings))
        {
            Assert.That(numbers.StringLeaves, Is.EqualTo(strings.GetInt64()), "total_strings");
        }

        if (check.TryGetProperty("total_utf8_bytes", out JsonElement bytes))
        {
            Assert.That(numbers.StringBytes, Is.EqualTo(bytes.GetInt64()), "total_utf8_bytes");
        }

        if (check.TryGetProperty("sum", out JsonElement sum))
        {
            Tolerance.AssertClose(sum.GetDouble(), numbers.Sum, ExpectedValues.SumTolerance, 0, "sum");
        }

        if (column.EntryCount > 0)
        {
            ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first"), ExpectedValues.Entry(column, 0), "first");
            ExpectedValues.AssertMatches(s_tolerance, check.GetProperty("first_entries"), FirstEntries(column, 3), "first_entries");
        }
    }

    private static void CheckStatistics(JsonElement check, ColumnData column)
    {
        var statistics = new ColumnStatistics();
        statistics.Add(column.Values);
        Tolerance.AssertClose(ReferenceManifest.Number(check.GetProperty("sum")), statistics.Sum, s_tolerance, 1e-300, "sum");
        if (check.TryGetProperty("min", out JsonElement min) && min.ValueKind == JsonValueKind.Null)
        {
            Assert.That(statistics.Min, Is.Null, "min of no values");
        }
        else if (check.TryGetProperty("min", out min))
        {
            Tolerance.AssertClose(ReferenceManifest.Number(min), statistics.Min ?? double.NaN, s_tolerance, 0, "min");
            Tolerance.AssertClose(ReferenceManifest.Number(check.GetProperty("max")), statistics.Max ?? double.NaN, s_tolerance, 0, "max");
        }

        if (check.TryGetProperty("nan_count", out JsonElement nans))
        {
            Assert.That(statistics.NanCount, Is.EqualTo(nans.GetInt64()), "nan_count");
        }

        if (check.TryGetProperty("sum_int", out JsonElement exact))
        {
            Assert.That(statistics.IntegerSum?.ToString(), Is.EqualTo(exact.GetRawText()), "sum_int");
        }
    }

    private static List<object?> FirstEntries(ColumnData column, int count)
    {
        var entries = new List<object?>();
        for (int i = 0; i < Math.Min(count, column.EntryCount); i++)
        {
            entries.Add(ExpectedValues.Entry(column, i));
        }

        return entries;
    }
}
