using HepMl.Analysis.Data;
using HepMl.Analysis.Trees.Internal;

namespace HepMl.Analysis.Trees;

/// <summary>
/// A trained forest of decision trees: gradient-boosted (XGBoost/LightGBM style) or TMVA-style (AdaBoost,
/// RealAdaBoost, Bagging, Grad). Scores single events without allocating and batches in parallel; saves to and
/// loads from HepMl's own format (<c>docs/bdt-format.md</c>).
/// </summary>
/// <remarks>
/// The trees keep TMVA's node data (cut variable, cut value, cut direction, purity, response, node type, boost
/// weight per tree), so a forest can be written as a TMVA weight file; <see cref="Output"/> says how the trees
/// combine. Scoring runs on a flattened copy of the trees built on first use: trees no deeper than 10 become
/// complete binary trees walked without branches, several events at a time.
/// </remarks>
public sealed partial class BoostedDecisionTrees
{
    private readonly string[] _featureNames;
    private readonly DecisionTree[] _trees;
    private readonly double[] _baseScores;
    private CompiledForest? _compiled;

    /// <summary>Assembles a forest from trained (or read) trees.</summary>
    /// <param name="featureNames">Names of the input features, in the order the trees index them.</param>
    /// <param name="task">What the forest predicts.</param>
    /// <param name="classCount">Number of classes (2 for binary classification, K for multi-class, 0 for regression).</param>
    /// <param name="output">How the trees' leaf values combine.</param>
    /// <param name="trees">The trees; for <see cref="ForestOutput.Softmax"/> tree t scores class t mod K.</param>
    /// <param name="baseScores">Initial margin per output (K for softmax, else 1); null for zeros.</param>
    /// <param name="history">The training history, if any.</param>
    /// <exception cref="ArgumentException">The pieces do not fit together (a tree cuts on a missing feature, the
    /// output does not suit the task, tree classes do not cycle through the classes, ...).</exception>
    public BoostedDecisionTrees(
        IReadOnlyList<string> featureNames,
        LearningTask task,
        int classCount,
        ForestOutput output,
        IReadOnlyList<DecisionTree> trees,
        IReadOnlyList<double>? baseScores = null,
        TrainingHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(trees);
        _featureNames = [.. featureNames];
        _trees = [.. trees];
        Task = task;
        Output = output;
        ClassCount = classCount;
        History = history;
        CheckTaskAndOutput(task, classCount, output);
        OutputCount = output == ForestOutput.Softmax ? classCount : 1;
        _baseScores = baseScores is null ? new double[OutputCount] : [.. baseScores];
        if (_baseScores.Length != OutputCount)
        {
            throw new ArgumentException($"{_baseScores.Length} base scores for {OutputCount} outputs", nameof(baseScores));
        }

        if (output == ForestOutput.Softmax && _trees.Length % classCount != 0)
        {
            throw new ArgumentException($"{_trees.Length} trees is not a whole number of rounds of {classCount} classes", nameof(trees));
        }

        for (int t = 0; t < _trees.Length; t++)
        {
            DecisionTree tree = _trees[t] ?? throw new ArgumentNullException(nameof(trees), $"tree {t} is null");
            int expectedClass = output == ForestOutput.Softmax ? t % classCount : 0;
            if (tree.ClassIndex != expectedClass)
            {
                throw new ArgumentException($"tree {t} scores class {tree.ClassIndex}; expected {expectedClass}", nameof(trees));
            }

            foreach (DecisionTreeNode node in tree.Nodes)
            {
                if (node.Left >= 0 && node.Feature >= _featureNames.Length)
                {
                    throw new ArgumentException(
                        $"tree {t} cuts on feature {node.Feature} but the forest has {_featureNames.Length} features", nameof(trees));
                }
            }
        }
    }

    /// <summary>Names of the input features, in the order scoring expects them.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Number of input features.</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>What the forest predicts.</summary>
    public LearningTask Task { get; }

    /// <summary>Number of classes (0 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>How the trees combine into the score.</summary>
    public ForestOutput Output { get; }

    /// <summary>Number of values scored per event: K for multi-class, else 1.</summary>
    public int OutputCount { get; }

