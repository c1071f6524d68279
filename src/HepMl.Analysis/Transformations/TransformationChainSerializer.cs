using System.Text.Json;
using System.Text.Json.Nodes;
using HepMl.Io;

namespace HepMl.Analysis.Transformations;

/// <summary>
/// Saves and loads a <see cref="TransformationChain"/> in HepMl's JSON format (signature
/// <c>HepMl.TransformationChain</c>, written version, minimum reader version).
/// </summary>
/// <remarks>
/// Version history: 1 — first format (Normalize, Decorrelation, PCA, Gauss/Uniform, Standardize). Floats are written
/// with round-trip precision, so a loaded chain transforms bit-identically.
/// </remarks>
public static class TransformationChainSerializer
{
    /// <summary>The signature in the <c>format</c> field.</summary>
    public const string Signature = "HepMl.TransformationChain";

    /// <summary>The version this build writes.</summary>
    public const int WrittenVersion = 1;

    /// <summary>The newest version this build reads.</summary>
    public const int ReadableVersion = 1;

    /// <summary>Writes <paramref name="chain"/> to a file.</summary>
    public static void Save(TransformationChain chain, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.Create(path);
        Save(chain, stream);
    }

    /// <summary>Writes <paramref name="chain"/> to a stream as UTF-8 JSON.</summary>
    public static void Save(TransformationChain chain, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(stream);
        var steps = new JsonArray();
        foreach (TransformationStep step in chain.Steps)
        {
            var node = new JsonObject
            {
                ["kind"] = step.Transformation.Name,
                ["referenceClass"] = step.ReferenceClass,
                ["positions"] = new JsonArray(step.Positions.Select(p => (JsonNode)p).ToArray()),
                ["sets"] = WriteSets(step.Transformation),
            };
            steps.Add(node);
        }

        var root = new JsonObject
        {
            ["format"] = Signature,
            ["version"] = WrittenVersion,
            ["minReaderVersion"] = 1,
            ["length"] = chain.Length,
            ["steps"] = steps,
        };
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        root.WriteTo(writer);
    }

    /// <summary>Reads a chain from a file.</summary>
    /// <exception cref="HepMlFormatException">The file is not a valid chain.</exception>
    /// <exception cref="UnsupportedFormatException">The file needs a newer reader.</exception>
    public static TransformationChain Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a chain from a stream.</summary>
    /// <exception cref="HepMlFormatException">The content is not a valid chain.</exception>
    /// <exception cref="UnsupportedFormatException">The content needs a newer reader.</exception>
    public static TransformationChain Load(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(stream);
        }
        catch (JsonException error)
        {
            throw new HepMlFormatException(
                $"expected a JSON transformation chain; the JSON is malformed: {error.Message}", sourceName, error.BytePositionInLine ?? -1,
                innerException: error);
        }

        try
        {
            return Read(root ?? throw Fail("the document is empty", sourceName), sourceName);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or ArgumentException
                                          or IndexOutOfRangeException or NullReferenceException)
        {
            throw new HepMlFormatException(
                $"the transformation chain is malformed: {error.Message}", sourceName, innerException: error);
        }
    }

    private static TransformationChain Read(JsonNode root, string? source)
    {
        string format = root["format"]?.GetValue<string>() ?? throw Fail("the 'format' field is missing", source);
        if (format != Signature)
        {
            throw Fail($"expected format '{Signature}'; found '{format}'", source);
        }

        int minReader = root["minReaderVersion"]?.GetValue<int>() ?? throw Fail("'minReaderVersion' is missing", source);
        if (minReader > ReadableVersion)
        {
            throw new UnsupportedFormatException(
                $"the chain needs reader version {minReader}; this build reads up to {ReadableVersion}", source);
        }

        int length = root["length"]!.GetValue<int>();
        var steps = new List<TransformationStep>();
        foreach (JsonNode? node in root["steps"]!.AsArray())
        {
            string kind = node!["kind"]!.GetValue<string>();
            int referenceClass = node["referenceClass"]!.GetValue<int>();
            int[] positions = node["positions"]!.AsArray().Select(p => p!.GetValue<int>()).ToArray();
            JsonArray sets = node["sets"]!.AsArray();
            VariableTransformation transformation = kind switch
            {
                "Normalize" => new Normalisation(
                    sets.Select(s => Floats(s!["minimum"]!)).ToArray(), sets.Select(s => Floats(s!["maximum"]!)).ToArray()),
                "Decorrelation" => new Decorrelation(positions.Length, sets.Select(s => Doubles(s!["matrix"]!)).ToArray()),
                "PCA" => new PrincipalComponents(
                    positions.Length, sets.Select(s => Doubles(s!["means"]!)).ToArray(),
                    sets.Select(s => Doubles(s!["eigenvectors"]!)).ToArray()),
                "Gauss" or "Uniform" => new Gaussianisation(
                    sets.Select(s => s!["distributions"]!.AsArray().Select(ReadCdf).ToArray()).ToArray(), kind == "Uniform"),
                "Standardize" => new Standardisation(
                    sets.Select(s => Doubles(s!["means"]!)).ToArray(), sets.Select(s => Doubles(s!["deviations"]!)).ToArray()),
                _ => throw new UnsupportedFormatException($"unknown transformation kind '{kind}'", source),
            };
            steps.Add(new TransformationStep(transformation, positions, referenceClass));
        }

        return new TransformationChain(length, steps);
    }

    private static JsonArray WriteSets(VariableTransformation transformation)
    {
        var sets = new JsonArray();
        int n = transformation.VariableCount;
        for (int set = 0; set < transformation.ParameterSetCount; set++)
        {
            JsonObject node = transformation switch
            {
                Normalisation t => new JsonObject
                {
                    ["minimum"] = Array(Enumerable.Range(0, n).Select(j => (double)t.Minimum(set, j))),
                    ["maximum"] = Array(Enumerable.Range(0, n).Select(j => (double)t.Maximum(set, j))),
                },
                Decorrelation t => new JsonObject { ["matrix"] = Array(t.Matrix(set)) },
                PrincipalComponents t => new JsonObject
                {
                    ["means"] = Array(t.Means(set)),
                    ["eigenvectors"] = Array(t.Eigenvectors(set)),
                },
                Gaussianisation t => new JsonObject
                {
                    ["distributions"] = new JsonArray(Enumerable.Range(0, n).Select(j => (JsonNode)WriteCdf(t.Distribution(set, j))).ToArray()),
                },
                Standardisation t => new JsonObject
                {
                    ["means"] = Array(Enumerable.Range(0, n).Select(j => t.Mean(set, j))),
                    ["deviations"] = Array(Enumerable.Range(0, n).Select(j => t.StandardDeviation(set, j))),
                },
                _ => throw new NotSupportedException($"cannot serialise a {transformation.GetType().Name}"),
            };
            sets.Add(node);
        }

        return sets;
    }

    private static JsonObject WriteCdf(TabulatedCdf cdf) => new()
    {
        ["minimum"] = cdf.Minimum,
        ["maximum"] = cdf.Maximum,
        ["values"] = Array(cdf.Values.Select(v => (double)v)),
    };

    private static TabulatedCdf ReadCdf(JsonNode? node) =>
        new(node!["minimum"]!.GetValue<double>(), node["maximum"]!.GetValue<double>(), Floats(node["values"]!));

    private static JsonArray Array(IEnumerable<double> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static float[] Floats(JsonNode node) => node.AsArray().Select(v => (float)v!.GetValue<double>()).ToArray();

    private static double[] Doubles(JsonNode node) => node.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static HepMlFormatException Fail(string problem, string? source) => new(problem, source);
}
