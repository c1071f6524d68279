using System.Globalization;
using System.Text.Json;
using HepMl.Io;

namespace HepMl.Tmva.Import;

/// <summary>
/// An XGBoost model read from JSON (<c>Booster.save_model("m.json")</c>, or a <c>get_dump(dump_format="json")</c>
/// list of trees), evaluated exactly as XGBoost 1.7's CPU predictor: a value goes left when <c>x &lt; condition</c>,
/// a NaN follows the default direction, leaf values are added in single precision in tree order to the base margin,
/// and <c>binary:logistic</c> applies the float sigmoid <c>1/(1+expf(-m))</c>.
/// </summary>
/// <remarks>Binary logistic (and logit-raw) and regression (squared error, logistic) models with one output are
/// supported; multi-class models and categorical splits are rejected with an error naming them.</remarks>
public sealed partial class XgboostModel
{
    private readonly XgboostTree[] _trees;

    private XgboostModel(XgboostObjective objective, float baseScore, IReadOnlyList<string> featureNames, XgboostTree[] trees, string? source)
    {
        Objective = objective;
        BaseScore = baseScore;
        FeatureNames = featureNames;
        _trees = trees;
        FilePath = source;
        BaseMargin = objective is XgboostObjective.BinaryLogistic or XgboostObjective.RegressionLogistic
            ? -MathF.Log((1.0f / baseScore) - 1.0f)
            : baseScore;
    }

    /// <summary>The objective.</summary>
    public XgboostObjective Objective { get; }

    /// <summary>The model's <c>base_score</c> (a probability for logistic objectives).</summary>
    public float BaseScore { get; }

    /// <summary>The initial margin: <c>base_score</c>, or its logit for logistic objectives (XGBoost <c>ProbToMargin</c>).</summary>
    public float BaseMargin { get; }

    /// <summary>Feature names (from the model, or <c>f0, f1, ...</c>).</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of input features.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>The trees.</summary>
    public IReadOnlyList<XgboostTree> Trees => _trees;

    /// <summary>The file read, or null.</summary>
    public string? FilePath { get; }

    /// <summary>True when the output is a probability (sigmoid of the margin).</summary>
    public bool IsLogistic => Objective is XgboostObjective.BinaryLogistic or XgboostObjective.RegressionLogistic;

    /// <summary>The margin (XGBoost <c>predict(output_margin=True)</c>).</summary>
    /// <exception cref="ArgumentException">Fewer values than features.</exception>
    public float PredictMargin(ReadOnlySpan<float> features)
    {
        CheckLength(features.Length);
        float margin = BaseMargin;
        foreach (XgboostTree tree in _trees)
        {
            margin += tree.LeafValue(features);
        }

        return margin;
    }

    /// <summary>The prediction (XGBoost <c>predict</c>).</summary>
    /// <exception cref="ArgumentException">Fewer values than features.</exception>
    public float Predict(ReadOnlySpan<float> features)
    {
        float margin = PredictMargin(features);
        return IsLogistic ? 1.0f / (1.0f + MathF.Exp(-margin)) : margin;
    }

    /// <summary>Predictions for row-major events (<see cref="FeatureCount"/> values each).</summary>
    /// <exception cref="ArgumentException">The input is not a whole number of events or the destination is short.</exception>
    public void Predict(ReadOnlySpan<float> features, Span<float> destination)
    {
        int n = FeatureCount;
        if (features.Length % n != 0 || destination.Length < features.Length / n)
        {
            throw new ArgumentException($"{features.Length} values are not whole events of {n} features, or the destination holding {destination.Length} is too short");
        }

        for (int i = 0; i < features.Length / n; i++)
        {
            destination[i] = Predict(features.Slice(i * n, n));
        }
    }

    /// <summary>Reads a JSON model or JSON dump file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="dumpSettings">For dumps (which do not store them): objective, base score and feature names.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMlFormatException">The JSON is malformed or not an XGBoost model.</exception>
    /// <exception cref="UnsupportedFormatException">The objective or a feature (categorical splits, multi-class) is not supported.</exception>
    public static XgboostModel Load(string path, XgboostDumpSettings? dumpSettings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the XGBoost model {path} does not exist", path);
        }

