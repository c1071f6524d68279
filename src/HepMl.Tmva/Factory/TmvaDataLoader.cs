using HepMl.Analysis.Data;
using HepMl.Analysis.Expressions;
using HepMl.Io;

namespace HepMl.Tmva.Factory;

/// <summary>
/// TMVA's <c>DataLoader</c>: declares the input variables and spectators (expressions over the sources' columns),
/// the signal and background sources with their weights and cuts, and splits the events into training and test
/// samples (<see cref="PrepareTrainingAndTestTree(string, string)"/>).
/// </summary>
public sealed class TmvaDataLoader
{
    private readonly List<string> _variables = [];
    private readonly List<string> _spectators = [];
    private readonly List<Source> _sources = [];
    private readonly Dictionary<int, string> _weightExpressions = [];
    private TmvaEventSample? _sample;

    /// <summary>Creates a loader; <paramref name="name"/> is the dataset name (the weights go to NAME/weights/).</summary>
    public TmvaDataLoader(string name = "dataset")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The dataset name.</summary>
    public string Name { get; }

    /// <summary>Variable expressions in declaration order.</summary>
    public IReadOnlyList<string> Variables => _variables;

    /// <summary>Spectator expressions.</summary>
    public IReadOnlyList<string> Spectators => _spectators;

    /// <summary>The prepared sample.</summary>
    /// <exception cref="InvalidOperationException">PrepareTrainingAndTestTree has not run.</exception>
    public TmvaEventSample Sample => _sample ?? throw new InvalidOperationException($"data loader '{Name}': call PrepareTrainingAndTestTree first");

    /// <summary>Declares an input variable (TMVA: <c>AddVariable("expression")</c>).</summary>
    /// <exception cref="ExpressionException">The expression does not parse.</exception>
    /// <exception cref="ArgumentException">It is already declared.</exception>
    public void AddVariable(string expression)
    {
        Expression.Parse(expression);
        if (_variables.Contains(expression) || _spectators.Contains(expression))
        {
            throw new ArgumentException($"'{expression}' is already declared", nameof(expression));
        }

        _variables.Add(expression);
        _sample = null;
    }

    /// <summary>Declares a spectator: carried into the output trees, never used for training.</summary>
    public void AddSpectator(string expression)
    {
        Expression.Parse(expression);
        _spectators.Add(expression);
        _sample = null;
    }

    /// <summary>Adds signal events (TMVA: <c>AddSignalTree(tree, weight, type)</c>).</summary>
    public void AddSignalTree(TmvaEventSource source, double weight = 1.0, TmvaTreeType type = TmvaTreeType.Both) =>
        AddSource(source, signal: true, weight, type);

    /// <summary>Adds background events (TMVA: <c>AddBackgroundTree</c>).</summary>
    public void AddBackgroundTree(TmvaEventSource source, double weight = 1.0, TmvaTreeType type = TmvaTreeType.Both) =>
        AddSource(source, signal: false, weight, type);

    /// <summary>Per-event weight expression of the signal (TMVA: <c>SetSignalWeightExpression</c>).</summary>
    public void SetSignalWeightExpression(string expression) => SetWeight(1, expression);

    /// <summary>Per-event weight expression of the background.</summary>
    public void SetBackgroundWeightExpression(string expression) => SetWeight(0, expression);

    /// <summary>Per-event weight expression of both classes (TMVA: <c>SetWeightExpression</c>).</summary>
    public void SetWeightExpression(string expression)
    {
        SetWeight(1, expression);
        SetWeight(0, expression);
    }

    /// <summary>Selects events with <paramref name="cut"/> (both classes) and splits them (TMVA: <c>PrepareTrainingAndTestTree(cut, options)</c>).</summary>
    public TmvaEventSample PrepareTrainingAndTestTree(string cut, string options) => PrepareTrainingAndTestTree(cut, cut, options);

