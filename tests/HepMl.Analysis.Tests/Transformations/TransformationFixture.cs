using System.Text.Json.Nodes;
using HepMl.Analysis.Data;
using HepMl.TestData;

namespace HepMl.Analysis.Tests.Transformations;

/// <summary>The numpy reference of <c>tools/refgen/tmva_transformations.py</c>: a weighted two-class sample and,
/// per parameter set (class 0, class 1, all), its statistics.</summary>
internal static class TransformationFixture
{
    private static readonly Lazy<JsonNode> s_document = new(() =>
        JsonNode.Parse(File.ReadAllText(SharedData.Fixture("tmva", "transformations.json")))!);

    public static Dataset Data()
    {
        JsonNode doc = s_document.Value;
        float[][] rows = doc["x"]!.AsArray().Select(r => r!.AsArray().Select(v => (float)v!.GetValue<double>()).ToArray()).ToArray();
        var columns = new float[3][];
        for (int j = 0; j < 3; j++)
        {
            columns[j] = rows.Select(r => r[j]).ToArray();
        }

        int[] labels = doc["labels"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        float[] weights = doc["weights"]!.AsArray().Select(v => (float)v!.GetValue<double>()).ToArray();
        return new Dataset(["a", "b", "c"], columns, labels, weights);
    }

    public static double[] Set(int set, string name) =>
        s_document.Value["sets"]![set]![name]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
}