        return Parse(File.ReadAllText(path), path, dumpSettings);
    }

    /// <summary>Parses a JSON model or dump held in a string.</summary>
    public static XgboostModel Parse(string json, string? sourceName = null, XgboostDumpSettings? dumpSettings = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException error)
        {
            throw new HepMlFormatException(
                $"expected an XGBoost JSON model; the JSON is malformed: {error.Message}", sourceName,
                objectPath: $"line {(error.LineNumber ?? 0) + 1}", innerException: error);
        }

        using (document)
        {
            try
            {
                return document.RootElement.ValueKind == JsonValueKind.Array
                    ? FromDump(document.RootElement, sourceName, dumpSettings ?? new XgboostDumpSettings())
                    : FromModel(document.RootElement, sourceName);
            }
            catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
            {
                throw new HepMlFormatException($"expected an XGBoost JSON model: {error.Message}", sourceName, innerException: error);
            }
        }
    }

    private static XgboostModel FromModel(JsonElement root, string? source)
    {
        JsonElement learner = root.GetProperty("learner");
        string objectiveName = learner.GetProperty("objective").GetProperty("name").GetString()!;
        XgboostObjective objective = ParseObjective(objectiveName, source);
        JsonElement parameters = learner.GetProperty("learner_model_param");
        float baseScore = ParseFloat(parameters.GetProperty("base_score").GetString()!);
        int features = int.Parse(parameters.GetProperty("num_feature").GetString()!, CultureInfo.InvariantCulture);
        if (parameters.TryGetProperty("num_class", out JsonElement classes) && classes.GetString() is string c && c != "0")
        {
            throw new UnsupportedFormatException($"multi-class XGBoost models (num_class={c}) are not supported", source);
        }

        JsonElement booster = learner.GetProperty("gradient_booster");
        string boosterName = booster.GetProperty("name").GetString()!;
        if (boosterName != "gbtree")
        {
            throw new UnsupportedFormatException($"XGBoost booster '{boosterName}' is not supported; gbtree is", source);
        }

        var names = new List<string>();
        if (learner.TryGetProperty("feature_names", out JsonElement nameArray))
        {
            names.AddRange(nameArray.EnumerateArray().Select(e => e.GetString()!));
        }

        if (names.Count != features)
        {
            names = Enumerable.Range(0, features).Select(i => "f" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        }

        var trees = new List<XgboostTree>();
        foreach (JsonElement tree in booster.GetProperty("model").GetProperty("trees").EnumerateArray())
        {
            if (tree.TryGetProperty("split_type", out JsonElement types) && types.EnumerateArray().Any(t => t.GetInt32() != 0))
            {
                throw new UnsupportedFormatException("XGBoost trees with categorical splits are not supported", source);
            }

            int[] left = Ints(tree.GetProperty("left_children"));
            int[] right = Ints(tree.GetProperty("right_children"));
            int[] index = Ints(tree.GetProperty("split_indices"));
            float[] condition = tree.GetProperty("split_conditions").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            bool[] defaultLeft = tree.GetProperty("default_left").EnumerateArray().Select(e => e.GetInt32() != 0).ToArray();
            trees.Add(Check(new XgboostTree(left, right, index, condition, defaultLeft), features, trees.Count, source));
        }

        return new XgboostModel(objective, baseScore, names, [.. trees], source);
    }

    private static XgboostModel FromDump(JsonElement root, string? source, XgboostDumpSettings settings)
    {
        var names = settings.FeatureNames?.ToList();
        var trees = new List<XgboostTree>();
        int maxFeature = -1;
        var parsed = new List<(int[] Left, int[] Right, string?[] Split, float[] Condition, bool[] DefaultLeft)>();
        foreach (JsonElement tree in root.EnumerateArray())
        {
            var nodes = new SortedDictionary<int, JsonElement>();
            Collect(tree, nodes);
            int count = nodes.Keys.Last() + 1;
            if (count != nodes.Count)
            {
                throw new HepMlFormatException($"tree {parsed.Count} of the dump has gaps in its node ids", source);
            }

            var left = new int[count];
            var right = new int[count];
            var split = new string?[count];
            var condition = new float[count];
            var defaultLeft = new bool[count];
            foreach ((int id, JsonElement node) in nodes)
            {
                if (node.TryGetProperty("leaf", out JsonElement leaf))
                {
                    left[id] = right[id] = -1;
                    condition[id] = (float)leaf.GetDouble();
                    continue;
                }

                left[id] = node.GetProperty("yes").GetInt32();
                right[id] = node.GetProperty("no").GetInt32();
                defaultLeft[id] = node.GetProperty("missing").GetInt32() == left[id];
                split[id] = node.GetProperty("split").ValueKind == JsonValueKind.String
                    ? node.GetProperty("split").GetString()
                    : "f" + node.GetProperty("split").GetInt32().ToString(CultureInfo.InvariantCulture);
                condition[id] = (float)node.GetProperty("split_condition").GetDouble();
            }

            parsed.Add((left, right, split, condition, defaultLeft));
        }

        foreach ((int[] left, int[] right, string?[] split, float[] condition, bool[] defaultLeft) in parsed)
        {
            var index = new int[split.Length];
            for (int i = 0; i < split.Length; i++)
            {
                if (split[i] is null)
                {
                    continue;
                }

                index[i] = names?.IndexOf(split[i]!) ?? -1;
                if (index[i] < 0)
                {
                    if (split[i]!.Length > 1 && split[i]![0] == 'f' && int.TryParse(split[i]![1..], NumberStyles.None, CultureInfo.InvariantCulture, out int f))
                    {
                        index[i] = f;
                    }
                    else
                    {
                        throw new HepMlFormatException(
                            $"the dump splits on feature '{split[i]}', which is not among the given feature names", source);
                    }
                }

                maxFeature = Math.Max(maxFeature, index[i]);
            }

            trees.Add(new XgboostTree(left, right, index, condition, defaultLeft));
        }

        int features = names?.Count ?? settings.FeatureCount ?? (maxFeature + 1);
        names ??= Enumerable.Range(0, features).Select(i => "f" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        for (int t = 0; t < trees.Count; t++)
        {
            Check(trees[t], features, t, source);
        }

        return new XgboostModel(ParseObjective(settings.Objective, source), settings.BaseScore, names, [.. trees], source);
    }

    private static void Collect(JsonElement node, SortedDictionary<int, JsonElement> nodes)
    {
        nodes[node.GetProperty("nodeid").GetInt32()] = node;
        if (node.TryGetProperty("children", out JsonElement children))
        {
            foreach (JsonElement child in children.EnumerateArray())
            {
                Collect(child, nodes);
            }
        }
    }

    private static XgboostTree Check(XgboostTree tree, int features, int index, string? source)
    {
        int n = tree.NodeCount;
        if (n == 0 || tree.Right.Count != n || tree.Feature.Count != n || tree.Condition.Count != n || tree.DefaultLeft.Count != n)
        {
            throw new HepMlFormatException($"tree {index}: expected {n} entries in every node array", source);
        }

        var seen = new bool[n];
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            int node = stack.Pop();
            if (seen[node])
            {
                throw new HepMlFormatException($"tree {index}: node {node} is reached twice; the tree has a cycle", source);
            }

            seen[node] = true;
            if (tree.Left[node] < 0)
            {
                continue;
            }

            if ((uint)tree.Left[node] >= (uint)n || (uint)tree.Right[node] >= (uint)n)
            {
                throw new HepMlFormatException($"tree {index}: node {node} has children outside [0, {n})", source);
            }

            if ((uint)tree.Feature[node] >= (uint)features)
            {
                throw new HepMlFormatException($"tree {index}: node {node} splits on feature {tree.Feature[node]}; the model has {features}", source);
            }

            stack.Push(tree.Left[node]);
            stack.Push(tree.Right[node]);
        }

        return tree;
    }

    private static XgboostObjective ParseObjective(string name, string? source) => name switch
    {
        "binary:logistic" => XgboostObjective.BinaryLogistic,
        "binary:logitraw" => XgboostObjective.BinaryLogitRaw,
        "reg:squarederror" or "reg:linear" => XgboostObjective.SquaredError,
        "reg:logistic" => XgboostObjective.RegressionLogistic,
        _ => throw new UnsupportedFormatException(
            $"XGBoost objective '{name}' is not supported; binary:logistic, binary:logitraw, reg:squarederror and reg:logistic are", source),
    };

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static float ParseFloat(string text) => float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private void CheckLength(int length)
    {
        if (length < FeatureCount)
        {
            throw new ArgumentException($"the model has {FeatureCount} features; got {length} values", "features");
        }
    }
}
