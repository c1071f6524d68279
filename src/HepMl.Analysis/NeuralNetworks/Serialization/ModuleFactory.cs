using System.Text.Json.Nodes;
using HepMl.Analysis.NeuralNetworks.Activations;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Io;

namespace HepMl.Analysis.NeuralNetworks.Serialization;

using Linear = HepMl.Analysis.NeuralNetworks.Layers.Linear;

/// <summary>Rebuilds modules from the architecture descriptions written by <see cref="Module.ToSpecification"/>.</summary>
public static class ModuleFactory
{
    /// <summary>Creates an (untrained) module from its description.</summary>
    /// <exception cref="HepMlFormatException">A field is missing or has the wrong type.</exception>
    /// <exception cref="UnsupportedFormatException">The module type is unknown.</exception>
    public static Module Create(JsonObject specification, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(specification);
        string type = Text(specification, "type", filePath);
        Module module = type switch
        {
            "Sequential" => new Sequential(Layers(specification, filePath)),
            "Linear" => new Linear(Integer(specification, "in", filePath), Integer(specification, "out", filePath), Flag(specification, "bias", filePath)),
            "Conv2d" => new Conv2d(
                Integer(specification, "in", filePath), Integer(specification, "out", filePath), Integer(specification, "kernel", filePath),
                Integer(specification, "stride", filePath), Integer(specification, "padding", filePath), Flag(specification, "bias", filePath)),
            "Pool2d" => new Pool2d(
                Enum.Parse<PoolingKind>(Text(specification, "kind", filePath)), Integer(specification, "kernel", filePath), Integer(specification, "stride", filePath)),
            "Flatten" => new Flatten(),
            "BatchNorm" => new BatchNorm(
                Integer(specification, "features", filePath), Flag(specification, "spatial", filePath),
                Number(specification, "momentum", filePath), Number(specification, "epsilon", filePath)),
            "Dropout" => new Dropout(Number(specification, "p", filePath)),
            "VariationalAutoencoderNetwork" => new Models.VariationalAutoencoderNetwork(
                (Sequential)Create(Child(specification, "encoder", filePath), filePath), (Linear)Create(Child(specification, "mean", filePath), filePath),
                (Linear)Create(Child(specification, "log_variance", filePath), filePath), (Sequential)Create(Child(specification, "decoder", filePath), filePath)),
            "Activation" => Activation.FromName(
                Text(specification, "kind", filePath), specification["parameter"] is null ? float.NaN : Number(specification, "parameter", filePath)),
            _ => throw new UnsupportedFormatException($"unknown module type '{type}' in the architecture", filePath, objectPath: "architecture"),
        };
        module.Name = specification["name"]?.GetValue<string>() ?? string.Empty;
        return module;
    }

    private static Module[] Layers(JsonObject specification, string? filePath)
    {
        if (specification["layers"] is not JsonArray layers)
        {
            throw new HepMlFormatException("a Sequential description has no 'layers' array", filePath, objectPath: "architecture");
        }

        var modules = new Module[layers.Count];
        for (int i = 0; i < modules.Length; i++)
        {
            modules[i] = Create(layers[i] as JsonObject ?? throw new HepMlFormatException($"layer {i} is not an object", filePath, objectPath: "architecture"), filePath);
        }

        return modules;
    }

    private static JsonObject Child(JsonObject o, string key, string? filePath) =>
        o[key] as JsonObject ?? throw new HepMlFormatException($"the description of a '{o["type"]}' module has no '{key}' object", filePath, objectPath: "architecture");

    private static string Text(JsonObject o, string key, string? filePath) =>
        Get(o, key, filePath, n => n.GetValue<string>());

    private static int Integer(JsonObject o, string key, string? filePath) =>
        Get(o, key, filePath, n => n.GetValue<int>());

    private static float Number(JsonObject o, string key, string? filePath) =>
        Get(o, key, filePath, n => n.GetValue<float>());

    private static bool Flag(JsonObject o, string key, string? filePath) =>
        Get(o, key, filePath, n => n.GetValue<bool>());

    private static T Get<T>(JsonObject o, string key, string? filePath, Func<JsonNode, T> read)
    {
        JsonNode? node = o[key] ?? throw new HepMlFormatException(
            $"the description of a '{o["type"]}' module has no '{key}'", filePath, objectPath: "architecture");
        try
        {
            return read(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new HepMlFormatException($"'{key}' of a '{o["type"]}' module has the wrong type: {node.ToJsonString()}", filePath, objectPath: "architecture", innerException: e);
        }
    }
}