    /// <summary>
    /// Selects signal and background events with their own cuts and splits them into training and test samples.
    /// </summary>
    /// <param name="signalCut">Selection of signal events ("" for all).</param>
    /// <param name="backgroundCut">Selection of background events.</param>
    /// <param name="options">TMVA split options: <c>SplitMode=Random|Alternate|Block</c>, <c>SplitSeed</c>,
    /// <c>nTrain_Signal</c>, <c>nTest_Signal</c>, <c>nTrain_Background</c>, <c>nTest_Background</c>,
    /// <c>NormMode=NumEvents|EqualNumEvents|None</c>, <c>MixMode</c>, <c>V</c>.</param>
    /// <exception cref="TmvaOptionException">An unknown option or a bad value.</exception>
    /// <exception cref="InvalidOperationException">No variables, no signal or no background source, or too few events.</exception>
    /// <exception cref="HepMlFormatException">A variable, weight or cut is NaN or infinite for an event.</exception>
    public TmvaEventSample PrepareTrainingAndTestTree(string signalCut, string backgroundCut, string options)
    {
        var split = TmvaSplitOptions.Parse(options, $"data loader '{Name}' PrepareTrainingAndTestTree");
        if (_variables.Count == 0)
        {
            throw new InvalidOperationException($"data loader '{Name}' has no variables; call AddVariable first");
        }

        if (!_sources.Any(s => s.Signal) || !_sources.Any(s => !s.Signal))
        {
            throw new InvalidOperationException($"data loader '{Name}' needs at least one signal and one background source");
        }

        ClassEvents signal = Collect(signal: true, signalCut);
        ClassEvents background = Collect(signal: false, backgroundCut);
        var random = new Random(split.Seed);
        (List<Event> signalTrain, List<Event> signalTest) = Split(signal, split.TrainSignal, split.TestSignal, split.Mode, random, "signal");
        (List<Event> backgroundTrain, List<Event> backgroundTest) = Split(background, split.TrainBackground, split.TestBackground, split.Mode, random, "background");

        double signalFactor = 1, backgroundFactor = 1;
        double signalSum = signalTrain.Sum(e => e.Weight), backgroundSum = backgroundTrain.Sum(e => e.Weight);
        if (split.Normalisation != "None")
        {
            if (!(signalSum > 0) || !(backgroundSum > 0))
            {
                throw new InvalidOperationException(
                    $"data loader '{Name}': the training weights sum to {signalSum} (signal) and {backgroundSum} (background); NormMode needs positive sums");
            }

            signalFactor = signalTrain.Count / signalSum;
            backgroundFactor = split.Normalisation == "EqualNumEvents" ? signalTrain.Count / backgroundSum : backgroundTrain.Count / backgroundSum;
        }

        _sample = new TmvaEventSample(
            Build(signalTrain, backgroundTrain, signalFactor, backgroundFactor, out float[][] trainSpectators),
            Build(signalTest, backgroundTest, signalFactor, backgroundFactor, out float[][] testSpectators),
            trainSpectators,
            testSpectators);
        return _sample;
    }

