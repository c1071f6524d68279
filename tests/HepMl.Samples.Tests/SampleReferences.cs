using System.Text.Json;
using HepMl.TestData;

namespace HepMl.Samples.Tests;

/// <summary>
/// The fixtures under <c>tests/HepMl.TestData/data/samples</c> and the peer figures computed on them by
/// <c>tools/refgen/samples_references.py</c> (numpy, scikit-learn, xgboost, torch; see the folder's <c>.readme</c>).
/// </summary>
internal static class SampleReferences
{
    private static readonly Lazy<JsonElement> s_root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Fixture("samples_references.json"))).RootElement);

    /// <summary>The jet-image part of the references.</summary>
    public static JsonElement JetImages => s_root.Value.GetProperty("jetimages");

    /// <summary>The dijet part of the references.</summary>
    public static JsonElement Dijet => s_root.Value.GetProperty("dijet");

    /// <summary>A file of the samples' fixture folder.</summary>
    public static string Fixture(string name) => SharedData.Fixture("samples", name);

    /// <summary>The number at <paramref name="path"/> (property names) below <paramref name="element"/>.</summary>
    public static double Number(JsonElement element, params string[] path)
    {
        foreach (string name in path)
        {
            element = element.GetProperty(name);
        }

        return element.GetDouble();
    }

    /// <summary>The array of numbers at <paramref name="path"/> below <paramref name="element"/>.</summary>
    public static double[] Numbers(JsonElement element, params string[] path)
    {
        foreach (string name in path)
        {
            element = element.GetProperty(name);
        }

        return element.EnumerateArray().Select(value => value.GetDouble()).ToArray();
    }
}
