using System.Text.Json.Nodes;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Shared pieces of the autoencoders: per-event squared error and options metadata.</summary>
internal static class AutoencoderScores
{
    public static void SquaredError(ReadOnlySpan<float> reconstruction, ReadOnlySpan<float> input, int features, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < features; j++)
            {
                double d = reconstruction[(i * features) + j] - input[(i * features) + j];
                sum += d * d;
            }

            destination[i] = (float)sum;
        }
    }

    public static JsonObject Describe(AutoencoderOptions o) => new()
    {
        ["input_features"] = o.InputFeatures,
        ["hidden_layers"] = new JsonArray(o.HiddenLayers.Select(h => (JsonNode)h).ToArray()),
        ["latent_dimensions"] = o.LatentDimensions,
        ["activation"] = o.Activation.ToString(),
        ["beta"] = o.Beta,
        ["seed"] = o.Seed,
    };

    public static AutoencoderOptions ReadOptions(JsonObject m) => new()
    {
        InputFeatures = m["input_features"]!.GetValue<int>(),
        HiddenLayers = m["hidden_layers"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray(),
        LatentDimensions = m["latent_dimensions"]!.GetValue<int>(),
        Activation = Enum.Parse<ActivationKind>(m["activation"]!.GetValue<string>()),
        Beta = m["beta"]!.GetValue<float>(),
        Seed = m["seed"]!.GetValue<ulong>(),
    };
}
