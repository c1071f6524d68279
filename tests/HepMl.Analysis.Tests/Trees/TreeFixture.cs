using System.Text.Json;
using HepMl.Analysis.Data;
using HepMl.TestData;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>A reference case written by <c>tools/refgen/trees_reference.py</c> (XGBoost / scikit-learn).</summary>
internal sealed class TreeFixture
{
    private readonly JsonElement _root;

    private TreeFixture(JsonElement root) => _root = root;

    public static TreeFixture Load(string name)
    {
        string path = SharedData.Fixture("trees", name);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return new TreeFixture(document.RootElement.Clone());
    }

    public JsonElement Root => _root;

    public double Number(string key) => _root.GetProperty(key).GetDouble();

    public float[][] Matrix(string key) =>
        _root.GetProperty(key).EnumerateArray().Select(row => row.EnumerateArray().Select(ToFloat).ToArray()).ToArray();

    public double[] Vector(string key) =>
        _root.GetProperty(key).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    /// <summary>A dataset of the fixture's features (rows), labels or targets, and weights when present.</summary>
    public Dataset Dataset(bool labelsAreTargets = false, string featuresKey = "features")
    {
        float[][] rows = Matrix(featuresKey);
        int features = rows[0].Length;
        var columns = new float[features][];
        for (int f = 0; f < features; f++)
        {
            columns[f] = rows.Select(r => r[f]).ToArray();
        }

        string[] names = Enumerable.Range(0, features).Select(f => $"x{f}").ToArray();
        if (!_root.TryGetProperty("labels", out _))
        {
            return new Dataset(names, columns);
        }

        double[] labels = Vector("labels");
        float[]? weights = _root.TryGetProperty("weights", out _) ? Vector("weights").Select(v => (float)v).ToArray() : null;
        return labelsAreTargets
            ? new Dataset(names, columns, weights: weights, targets: labels.Select(v => (float)v).ToArray())
            : new Dataset(names, columns, labels.Select(v => (int)v).ToArray(), weights);
    }

    private static float ToFloat(JsonElement value) => value.ValueKind == JsonValueKind.Null ? float.NaN : (float)value.GetDouble();
}
