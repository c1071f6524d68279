using System.Globalization;
using System.Text.Json.Nodes;
using HepMl.Io;
using HepMl.Tmva.Factory;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HepMl.Tmva.Jobs;

/// <summary>
/// A TMVA-style training job described in YAML (what <c>hepml train JOB.yaml</c> runs): inputs, variables, weights,
/// cuts, the split, the methods with TMVA option strings, optional cross-validation and significance-optimised
/// cuts. The format is documented in <c>docs/tmva.md</c>; unknown keys are errors naming the key and line.
/// </summary>
public sealed record TmvaJob
{
    private static readonly string[] s_keys =
    [
        "job", "output", "dataset", "seed", "threads", "variables", "spectators", "signal", "background", "input", "class",
        "weight", "signalWeight", "backgroundWeight", "cut", "signalCut", "backgroundCut", "split", "factory", "methods",
        "significance", "crossValidation", "example",
    ];

    /// <summary>Job name.</summary>
    public string Name { get; init; } = "TMVAClassification";

    /// <summary>Output directory.</summary>
    public string OutputDirectory { get; init; } = "tmva-output";

    /// <summary>Dataset name (the weights go to OUTPUT/DATASET/weights).</summary>
    public string Dataset { get; init; } = "dataset";

    /// <summary>Seed of random choices.</summary>
    public int Seed { get; init; } = 20240611;

    /// <summary>Evaluation threads (0: all cores).</summary>
    public int Threads { get; init; }

    /// <summary>Variable expressions.</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>Spectator expressions.</summary>
    public IReadOnlyList<string> Spectators { get; init; } = [];

    /// <summary>Signal sources (<c>FILE[:OBJECT]</c>) with global weights.</summary>
    public IReadOnlyList<(string Source, double Weight)> Signal { get; init; } = [];

    /// <summary>Background sources.</summary>
    public IReadOnlyList<(string Source, double Weight)> Background { get; init; } = [];

    /// <summary>A single source holding both classes, split by <see cref="ClassExpression"/>.</summary>
    public string? Input { get; init; }

    /// <summary>With <see cref="Input"/>: the expression true for signal events.</summary>
    public string? ClassExpression { get; init; }

    /// <summary>Per-event weight expression of the signal.</summary>
    public string? SignalWeight { get; init; }

    /// <summary>Per-event weight expression of the background.</summary>
    public string? BackgroundWeight { get; init; }

    /// <summary>Selection of signal events.</summary>
    public string SignalCut { get; init; } = "";

    /// <summary>Selection of background events.</summary>
    public string BackgroundCut { get; init; } = "";

    /// <summary>TMVA split options (<c>PrepareTrainingAndTestTree</c>).</summary>
    public string Split { get; init; } = "SplitMode=Random:NormMode=NumEvents:!V";

    /// <summary>TMVA factory options.</summary>
    public string FactoryOptions { get; init; } = "!V:!Silent:AnalysisType=Classification";

    /// <summary>The methods.</summary>
    public IReadOnlyList<TmvaJobMethod> Methods { get; init; } = [];

    /// <summary>The optimised-cut settings, or null.</summary>
    public TmvaJobSignificance? Significance { get; init; }

    /// <summary>Number of cross-validation folds (0: none).</summary>
    public int CrossValidationFolds { get; init; }

    /// <summary>Events per class of the built-in generated sample, or 0 when the job reads files.</summary>
    public int ExampleEvents { get; init; }

