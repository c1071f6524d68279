using System.Diagnostics;
using HepMl.Analysis.Data;
using HepMl.Analysis.Metrics;
using HepMl.Analysis.Transformations;
using HepMl.Io.Root.Writing;
using HepMl.Tmva.Factory.Trainers;
using HepMl.Tmva.Methods;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using HepMl.Tmva.Writing;

namespace HepMl.Tmva.Factory;

/// <summary>
/// TMVA's <c>Factory</c>: book methods on a data loader with TMVA option strings, train them (writing
/// <c>DATASET/weights/JOB_TITLE.weights.xml</c>), test and evaluate them, and write the output ROOT file with
/// <c>TrainTree</c> and <c>TestTree</c>. Evaluation runs HepMl's TMVA reader on the written files, so the numbers
/// describe exactly what a <c>TMVA::Reader</c> user gets.
/// </summary>
public sealed class TmvaFactory
{
    private static readonly string[] s_supported = ["BDT", "MLP", "Fisher", "LD", "Likelihood", "Cuts"];
    private readonly List<Booking> _bookings = [];
    private readonly TmvaFactoryOptions _options;

    /// <summary>Creates a factory (TMVA: <c>Factory(jobName, outputFile, options)</c>).</summary>
    /// <param name="jobName">The job name, used in file names.</param>
    /// <param name="factoryOptions">TMVA factory options: <c>V</c>, <c>Silent</c>, <c>Color</c>, <c>DrawProgressBar</c>,
    /// <c>Transformations</c> (plots only), <c>AnalysisType=Classification</c>.</param>
    /// <param name="options">Output directory, seed, threads, progress.</param>
    /// <exception cref="TmvaOptionException">An unknown option, or an analysis type other than classification.</exception>
    public TmvaFactory(string jobName, string factoryOptions = "", TmvaFactoryOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        JobName = jobName;
        _options = options ?? new TmvaFactoryOptions();
        new OptionBinder($"factory '{jobName}'")
            .Ignored("Transformations", "ModelPersistence", "Correlations", "ROC")
            .Fixed("AnalysisType", "Classification", "the factory trains two-class classifiers")
            .Apply(TmvaOptionString.Parse(factoryOptions, $"factory '{jobName}'"));
    }

    /// <summary>The job name.</summary>
    public string JobName { get; }

    /// <summary>Booked method titles in booking order.</summary>
    public IReadOnlyList<string> Methods => _bookings.Select(b => b.Title).ToArray();

    /// <summary>Books a method (TMVA: <c>BookMethod(loader, type, title, options)</c>); options are checked now.</summary>
    /// <param name="loader">The data loader whose sample the method trains on.</param>
    /// <param name="methodType">BDT, MLP, Fisher, LD, Likelihood or Cuts.</param>
    /// <param name="title">The method title (unique within the job).</param>
    /// <param name="options">TMVA option string, e.g. <c>"!H:!V:NTrees=850:MaxDepth=3:BoostType=AdaBoost"</c>.</param>
    /// <exception cref="TmvaOptionException">An unknown option or a bad value; the message names it.</exception>
    /// <exception cref="ArgumentException">An unsupported method type or a repeated title.</exception>
    public void BookMethod(TmvaDataLoader loader, string methodType, string title, string options)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentException.ThrowIfNullOrWhiteSpace(methodType);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (_bookings.Any(b => b.Title == title))
        {
            throw new ArgumentException($"a method titled '{title}' is already booked", nameof(title));
        }

