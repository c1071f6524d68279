using System.Text.Json;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// The expected values of <c>../shared/data/root/manifest.json</c> (computed by uproot, see its README), turned into
/// NUnit cases: one per file, tree branch, histogram and simple object.
/// </summary>
internal static class ReferenceManifest
{
    private static readonly Lazy<JsonDocument> s_document = new(() =>
        JsonDocument.Parse(System.IO.File.ReadAllBytes(SharedData.Shared("data", "root", "manifest.json"))));

    private static readonly Lazy<JsonDocument> s_errata = new(() =>
        JsonDocument.Parse(System.IO.File.ReadAllBytes(SharedData.Fixture("root", "manifest-errata.json"))));

    public static JsonElement Files => s_document.Value.RootElement.GetProperty("files");

    /// <summary>
    /// The corrected check of a branch the reference reader got wrong (see manifest-errata.json.readme), or null.
    /// </summary>
    public static JsonElement? Erratum(string file, string tree, string branch)
    {
        JsonElement files = s_errata.Value.RootElement.GetProperty("files");
        if (files.TryGetProperty(file, out JsonElement trees) && trees.TryGetProperty(tree, out JsonElement branches)
            && branches.TryGetProperty(branch, out JsonElement erratum))
        {
            return erratum.GetProperty("check");
        }

        return null;
    }

    public static JsonElement File(string name) => Files.GetProperty(name);

    public static string PathOf(string name) => SharedData.Shared("data", "root", name);

    public static IEnumerable<TestCaseData> FileCases()
    {
        foreach (JsonProperty file in Files.EnumerateObject())
        {
            yield return new TestCaseData(file.Name).SetArgDisplayNames(file.Name);
        }
    }

    public static IEnumerable<TestCaseData> TreeCases()
    {
        foreach (JsonProperty file in Files.EnumerateObject())
        {
            foreach (JsonProperty tree in file.Value.GetProperty("trees").EnumerateObject())
            {
                yield return new TestCaseData(file.Name, tree.Name).SetArgDisplayNames(file.Name, tree.Name);
            }
        }
    }

    public static IEnumerable<TestCaseData> BranchCases()
    {
        foreach (JsonProperty file in Files.EnumerateObject())
        {
            foreach (JsonProperty tree in file.Value.GetProperty("trees").EnumerateObject())
            {
                foreach (JsonProperty branch in tree.Value.GetProperty("branches").EnumerateObject())
                {
                    yield return new TestCaseData(file.Name, tree.Name, branch.Name).SetArgDisplayNames(file.Name, tree.Name, branch.Name);
                }
            }
        }
    }

    public static IEnumerable<TestCaseData> HistogramCases()
    {
        foreach (JsonProperty file in Files.EnumerateObject())
        {
            foreach (JsonProperty histogram in file.Value.GetProperty("histograms").EnumerateObject())
            {
                yield return new TestCaseData(file.Name, histogram.Name).SetArgDisplayNames(file.Name, histogram.Name);
            }
        }
    }

    public static IEnumerable<TestCaseData> ObjectCases()
    {
        foreach (JsonProperty file in Files.EnumerateObject())
        {
            foreach (JsonProperty obj in file.Value.GetProperty("objects").EnumerateObject())
            {
                yield return new TestCaseData(file.Name, obj.Name).SetArgDisplayNames(file.Name, obj.Name);
            }
        }
    }

    /// <summary>A JSON number, or the strings "NaN", "Infinity", "-Infinity" the manifest uses for non-finite values.</summary>
    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.String => element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"not a number: {other}"),
        },
        _ => throw new FormatException($"not a number: {element}"),
    };
}