    private void AddSource(TmvaEventSource source, bool signal, double weight, TmvaTreeType type)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "the global weight of a source must be positive");
        }

        _sources.Add(new Source(source, signal, weight, type));
        _sample = null;
    }

    private void SetWeight(int label, string expression)
    {
        Expression.Parse(expression);
        _weightExpressions[label] = expression;
        _sample = null;
    }

    private ClassEvents Collect(bool signal, string cut)
    {
        var both = new List<Event>();
        var training = new List<Event>();
        var testing = new List<Event>();
        Expression[] variables = _variables.Select(Expression.Parse).ToArray();
        Expression[] spectators = _spectators.Select(Expression.Parse).ToArray();
        Expression? weight = _weightExpressions.TryGetValue(signal ? 1 : 0, out string? w) ? Expression.Parse(w) : null;
        Expression? selection = string.IsNullOrWhiteSpace(cut) ? null : Expression.Parse(cut);
        foreach (Source source in _sources.Where(s => s.Signal == signal))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (Expression e in variables.Concat(spectators).Append(weight).Append(selection).OfType<Expression>())
            {
                names.UnionWith(e.Variables);
            }

            IReadOnlyDictionary<string, float[]> columns = source.Events.ReadColumns(names);
            int rows = columns.Count == 0 ? 0 : columns.Values.First().Length;
            float[][] values = variables.Select(e => Evaluate(e, columns, rows)).ToArray();
            float[][] spectatorValues = spectators.Select(e => Evaluate(e, columns, rows)).ToArray();
            float[]? weights = weight is null ? null : Evaluate(weight, columns, rows);
            float[]? pass = selection is null ? null : Evaluate(selection, columns, rows);
            List<Event> into = source.Type switch { TmvaTreeType.Training => training, TmvaTreeType.Testing => testing, _ => both };
            for (int i = 0; i < rows; i++)
            {
                if (pass is not null && !(pass[i] != 0))
                {
                    continue;
                }

                var features = new float[variables.Length];
                for (int j = 0; j < variables.Length; j++)
                {
                    features[j] = values[j][i];
                    if (!float.IsFinite(features[j]))
                    {
                        throw new HepMlFormatException(
                            $"variable '{_variables[j]}' is {features[j]} in event {i}; TMVA variables must be finite (cut such events away)",
                            source.Events.Description);
                    }
                }

                double eventWeight = source.Weight * (weights?[i] ?? 1f);
                if (!double.IsFinite(eventWeight))
                {
                    throw new HepMlFormatException($"the weight of event {i} is {eventWeight}", source.Events.Description);
                }

                into.Add(new Event(features, spectatorValues.Select(s => s[i]).ToArray(), eventWeight));
            }
        }

        return new ClassEvents(both, training, testing);
    }

    private static float[] Evaluate(Expression expression, IReadOnlyDictionary<string, float[]> columns, int rows)
    {
        var destination = new float[rows];
        var inputs = expression.Variables.Select(v => (ReadOnlyMemory<float>)columns[v]).ToArray();
        if (expression.IsConstant)
        {
            destination.AsSpan().Fill((float)expression.Evaluate([]));
            return destination;
        }

        expression.Evaluate(inputs, destination);
        return destination;
    }

    private (List<Event> Train, List<Event> Test) Split(ClassEvents events, int nTrain, int nTest, string mode, Random random, string what)
    {
        List<Event> pool = events.Both;
        int available = pool.Count;
        if (nTrain == 0 && nTest == 0)
        {
            nTrain = available / 2;
            nTest = available - nTrain;
        }
        else if (nTest == 0)
        {
            nTest = available - nTrain;
        }
        else if (nTrain == 0)
        {
            nTrain = available - nTest;
        }

        if (nTrain < 0 || nTest < 0 || nTrain + nTest > available)
        {
            throw new InvalidOperationException(
                $"data loader '{Name}': {nTrain} training and {nTest} test {what} events were asked for; {available} pass the cuts");
        }

        var order = Enumerable.Range(0, available).ToArray();
        switch (mode)
        {
            case "Random":
                random.Shuffle(order);
                break;
            case "Alternate":
                // Training and test events alternate while both still need events.
                var train = new List<int>();
                var test = new List<int>();
                for (int i = 0; i < available; i++)
                {
                    bool toTrain = train.Count < nTrain && (test.Count >= nTest || i % 2 == 0);
                    if (toTrain)
                    {
                        train.Add(i);
                    }
                    else if (test.Count < nTest)
                    {
                        test.Add(i);
                    }
                }

                order = [.. train, .. test];
                break;
        }

        List<Event> trainEvents = [.. events.Training, .. order.Take(nTrain).Select(i => pool[i])];
        List<Event> testEvents = [.. events.Testing, .. order.Skip(nTrain).Take(nTest).Select(i => pool[i])];
        if (trainEvents.Count == 0 || testEvents.Count == 0)
        {
            throw new InvalidOperationException($"data loader '{Name}': no {what} events left for {(trainEvents.Count == 0 ? "training" : "testing")}");
        }

        return (trainEvents, testEvents);
    }

    private Dataset Build(List<Event> signal, List<Event> background, double signalFactor, double backgroundFactor, out float[][] spectators)
    {
        int n = signal.Count + background.Count;
        var columns = new float[_variables.Count][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = new float[n];
        }

        spectators = new float[_spectators.Count][];
        for (int s = 0; s < spectators.Length; s++)
        {
            spectators[s] = new float[n];
        }

        var labels = new int[n];
        var weights = new float[n];
        int row = 0;
        foreach ((List<Event> list, int label, double factor) in new[] { (signal, 1, signalFactor), (background, 0, backgroundFactor) })
        {
            foreach (Event e in list)
            {
                for (int j = 0; j < columns.Length; j++)
                {
                    columns[j][row] = e.Features[j];
                }

                for (int s = 0; s < spectators.Length; s++)
                {
                    spectators[s][row] = e.Spectators[s];
                }

                labels[row] = label;
                weights[row] = (float)(e.Weight * factor);
                row++;
            }
        }

        return new Dataset(_variables, columns, labels, weights, classNames: ["Background", "Signal"]);
    }

    private sealed record Source(TmvaEventSource Events, bool Signal, double Weight, TmvaTreeType Type);

    private sealed record Event(float[] Features, float[] Spectators, double Weight);

    private sealed record ClassEvents(List<Event> Both, List<Event> Training, List<Event> Testing);
}