    /// <summary>The trees in boosting order.</summary>
    public IReadOnlyList<DecisionTree> Trees => _trees;

    /// <summary>Initial margin per output (added before the link function).</summary>
    public IReadOnlyList<double> BaseScores => _baseScores;

    /// <summary>Number of boosting rounds (trees per round: K for multi-class, else 1).</summary>
    public int RoundCount => _trees.Length / TreesPerRound;

    /// <summary>The training history, or null for a forest assembled from trees.</summary>
    public TrainingHistory? History { get; }

    /// <summary>Threads used by batch scoring; 0 (default) uses every processor.</summary>
    public int ScoringThreadCount { get; set; }

    internal int TreesPerRound => Output == ForestOutput.Softmax ? ClassCount : 1;

    internal CompiledForest Compiled => _compiled ??= CompiledForest.Build(this);

    /// <summary>Scores one event (binary classification or regression).</summary>
    /// <param name="features">The event's feature values, in <see cref="FeatureNames"/> order; NaN is a missing value.</param>
    /// <param name="rounds">Use only the first <paramref name="rounds"/> boosting rounds; 0 for all.</param>
    /// <returns>The probability (logistic), the TMVA MVA value in [-1, 1], or the regression value.</returns>
    /// <exception cref="InvalidOperationException">The forest is multi-class (use the span overload).</exception>
    /// <exception cref="ArgumentException">Too few feature values, or <paramref name="rounds"/> out of range.</exception>
    public float Score(ReadOnlySpan<float> features, int rounds = 0)
    {
        if (OutputCount != 1)
        {
            throw new InvalidOperationException($"the forest has {OutputCount} outputs; use Score(features, destination)");
        }

        Span<float> result = stackalloc float[1];
        Score(features, result, rounds);
        return result[0];
    }

    /// <summary>Scores one event into <paramref name="destination"/> (<see cref="OutputCount"/> values; class
    /// probabilities for multi-class forests). Does not allocate.</summary>
    /// <exception cref="ArgumentException">Too few feature values, a short destination, or <paramref name="rounds"/> out of range.</exception>
    public void Score(ReadOnlySpan<float> features, Span<float> destination, int rounds = 0) =>
        ScoreOne(features, destination, rounds, raw: false);

    /// <summary>Raw score of one event: the margin before the link function (see <see cref="RawScore(Dataset, int)"/>).</summary>
    public void RawScore(ReadOnlySpan<float> features, Span<float> destination, int rounds = 0) =>
        ScoreOne(features, destination, rounds, raw: true);

    /// <summary>Scores every event of <paramref name="data"/>; features are matched by name.</summary>
    /// <returns><c>RowCount * OutputCount</c> values, event-major.</returns>
    /// <exception cref="ArgumentException">The dataset lacks a feature of the forest, or <paramref name="rounds"/> is out of range.</exception>
    public float[] Score(Dataset data, int rounds = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new float[(long)data.RowCount * OutputCount];
        Score(data, result, rounds);
        return result;
    }

    /// <summary>Scores every event of <paramref name="data"/> into <paramref name="destination"/> (event-major).</summary>
    public void Score(Dataset data, Span<float> destination, int rounds = 0) =>
        ScoreDataset(data, destination, rounds, raw: false);

    /// <summary>
    /// Raw scores: the margin b + Σ v_t for logistic, softmax and sum outputs, Σ v_t for TMVA Grad, and the weighted
    /// average itself for TMVA AdaBoost/Bagging.
    /// </summary>
    public float[] RawScore(Dataset data, int rounds = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new float[(long)data.RowCount * OutputCount];
        ScoreDataset(data, result, rounds, raw: true);
        return result;
    }

    /// <summary>Scores row-major features (<c>rowCount * FeatureCount</c> values, in <see cref="FeatureNames"/> order).</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="FeatureCount"/>, or the destination is short.</exception>
    public void ScoreRowMajor(ReadOnlySpan<float> features, Span<float> destination, int rounds = 0)
    {
        if (FeatureCount == 0 || features.Length % FeatureCount != 0)
        {
            throw new ArgumentException(
                $"{features.Length} values are not a whole number of events of {FeatureCount} features", nameof(features));
        }

        int rows = features.Length / FeatureCount;
        CheckDestination(destination, (long)rows * OutputCount);
        Compiled.ScoreRowMajor(features, rows, destination, TreeCountFor(rounds), raw: false, ThreadCount());
    }

