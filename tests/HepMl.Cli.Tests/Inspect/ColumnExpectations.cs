using System.Text.Json;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Cli.Tests.Inspect;

/// <summary>Checks one described column against a manifest branch check (type name, counts, sums, ranges, first entries).</summary>
internal static class ColumnExpectations
{
    public static void Check(string branch, JsonElement check, Dictionary<string, JsonElement> columns)
    {
        string kind = check.GetProperty("kind").GetString()!;
        if (kind is "grouped" or "object" or "container")
        {
            return;
        }

        if (kind == "record")
        {
            foreach (JsonProperty field in check.GetProperty("fields").EnumerateObject())
            {
                Check($"{branch}/{field.Name}", field.Value, columns);
            }

            return;
        }

        Assert.That(columns.ContainsKey(branch), $"column {branch}");
        JsonElement column = columns[branch];
        string where = $"column {branch}";
        switch (kind)
        {
            case "flat":
                Assert.That(column.GetProperty("type").GetString(), Is.EqualTo(check.GetProperty("dtype").GetString()), where);
                Assert.That(column.GetProperty("count").GetInt64(), Is.EqualTo(check.GetProperty("count").GetInt64()), where);
                Numbers(column, check, where);
                SameValues(check.GetProperty("first"), column.GetProperty("first"), where);
                break;
            case "fixed_array":
            {
                string shape = string.Concat(check.GetProperty("inner_shape").EnumerateArray().Select(d => $"[{d.GetInt32()}]"));
                Assert.That(column.GetProperty("type").GetString(), Is.EqualTo(check.GetProperty("dtype").GetString() + shape), where);
                Assert.That(column.GetProperty("count").GetInt64(), Is.EqualTo(check.GetProperty("count").GetInt64()), where);
                Numbers(column, check, where);
                break;
            }

            case "jagged":
            case "nested":
            {
                string element = check.GetProperty("element_kind").GetString() == "string" ? "string" : check.GetProperty("element_dtype").GetString()!;
                string brackets = string.Concat(Enumerable.Repeat("[]", check.GetProperty("depth").GetInt32()));
                string type = column.GetProperty("type").GetString()!;
                Assert.That(type.Replace("[2]", "[]", StringComparison.Ordinal), Is.EqualTo(element + brackets), where);
                Assert.That(column.GetProperty("count").GetInt64(), Is.EqualTo(check.GetProperty("total_elements").GetInt64()), where);
                if (element != "string")
                {
                    Numbers(column, check, where);
                }

                break;
            }

            case "string":
                Assert.That(column.GetProperty("type").GetString(), Is.EqualTo("string"), where);
                SameValues(check.GetProperty("first"), column.GetProperty("first"), where);
                break;
            case "empty":
                Assert.That(column.GetProperty("entries").GetInt64(), Is.Zero, where);
                break;
        }
    }

    private static void Numbers(JsonElement column, JsonElement check, string where)
    {
        JsonElement sum = column.GetProperty("sum");
        if (check.GetProperty("min").ValueKind == JsonValueKind.Null)
        {
            Assert.That(column.GetProperty("min").ValueKind, Is.EqualTo(JsonValueKind.Null), where);
            return;
        }

        Tolerance.AssertClose(Number(check.GetProperty("sum")), Number(sum), 1e-6, 0, where + " sum");
        Tolerance.AssertClose(Number(check.GetProperty("min")), Number(column.GetProperty("min")), 1e-6, 0, where + " min");
        Tolerance.AssertClose(Number(check.GetProperty("max")), Number(column.GetProperty("max")), 1e-6, 0, where + " max");
    }

    private static double Number(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? double.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : element.GetDouble();

    /// <summary>Same nesting, strings equal, numbers to float32 precision (the CLI writes float32 in its shortest form).</summary>
    private static void SameValues(JsonElement expected, JsonElement actual, string where)
    {
        if (expected.ValueKind == JsonValueKind.Array)
        {
            Assert.That(actual.GetArrayLength(), Is.EqualTo(expected.GetArrayLength()), where);
            for (int i = 0; i < expected.GetArrayLength(); i++)
            {
                SameValues(expected[i], actual[i], $"{where}[{i}]");
            }
        }
        else if (expected.ValueKind == JsonValueKind.String)
        {
            Assert.That(actual.GetString(), Is.EqualTo(expected.GetString()), where);
        }
        else
        {
            double want = expected.ValueKind switch { JsonValueKind.True => 1, JsonValueKind.False => 0, _ => expected.GetDouble() };
            double got = actual.ValueKind switch { JsonValueKind.True => 1, JsonValueKind.False => 0, _ => actual.GetDouble() };
            Tolerance.AssertClose(want, got, 1e-6, 0, where);
        }
    }
}
