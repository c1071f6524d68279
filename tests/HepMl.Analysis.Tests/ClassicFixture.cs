using System.Text.Json;
using HepMl.TestData;

namespace HepMl.Analysis.Tests;

/// <summary>Reads the scikit-learn/scipy reference fixtures of tests/HepMl.TestData/data/classic (made by tools/refgen/classic_refs.py).</summary>
internal static class ClassicFixture
{
    public static JsonElement Load(string name)
    {
        string path = SharedData.Fixture("classic", name);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }

    public static float[] Floats(this JsonElement element) =>
        element.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();

    public static double[] Doubles(this JsonElement element) =>
        element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement element) =>
        element.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    /// <summary>A JSON matrix (array of rows) as one row-major float array plus its column count.</summary>
    public static (float[] Values, int Columns) RowMajor(this JsonElement element)
    {
        var rows = element.EnumerateArray().Select(r => r.Floats()).ToArray();
        int columns = rows.Length == 0 ? 0 : rows[0].Length;
        return (rows.SelectMany(r => r).ToArray(), columns);
    }

    /// <summary>A JSON matrix (array of rows) as feature columns.</summary>
    public static float[][] Columns(this JsonElement element)
    {
        var rows = element.EnumerateArray().Select(r => r.Floats()).ToArray();
        int columns = rows[0].Length;
        var result = new float[columns][];
        for (int j = 0; j < columns; j++)
        {
            result[j] = rows.Select(r => r[j]).ToArray();
        }

        return result;
    }

    public static double[][] DoubleRows(this JsonElement element) =>
        element.EnumerateArray().Select(r => r.Doubles()).ToArray();

    public static void AssertAllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double rel = 1e-9, double abs = 1e-12, string what = "value")
    {
        NUnit.Framework.Assert.That(actual, NUnit.Framework.Has.Count.EqualTo(expected.Count), $"{what}: length");
        for (int i = 0; i < expected.Count; i++)
        {
            Tolerance.AssertClose(expected[i], actual[i], rel, abs, $"{what}[{i}]");
        }
    }
}