    /// <summary>Scores <paramref name="data"/> after each of the given numbers of rounds, in one pass over the trees
    /// (staged prediction, as XGBoost's <c>iteration_range</c> or scikit-learn's <c>staged_predict_proba</c>).</summary>
    /// <param name="data">The events.</param>
    /// <param name="rounds">Round counts, each in 1..<see cref="RoundCount"/>.</param>
    /// <returns>One event-major score array per entry of <paramref name="rounds"/>.</returns>
    public float[][] ScoreStaged(Dataset data, ReadOnlySpan<int> rounds)
    {
        ArgumentNullException.ThrowIfNull(data);
        var treeCounts = new int[rounds.Length];
        for (int i = 0; i < rounds.Length; i++)
        {
            if (rounds[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(rounds), rounds[i], $"round counts must be in 1..{RoundCount}");
            }

            treeCounts[i] = TreeCountFor(rounds[i]);
        }

        return Compiled.ScoreStaged(data, ColumnsOf(data), treeCounts, ThreadCount());
    }

    private void ScoreOne(ReadOnlySpan<float> features, Span<float> destination, int rounds, bool raw)
    {
        if (features.Length < FeatureCount)
        {
            throw new ArgumentException($"{features.Length} feature values; the forest needs {FeatureCount}", nameof(features));
        }

        CheckDestination(destination, OutputCount);
        Compiled.ScoreOne(features, destination, TreeCountFor(rounds), raw);
    }

    private void ScoreDataset(Dataset data, Span<float> destination, int rounds, bool raw)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckDestination(destination, (long)data.RowCount * OutputCount);
        Compiled.ScoreDataset(data, ColumnsOf(data), destination, TreeCountFor(rounds), raw, ThreadCount());
    }

    /// <summary>For each feature of the forest, the index of the dataset column with that name.</summary>
    internal int[] ColumnsOf(Dataset data)
    {
        var columns = new int[_featureNames.Length];
        for (int j = 0; j < _featureNames.Length; j++)
        {
            int index = -1;
            for (int k = 0; k < data.FeatureCount; k++)
            {
                if (string.Equals(data.FeatureNames[k], _featureNames[j], StringComparison.Ordinal))
                {
                    index = k;
                    break;
                }
            }

            if (index < 0)
            {
                throw new ArgumentException(
                    $"the dataset has no feature '{_featureNames[j]}' (the forest needs: {string.Join(", ", _featureNames)}; " +
                    $"the dataset has: {string.Join(", ", data.FeatureNames)})",
                    nameof(data));
            }

            columns[j] = index;
        }

        return columns;
    }

    internal int TreeCountFor(int rounds)
    {
        if (rounds == 0)
        {
            return _trees.Length;
        }

        if (rounds < 0 || rounds > RoundCount)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, $"the forest has {RoundCount} rounds");
        }

        return rounds * TreesPerRound;
    }

    private int ThreadCount() => ScoringThreadCount > 0 ? ScoringThreadCount : Environment.ProcessorCount;

    private static void CheckDestination(Span<float> destination, long needed)
    {
        if (destination.Length < needed)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {needed} are needed", nameof(destination));
        }
    }

    private static void CheckTaskAndOutput(LearningTask task, int classCount, ForestOutput output)
    {
        bool fits = task switch
        {
            LearningTask.BinaryClassification => classCount == 2 && output is ForestOutput.Logistic or ForestOutput.TmvaGradient
                or ForestOutput.WeightedNodeTypeAverage or ForestOutput.WeightedPurityAverage,
            LearningTask.MulticlassClassification => classCount >= 2 && output == ForestOutput.Softmax,
            LearningTask.Regression => classCount == 0 && output == ForestOutput.Sum,
            _ => false,
        };
        if (!fits)
        {
            throw new ArgumentException($"output {output} with {classCount} classes does not suit the task {task}", nameof(output));
        }
    }
}