    /// <summary>The built-in example (<c>hepml train --example</c>): the generated H→bb-like sample of
    /// <see cref="TmvaExampleData"/>, half of each class for training, six methods (BDTG, BDT, MLP, Likelihood, Fisher,
    /// Cuts) and cuts optimised for the Asimov significance with a 10 % background uncertainty at S = 30, B = 800.</summary>
    /// <param name="outputDirectory">Where the outputs go.</param>
    /// <param name="events">Generated events per class (at least 100).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is below 100.</exception>
    public static TmvaJob Example(string outputDirectory = "tmva-example", int events = 4000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 100);
        return ExampleJob(outputDirectory, events);
    }

    private static TmvaJob ExampleJob(string outputDirectory, int events) => new()
    {
        Name = "TMVAExample",
        OutputDirectory = outputDirectory,
        Variables = TmvaExampleData.Variables,
        Spectators = [],
        ExampleEvents = events,
        SignalWeight = "w",
        BackgroundWeight = "w",
        SignalCut = "pt_bb > 35",
        BackgroundCut = "pt_bb > 35",
        Split = string.Create(CultureInfo.InvariantCulture, $"SplitMode=Random:nTrain_Signal={events / 2}:nTrain_Background={events / 2}:NormMode=NumEvents:!V"),
        Methods =
        [
            new TmvaJobMethod("BDT", "BDTG", "!H:!V:NTrees=300:MinNodeSize=2.5%:BoostType=Grad:Shrinkage=0.10:UseBaggedBoost:BaggedSampleFraction=0.5:nCuts=20:MaxDepth=3"),
            new TmvaJobMethod("BDT", "BDT", "!H:!V:NTrees=300:MinNodeSize=2.5%:MaxDepth=3:BoostType=AdaBoost:AdaBoostBeta=0.5:UseBaggedBoost:BaggedSampleFraction=0.5:SeparationType=GiniIndex:nCuts=20"),
            new TmvaJobMethod("MLP", "MLP", "!H:!V:NeuronType=tanh:VarTransform=N:NCycles=60:HiddenLayers=N+5:TestRate=5"),
            new TmvaJobMethod("Likelihood", "Likelihood", "!H:!V:TransformOutput:PDFInterpol=Spline2:NSmooth=1:NAvEvtPerBin=50"),
            new TmvaJobMethod("Fisher", "Fisher", "!H:!V:VarTransform=D"),
            new TmvaJobMethod("Cuts", "Cuts", "!H:!V:FitMethod=GA:SampleSize=2000:Steps=20"),
        ],
        Significance = new TmvaJobSignificance("asimov", 30, 800, 0.1, Genetic: true),
    };

    /// <summary>Reads a YAML job file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMlFormatException">The YAML is malformed, a key is unknown or a value has the wrong type; the message gives the line.</exception>
    public static TmvaJob Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the job file {path} does not exist", path);
        }

        TmvaJob job = Parse(File.ReadAllText(path), path);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string Resolve(string source) => Path.IsPathRooted(source) ? source : Path.Combine(directory, source);
        return job with
        {
            Signal = job.Signal.Select(s => (Resolve(s.Source), s.Weight)).ToArray(),
            Background = job.Background.Select(s => (Resolve(s.Source), s.Weight)).ToArray(),
            Input = job.Input is null ? null : Resolve(job.Input),
        };
    }

    /// <summary>Parses YAML text.</summary>
    /// <exception cref="HepMlFormatException">The YAML is malformed, a key is unknown or a value has the wrong type.</exception>
    public static TmvaJob Parse(string yaml, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            throw new HepMlFormatException($"expected a YAML job; {error.Message}", sourceName, objectPath: $"line {error.Start.Line}", innerException: error);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new HepMlFormatException("expected a YAML mapping (key: value) at the top of the job", sourceName);
        }

        var reader = new YamlReader(sourceName);
        foreach (var (key, _) in root.Children)
        {
            string name = reader.Scalar(key, "key");
            if (!s_keys.Contains(name, StringComparer.Ordinal))
            {
                throw reader.Error(key, $"unknown key '{name}'; expected one of {string.Join(", ", s_keys)}");
            }
        }

        YamlNode? Get(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;
        string? Text(string key) => Get(key) is YamlNode n ? reader.Scalar(n, key) : null;
        int ExampleEvents()
        {
            YamlNode? node = Get("example");
            if (node is null)
            {
                return 0;
            }

            string value = reader.Scalar(node, "example");
            return value is "true" or "True" ? 4000 : value is "false" or "False" ? 0 : reader.Integer(node, "example", 10);
        }

        string? weight = Text("weight"), cut = Text("cut");
        var job = new TmvaJob
        {
            Name = Text("job") ?? "TMVAClassification",
            OutputDirectory = Text("output") ?? "tmva-output",
            Dataset = Text("dataset") ?? "dataset",
            Seed = Get("seed") is YamlNode seed ? reader.Integer(seed, "seed", int.MinValue) : 20240611,
            Threads = Get("threads") is YamlNode threads ? reader.Integer(threads, "threads", 0) : 0,
            Variables = Get("variables") is YamlNode v ? reader.List(v, "variables") : [],
            Spectators = Get("spectators") is YamlNode s ? reader.List(s, "spectators") : [],
            Signal = Get("signal") is YamlNode sig ? reader.Sources(sig, "signal") : [],
            Background = Get("background") is YamlNode bkg ? reader.Sources(bkg, "background") : [],
            Input = Text("input"),
            ClassExpression = Text("class"),
            SignalWeight = Text("signalWeight") ?? weight,
            BackgroundWeight = Text("backgroundWeight") ?? weight,
            SignalCut = Text("signalCut") ?? cut ?? "",
            BackgroundCut = Text("backgroundCut") ?? cut ?? "",
            Split = Get("split") is YamlNode split ? reader.Options(split, "split") : "SplitMode=Random:NormMode=NumEvents:!V",
            FactoryOptions = Get("factory") is YamlNode factory ? reader.Options(factory, "factory") : "!V:!Silent:AnalysisType=Classification",
            Methods = Get("methods") is YamlNode methods ? reader.Methods(methods) : [],
            Significance = Get("significance") is YamlNode significance ? reader.Significance(significance) : null,
            CrossValidationFolds = Get("crossValidation") is YamlNode cv ? reader.Folds(cv) : 0,
            ExampleEvents = ExampleEvents(),
        };
        job.Validate(reader, root);
        job.CheckOptions();
        return job;
    }

    /// <summary>Checks every TMVA option string of the job (factory, split, each method with its VarTransform) without
    /// reading data, so a misspelt option fails before any file is opened.</summary>
    /// <exception cref="TmvaOptionException">An unknown option or a bad value; the message names the method and option.</exception>
    /// <exception cref="ArgumentException">An unsupported method type or a repeated title.</exception>
    public void CheckOptions()
    {
        TmvaSplitOptions.Parse(Split, $"job '{Name}' split");
        var loader = new TmvaDataLoader(Dataset);
        foreach (string variable in Variables)
        {
            loader.AddVariable(variable);
        }

        var factory = new TmvaFactory(Name, FactoryOptions);
        Book(factory, loader);
    }

    /// <summary>Runs the job: prepares the data, trains, tests and evaluates every method, optionally cross-validates,
    /// writes the weight files, the output ROOT file and the JSON summary.</summary>
    /// <param name="figures">Resolves <see cref="TmvaJobSignificance.Figure"/> (and the relative background uncertainty)
    /// to a figure of merit; the <c>hepml</c> tool passes HepMl.Physics' significance formulas.</param>
    /// <param name="progress">Receives progress (message and fraction of the job done) on the running thread, or null.</param>
    /// <exception cref="ArgumentException">The figure of merit is needed but cannot be resolved.</exception>
    public TmvaJobResult Run(Func<string, double, FigureOfMerit>? figures, IProgress<TmvaProgress>? progress = null)
    {
        TmvaDataLoader loader = BuildLoader();
        progress?.Report(new TmvaProgress($"{Name}: preparing training and test samples", 0));
        (string signalCut, string backgroundCut) = ClassCuts();
        loader.PrepareTrainingAndTestTree(signalCut, backgroundCut, Split);
        var options = new TmvaFactoryOptions
        {
            OutputDirectory = OutputDirectory,
            Seed = Seed,
            Threads = Threads > 0 ? Threads : Environment.ProcessorCount,
        };
        double trainingShare = 0.9 / (1 + Math.Max(0, CrossValidationFolds > 1 ? CrossValidationFolds : 0));
        options = options with { Progress = TmvaProgress.Within(progress, 0, trainingShare) };
        var factory = new TmvaFactory(Name, FactoryOptions, options);
        Book(factory, loader);
        factory.TrainAllMethods();
        progress?.Report(new TmvaProgress($"{Name}: testing and evaluating", trainingShare));
        factory.TestAllMethods();
        FigureOfMerit? figure = null;
        if (Significance is not null)
        {
            figure = figures?.Invoke(Significance.Figure, Significance.BackgroundUncertainty)
                ?? throw new ArgumentException($"the job asks for the figure of merit '{Significance.Figure}' but none can be resolved");
        }

        TmvaTrainingReport report = factory.EvaluateAllMethods(
            figure, Significance is null ? null : FigureName(Significance), Significance?.SignalYield, Significance?.BackgroundYield,
            Significance?.Genetic ?? true);
        string output = Path.Combine(OutputDirectory, $"{Name}.root");
        factory.WriteOutputFile(output);
        report = report with { OutputFile = output };

        IReadOnlyList<TmvaCrossValidationResult>? crossValidation = null;
        if (CrossValidationFolds > 1)
        {
            crossValidation = TmvaCrossValidation.Run(
                loader, CrossValidationFolds, Book, options with { Progress = TmvaProgress.Within(progress, trainingShare, 0.9 - trainingShare, "cross-validation ") }, Seed);
        }

        string summary = Path.Combine(OutputDirectory, $"{Name}_summary.json");
        JsonObject json = report.ToJson();
        if (crossValidation is not null)
        {
            json["crossValidation"] = new JsonArray(crossValidation.Select(r => (JsonNode)new JsonObject
            {
                ["title"] = r.Title,
                ["folds"] = new JsonArray(r.FoldRocIntegrals.Select(v => (JsonNode)v).ToArray()),
                ["meanRocIntegral"] = r.MeanRocIntegral,
                ["standardDeviation"] = r.StandardDeviation,
            }).ToArray());
        }

        Directory.CreateDirectory(OutputDirectory);
        File.WriteAllText(summary, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        progress?.Report(new TmvaProgress($"{Name}: done", 1));
        return new TmvaJobResult(report, crossValidation, summary, output);
    }

    /// <summary>A human name for the figure of merit.</summary>
    public static string FigureName(TmvaJobSignificance significance) => significance.Figure switch
    {
        "s_over_sqrt_b" => "S/√B",
        "s_over_sqrt_s_plus_b" => "S/√(S+B)",
        "asimov" when significance.BackgroundUncertainty > 0 => $"Asimov Z (σB = {significance.BackgroundUncertainty.ToString("0.###", CultureInfo.InvariantCulture)} B)",
        "asimov" => "Asimov Z",
        _ => significance.Figure,
    };

    private void Book(TmvaFactory factory, TmvaDataLoader loader)
    {
        foreach (TmvaJobMethod method in Methods)
        {
            factory.BookMethod(loader, method.Type, method.Title, method.Options);
        }
    }

    private TmvaDataLoader BuildLoader()
    {
        var loader = new TmvaDataLoader(Dataset);
        foreach (string variable in Variables)
        {
            loader.AddVariable(variable);
        }

        foreach (string spectator in Spectators)
        {
            loader.AddSpectator(spectator);
        }

        if (ExampleEvents > 0)
        {
            loader.AddSignalTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(true, ExampleEvents, Seed), "generated signal"));
            loader.AddBackgroundTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(false, ExampleEvents, Seed), "generated background"));
        }

        foreach ((string source, double weight) in Signal)
        {
            loader.AddSignalTree(TmvaEventSource.Open(source), weight);
        }

        foreach ((string source, double weight) in Background)
        {
            loader.AddBackgroundTree(TmvaEventSource.Open(source), weight);
        }

        if (Input is not null)
        {
            TmvaEventSource both = TmvaEventSource.Open(Input);
            loader.AddSignalTree(both);
            loader.AddBackgroundTree(both);
        }

        if (SignalWeight is not null)
        {
            loader.SetSignalWeightExpression(SignalWeight);
        }

        if (BackgroundWeight is not null)
        {
            loader.SetBackgroundWeightExpression(BackgroundWeight);
        }

        return loader;
    }

    private void Validate(YamlReader reader, YamlMappingNode root)
    {
        if (Variables.Count == 0)
        {
            throw reader.Error(root, "the job declares no variables (key 'variables')");
        }

        if (Methods.Count == 0)
        {
            throw reader.Error(root, "the job books no methods (key 'methods')");
        }

        bool files = Signal.Count > 0 || Background.Count > 0;
        if (ExampleEvents == 0 && Input is null && (Signal.Count == 0 || Background.Count == 0))
        {
            throw reader.Error(root, "the job needs 'signal' and 'background' sources, an 'input' with a 'class' expression, or 'example: true'");
        }

        if (Input is not null && (ClassExpression is null || files))
        {
            throw reader.Error(root, "'input' needs a 'class' expression (true for signal) and excludes 'signal'/'background'");
        }

        if (ClassExpression is not null && Input is null)
        {
            throw reader.Error(root, "'class' applies to a single 'input' source");
        }
    }

    /// <summary>The selections implied by 'input' + 'class': signal = class and cut, background = !class and cut.</summary>
    internal (string Signal, string Background) ClassCuts() =>
        ClassExpression is null ? (SignalCut, BackgroundCut) : (Combine(SignalCut, ClassExpression), Combine(BackgroundCut, $"!({ClassExpression})"));

    private static string Combine(string cut, string extra) => string.IsNullOrWhiteSpace(cut) ? extra : $"({cut}) && ({extra})";
}
