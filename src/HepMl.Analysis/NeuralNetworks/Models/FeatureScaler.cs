using System.Text.Json.Nodes;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Per-feature standardisation (x - mean) / (std + 1e-6) fitted on training data, stored with the model.</summary>
internal sealed class FeatureScaler
{
    private FeatureScaler(string[] names, double[] mean, double[] scale) => (Names, Mean, Scale) = (names, mean, scale);

    public string[] Names { get; }

    public double[] Mean { get; }

    public double[] Scale { get; }

    public static FeatureScaler Fit(Dataset data)
    {
        int f = data.FeatureCount;
        var mean = new double[f];
        var scale = new double[f];
        for (int j = 0; j < f; j++)
        {
            ReadOnlySpan<float> column = data.Column(j);
            double sum = 0;
            double squares = 0;
            foreach (float v in column)
            {
                if (!float.IsFinite(v))
                {
                    throw new ArgumentException($"feature '{data.FeatureNames[j]}' holds {v}; neural networks need finite inputs (impute or drop missing values first)", nameof(data));
                }

                sum += v;
                squares += (double)v * v;
            }

            mean[j] = sum / Math.Max(column.Length, 1);
            scale[j] = Math.Sqrt(Math.Max(0, (squares / Math.Max(column.Length, 1)) - (mean[j] * mean[j]))) + 1e-6;
        }

        return new FeatureScaler(data.FeatureNames.ToArray(), mean, scale);
    }

    /// <summary>Standardised row-major copy of the dataset's features, in the fitted feature order (matched by name).</summary>
    public float[] Transform(Dataset data)
    {
        int f = Names.Length;
        var columns = new int[f];
        for (int j = 0; j < f; j++)
        {
            columns[j] = data.IndexOf(Names[j]);
        }

        int n = data.RowCount;
        var x = new float[(long)n * f];
        for (int j = 0; j < f; j++)
        {
            ReadOnlySpan<float> column = data.Column(columns[j]);
            double m = Mean[j];
            double s = Scale[j];
            for (int i = 0; i < n; i++)
            {
                x[(i * f) + j] = (float)((column[i] - m) / s);
            }
        }

        return x;
    }

    public JsonObject Describe() => new()
    {
        ["features"] = new JsonArray(Names.Select(n => (JsonNode)n).ToArray()),
        ["mean"] = new JsonArray(Mean.Select(v => (JsonNode)v).ToArray()),
        ["scale"] = new JsonArray(Scale.Select(v => (JsonNode)v).ToArray()),
    };

    public static FeatureScaler Read(JsonObject o) => new(
        o["features"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(),
        o["mean"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray(),
        o["scale"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray());
}