        string context = $"{methodType}::{title}";
        var parsed = TmvaOptionString.Parse(options, context).ToList();
        string varTransform = "None";
        parsed.RemoveAll(o =>
        {
            if (string.Equals(o.Key, "VarTransform", StringComparison.OrdinalIgnoreCase))
            {
                varTransform = o.Value;
                return true;
            }

            return false;
        });
        IReadOnlyList<TransformationRequest> transformations = TmvaVarTransform.Parse(varTransform, loader.Variables, context);
        MethodTrainer trainer = methodType switch
        {
            "BDT" => new BdtTrainer(parsed, context),
            "MLP" => new MlpTrainer(parsed, context),
            "Fisher" => new LinearTrainer(true, parsed, context),
            "LD" => new LinearTrainer(false, parsed, context),
            "Likelihood" => new LikelihoodTrainer(parsed, context),
            "Cuts" => new CutsTrainer(parsed, context),
            _ => throw new ArgumentException(
                $"method type '{methodType}' is not supported by HepMl's factory; supported: {string.Join(", ", s_supported)}", nameof(methodType)),
        };
        _bookings.Add(new Booking(loader, title, trainer, varTransform, transformations));
    }

    /// <summary>Trains every booked method and writes its weight file (TMVA: <c>TrainAllMethods</c>).</summary>
    /// <exception cref="InvalidOperationException">No method is booked, or a loader's sample is not prepared.</exception>
    public void TrainAllMethods()
    {
        if (_bookings.Count == 0)
        {
            throw new InvalidOperationException($"factory '{JobName}' has no booked method");
        }

        for (int index = 0; index < _bookings.Count; index++)
        {
            Booking booking = _bookings[index];
            Dataset training = booking.Loader.Sample.Training;
            string message = $"{booking.Title}: training on {training.RowCount} events";
            double done = (double)index / _bookings.Count;
            _options.Progress?.Report(new TmvaProgress(message, done));
            var watch = Stopwatch.StartNew();
            TransformationChain chain = booking.Transformations.Count == 0
                ? TransformationChain.Identity(training.FeatureCount)
                : TransformationChain.Fit(training, booking.Transformations);
            Dataset transformed = chain.IsIdentity ? training : chain.Transform(training);
            IProgress<TmvaProgress>? sink = _options.Progress;
            var progress = sink is null ? null : new SynchronousProgress<double>(f => sink.Report(new TmvaProgress(message, done + (f / _bookings.Count))));
            var weights = booking.Trainer.Train(transformed, _options.Seed, progress);
            watch.Stop();

            var variables = new TmvaVariableInfo[training.FeatureCount];
            for (int j = 0; j < variables.Length; j++)
            {
                ReadOnlySpan<float> column = training.Column(j);
                variables[j] = TmvaHeader.Variable(j, training.FeatureNames[j], Min(column), Max(column));
            }

            var header = new TmvaHeader(booking.Trainer.MethodType, booking.Title, TmvaAnalysisType.Classification, variables)
            {
                ClassNames = ["Background", "Signal"],
                Spectators = booking.Loader.Spectators.Select((s, i) => TmvaHeader.Variable(i, s)).ToArray(),
                Options = [("VarTransform", booking.VarTransform), .. booking.Trainer.WrittenOptions],
                Transformations = chain.IsIdentity ? null : chain,
                TrainingEvents = training.RowCount,
                TrainingSeconds = watch.Elapsed.TotalSeconds,
                TmvaRelease = booking.Trainer.Release,
            };
            string path = Path.Combine(_options.OutputDirectory, booking.Loader.Name, "weights", $"{JobName}_{booking.Title}.weights.xml");
            TmvaWeightFileWriter.Save(TmvaWeightFileWriter.Build(header, weights), path);
            booking.WeightFile = path;
            booking.TrainingSeconds = watch.Elapsed.TotalSeconds;
            booking.Method = new TmvaReader().BookMva(booking.Title, path);
        }

        _options.Progress?.Report(new TmvaProgress("all methods trained", 1));
    }

    /// <summary>Evaluates every trained method on the training and test samples (TMVA: <c>TestAllMethods</c>).</summary>
    public void TestAllMethods()
    {
        foreach (Booking booking in _bookings)
        {
            TmvaBookedMethod method = booking.Method ?? throw new InvalidOperationException($"{booking.Title} is not trained; call TrainAllMethods first");
            if (method.Method is TmvaCuts)
            {
                continue;
            }

            booking.TrainingScores = Score(method, booking.Loader.Sample.Training);
            booking.TestScores = Score(method, booking.Loader.Sample.Test);
        }
    }

    /// <summary>
    /// Computes the evaluation of every method (TMVA: <c>EvaluateAllMethods</c>); with a figure of merit, also the
    /// response cut (and for Cuts methods the rectangular cut) that maximises it for the given yields.
    /// </summary>
    /// <param name="figureOfMerit">The figure to maximise, or null for none.</param>
    /// <param name="figureName">Its name for the report.</param>
    /// <param name="signalYield">Expected signal before cuts; null for the test sample's signal weight.</param>
    /// <param name="backgroundYield">Expected background before cuts; null for the test sample's background weight.</param>
    /// <param name="geneticRectangularSearch">Search the rectangular cut with the evolutionary refinement (else a random scan).</param>
    public TmvaTrainingReport EvaluateAllMethods(
        FigureOfMerit? figureOfMerit = null, string? figureName = null, double? signalYield = null, double? backgroundYield = null,
        bool geneticRectangularSearch = true)
    {
        if (_bookings.Count == 0 || _bookings.Any(b => b.Method is null))
        {
            throw new InvalidOperationException($"factory '{JobName}': train (and test) every method first");
        }

        TmvaDataLoader loader = _bookings[0].Loader;
        Dataset train = loader.Sample.Training, test = loader.Sample.Test;
        double s0 = signalYield ?? ClassWeight(test, 1), b0 = backgroundYield ?? ClassWeight(test, 0);
        var evaluations = new List<TmvaMethodEvaluation>();
        foreach (Booking booking in _bookings)
        {
            evaluations.Add(booking.Method!.Method is TmvaCuts
                ? EvaluateCuts(booking, figureOfMerit, s0, b0, geneticRectangularSearch)
                : EvaluateScores(booking, figureOfMerit, s0, b0));
        }

        var ranking = new List<(string, double)>();
        for (int j = 0; j < train.FeatureCount; j++)
        {
            ranking.Add((train.FeatureNames[j], Separation.Compute(train.Column(j), train.Labels, train.Weights)));
        }

        return new TmvaTrainingReport
        {
            JobName = JobName,
            Dataset = loader.Name,
            TrainingEvents = (Count(train, 1), Count(train, 0)),
            TestEvents = (Count(test, 1), Count(test, 0)),
            Variables = train.FeatureNames.ToArray(),
            InputRanking = ranking.OrderByDescending(r => r.Item2).ToArray(),
            Methods = evaluations.OrderByDescending(e => e.RocIntegral).ToArray(),
            FigureOfMerit = figureOfMerit is null ? null : figureName ?? "custom",
            SignalYield = s0,
            BackgroundYield = b0,
        };
    }

    /// <summary>
    /// Writes the output ROOT file TMVA's GUI reads: directory DATASET with <c>TrainTree</c> and <c>TestTree</c>
    /// holding <c>classID</c> (0 signal, 1 background), <c>className</c> (a C-string branch <c>className/C</c>:
    /// "Signal" or "Background", the dataset's class name of each event), <c>weight</c>, the variables, the
    /// spectators and each method's response (not for Cuts).
    /// </summary>
    public void WriteOutputFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_bookings.Any(b => b.Method is not TmvaBookedMethod { Method: TmvaCuts } && b.TestScores is null))
        {
            throw new InvalidOperationException("call TestAllMethods before writing the output file");
        }

        TmvaDataLoader loader = _bookings[0].Loader;
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using RootFileWriter file = RootFileWriter.Create(path, title: $"TMVA output of job {JobName}");
        RootDirectoryWriter folder = file.Root.Mkdir(loader.Name);
        WriteTree(folder, "TrainTree", loader.Sample.Training, loader.Sample.TrainingSpectators, loader, b => b.TrainingScores);
        WriteTree(folder, "TestTree", loader.Sample.Test, loader.Sample.TestSpectators, loader, b => b.TestScores);
    }

    private void WriteTree(RootDirectoryWriter folder, string name, Dataset data, IReadOnlyList<float[]> spectators, TmvaDataLoader loader, Func<Booking, double[]?> scores)
    {
        var branches = new List<RootBranchDefinition>
        {
            RootBranchDefinition.Scalar<int>("classID"),
            RootBranchDefinition.CString("className"),
            RootBranchDefinition.Scalar<float>("weight"),
        };
        var block = new RootTreeBlock(data.RowCount);
        int[] labels = data.Labels.ToArray();
        block.Add("classID", labels.Select(l => l == 1 ? 0 : 1).ToArray());
        block.Add("className", labels.Select(l => data.ClassNames[l]).ToArray());
        block.Add("weight", data.Weights.ToArray());
        var used = new HashSet<string>(StringComparer.Ordinal) { "classID", "className", "weight" };
        for (int j = 0; j < data.FeatureCount; j++)
        {
            string branch = Unique(TmvaHeader.Internal(data.FeatureNames[j]), used);
            branches.Add(RootBranchDefinition.Scalar<float>(branch));
            block.Add(branch, data.Column(j).ToArray());
        }

        for (int s = 0; s < spectators.Count; s++)
        {
            string branch = Unique(TmvaHeader.Internal(loader.Spectators[s]), used);
            branches.Add(RootBranchDefinition.Scalar<float>(branch));
            block.Add(branch, spectators[s]);
        }

        foreach (Booking booking in _bookings)
        {
            if (scores(booking) is double[] values)
            {
                string branch = Unique(TmvaHeader.Internal(booking.Title), used);
                branches.Add(RootBranchDefinition.Scalar<float>(branch));
                block.Add(branch, values.Select(v => (float)v).ToArray());
            }
        }

        RootTreeWriter tree = folder.CreateTree(name, name, branches);
        tree.Append(block);
        tree.Complete();
    }

    private TmvaMethodEvaluation EvaluateScores(Booking booking, FigureOfMerit? figure, double s0, double b0)
    {
        Dataset train = booking.Loader.Sample.Training, test = booking.Loader.Sample.Test;
        float[] testScores = booking.TestScores!.Select(v => (float)v).ToArray();
        float[] trainScores = booking.TrainingScores!.Select(v => (float)v).ToArray();
        RocCurve testRoc = RocCurve.Compute(testScores, test.Labels, test.Weights);
        RocCurve trainRoc = RocCurve.Compute(trainScores, train.Labels, train.Weights);
        return new TmvaMethodEvaluation
        {
            Title = booking.Title,
            MethodType = booking.Trainer.MethodType,
            WeightFile = booking.WeightFile!,
            TrainingSeconds = booking.TrainingSeconds,
            RocIntegral = testRoc.AreaUnderCurve,
            TrainingRocIntegral = trainRoc.AreaUnderCurve,
            SignalEfficiencyAtBackground = TmvaBackgroundEfficiencies.Standard.Select(testRoc.SignalEfficiencyAtBackgroundEfficiency).ToArray(),
            TrainingSignalEfficiencyAtBackground = TmvaBackgroundEfficiencies.Standard.Select(trainRoc.SignalEfficiencyAtBackgroundEfficiency).ToArray(),
            Separation = Separation.Compute(testScores, test.Labels, test.Weights),
            Significance = MeanSignificance(testScores, test),
            KolmogorovSmirnovSignal = KolmogorovSmirnovTest.Compute(Select(trainScores, train, 1), Select(testScores, test, 1)).PValue,
            KolmogorovSmirnovBackground = KolmogorovSmirnovTest.Compute(Select(trainScores, train, 0), Select(testScores, test, 0)).PValue,
            Ranking = booking.Trainer.Ranking?.OrderByDescending(r => r.Importance).ToArray() ?? [],
            OptimisedScoreCut = figure is null ? null : ScoreCutSearch.Optimise(testScores, test.Labels, test.Weights, figure, s0, b0),
        };
    }

    private TmvaMethodEvaluation EvaluateCuts(Booking booking, FigureOfMerit? figure, double s0, double b0, bool genetic)
    {
        TmvaBookedMethod method = booking.Method!;
        Dataset train = booking.Loader.Sample.Training, test = booking.Loader.Sample.Test;
        float[] rows = RowMajor(test);
        int n = test.FeatureCount;
        var points = new List<(double S, double B)> { (0, 0), (1, 1) };
        double totalS = ClassWeight(test, 1), totalB = ClassWeight(test, 0);
        ReadOnlySpan<int> labels = test.Labels;
        ReadOnlySpan<float> weights = test.Weights;
        var pass = new double[test.RowCount];
        for (int bin = 0; bin < 100; bin++)
        {
            method.EvaluateBatch(rows, pass, (bin + 0.5) / 100.0);
            double s = 0, b = 0;
            for (int i = 0; i < pass.Length; i++)
            {
                if (pass[i] == 1)
                {
                    if (labels[i] == 1)
                    {
                        s += weights[i];
                    }
                    else
                    {
                        b += weights[i];
                    }
                }
            }

            points.Add((s / totalS, b / totalB));
        }

        // The achievable ROC: for each background efficiency the best signal efficiency reached at or below it.
        var ordered = points.OrderBy(p => p.B).ThenByDescending(p => p.S).ToList();
        var frontier = new List<(double S, double B)>();
        foreach ((double S, double B) p in ordered)
        {
            if (frontier.Count == 0 || p.S > frontier[^1].S)
            {
                frontier.Add(p);
            }
        }

        double area = 0;
        for (int i = 1; i < frontier.Count; i++)
        {
            area += (frontier[i].B - frontier[i - 1].B) * (frontier[i].S + frontier[i - 1].S) * 0.5;
        }

        area += (1 - frontier[^1].B) * frontier[^1].S;
        double AtBackground(double target) => frontier.Where(p => p.B <= target).Select(p => p.S).DefaultIfEmpty(0).Max();
        OptimisedCut? rectangular = null;
        if (figure is not null)
        {
            Dataset trainTransformed = method.Transformations.IsIdentity ? train : Transform(method, train);
            Dataset testTransformed = method.Transformations.IsIdentity ? test : Transform(method, test);
            var trainSearch = new RectangularCutSearch(Columns(trainTransformed), trainTransformed.Labels.ToArray(), trainTransformed.Weights.ToArray());
            OptimisedCut best = trainSearch.Optimise(s0, b0, figure, 4000, genetic, 60, _options.Seed);
            var testSearch = new RectangularCutSearch(Columns(testTransformed), testTransformed.Labels.ToArray(), testTransformed.Weights.ToArray());
            (double es, double eb) = testSearch.Efficiencies(best.Window);
            rectangular = best with { SignalEfficiency = es, BackgroundEfficiency = eb, Signal = s0 * es, Background = b0 * eb, FigureOfMerit = figure(s0 * es, b0 * eb) };
        }

        return new TmvaMethodEvaluation
        {
            Title = booking.Title,
            MethodType = "Cuts",
            WeightFile = booking.WeightFile!,
            TrainingSeconds = booking.TrainingSeconds,
            RocIntegral = area,
            TrainingRocIntegral = double.NaN,
            SignalEfficiencyAtBackground = TmvaBackgroundEfficiencies.Standard.Select(AtBackground).ToArray(),
            OptimisedRectangularCut = rectangular,
        };
    }

    private static Dataset Transform(TmvaBookedMethod method, Dataset data) =>
        new TransformationChain(data.FeatureCount, method.Transformations.Steps).Transform(data);

    private static float[][] Columns(Dataset data) => Enumerable.Range(0, data.FeatureCount).Select(j => data.Column(j).ToArray()).ToArray();

    private static double MeanSignificance(float[] scores, Dataset data)
    {
        (double mean, double variance)[] moments = new (double, double)[2];
        for (int label = 0; label < 2; label++)
        {
            double sw = 0, sum = 0, squares = 0;
            for (int i = 0; i < scores.Length; i++)
            {
                if (data.Labels[i] == label)
                {
                    double w = data.Weights[i];
                    sw += w;
                    sum += w * scores[i];
                    squares += w * scores[i] * scores[i];
                }
            }

            double mean = sum / sw;
            moments[label] = (mean, Math.Max(0, (squares / sw) - (mean * mean)));
        }

        return Math.Abs(moments[1].mean - moments[0].mean) / Math.Sqrt(moments[0].variance + moments[1].variance);
    }

    private double[] Score(TmvaBookedMethod method, Dataset data)
    {
        var scores = new double[data.RowCount];
        method.EvaluateBatch(RowMajor(data), scores, maxDegreeOfParallelism: Math.Max(1, _options.Threads));
        return scores;
    }

    private static float[] RowMajor(Dataset data)
    {
        var rows = new float[(long)data.RowCount * data.FeatureCount];
        data.CopyRowMajor(rows);
        return rows;
    }

    private static float[] Select(float[] scores, Dataset data, int label) =>
        scores.Where((_, i) => data.Labels[i] == label).ToArray();

    private static double ClassWeight(Dataset data, int label)
    {
        double sum = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            if (data.Labels[i] == label)
            {
                sum += data.Weights[i];
            }
        }

        return sum;
    }

    private static int Count(Dataset data, int label)
    {
        int count = 0;
        foreach (int l in data.Labels)
        {
            count += l == label ? 1 : 0;
        }

        return count;
    }

    private static double Min(ReadOnlySpan<float> values)
    {
        float min = float.PositiveInfinity;
        foreach (float v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    private static double Max(ReadOnlySpan<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static string Unique(string name, HashSet<string> used)
    {
        string candidate = name;
        for (int k = 2; !used.Add(candidate); k++)
        {
            candidate = name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private sealed class Booking(TmvaDataLoader loader, string title, MethodTrainer trainer, string varTransform, IReadOnlyList<TransformationRequest> transformations)
    {
        public TmvaDataLoader Loader { get; } = loader;

        public string Title { get; } = title;

        public MethodTrainer Trainer { get; } = trainer;

        public string VarTransform { get; } = varTransform;

        public IReadOnlyList<TransformationRequest> Transformations { get; } = transformations;

        public string? WeightFile { get; set; }

        public double TrainingSeconds { get; set; }

        public TmvaBookedMethod? Method { get; set; }

        public double[]? TrainingScores { get; set; }

        public double[]? TestScores { get; set; }
    }
}
