using HepMl.Analysis.Classic;
using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.Neighbours;

/// <summary>
/// k-nearest-neighbour classification and regression on a k-d tree (Euclidean distance on the features as given;
/// standardise features of different scales first).
/// </summary>
/// <remarks>
/// Classification: the probability of class c is the weighted share of class c among the k neighbours (weights =
/// event weight, times 1/distance with <see cref="NeighbourWeighting.InverseDistance"/>); the binary score is the
/// signal (class 1) share, as TMVA's kNN response. Regression: the weighted mean target of the neighbours. With
/// unit event weights both equal scikit-learn's <c>KNeighborsClassifier.predict_proba</c> /
/// <c>KNeighborsRegressor.predict</c>. Distance ties at the k-th neighbour go to the smaller training index.
/// </remarks>
public sealed class KNearestNeighbours : IEventScorer
{
    private const string MethodName = "k-nearest neighbours";
    private readonly KdTree _tree;
    private readonly int[]? _labels;
    private readonly float[]? _targets;
    private readonly float[] _weights;
    private readonly KNearestNeighboursOptions _options;

    private KNearestNeighbours(string[] names, KdTree tree, int[]? labels, float[]? targets, float[] weights, int classCount, KNearestNeighboursOptions options)
    {
        FeatureNames = names;
        _tree = tree;
        _labels = labels;
        _targets = targets;
        _weights = weights;
        ClassCount = classCount;
        _options = options;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of classes (0 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>k.</summary>
    public int NeighbourCount => _options.NeighbourCount;

    /// <summary>True for a regression model.</summary>
    public bool IsRegression => _labels is null;

    /// <summary>Builds a model with k = 20 and uniform votes.</summary>
    /// <inheritdoc cref="Train(Dataset, KNearestNeighboursOptions)"/>
    public static KNearestNeighbours Train(Dataset data) => Train(data, new KNearestNeighboursOptions());

    /// <summary>Stores the training events in a k-d tree.</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, lacks labels/targets for the task, or classification data hold a single class.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k is below 1 or larger than the number of training events.</exception>
    public static KNearestNeighbours Train(Dataset data, KNearestNeighboursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        if (options.NeighbourCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.NeighbourCount, $"{MethodName}: k must be at least 1");
        }

        if (options.NeighbourCount > data.RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.NeighbourCount,
                $"{MethodName}: k = {options.NeighbourCount} exceeds the {data.RowCount} training events");
        }

        bool classification = options.Task == KNearestNeighboursTask.Classification || (options.Task == KNearestNeighboursTask.Automatic && data.HasLabels);
        if (classification)
        {
            TrainingInput.RequireTwoClasses(data, MethodName);
        }
        else if (!data.HasTargets)
        {
            throw new ArgumentException($"{MethodName}: regression needs a dataset with targets", nameof(data));
        }

        TrainingInput.RequireFinite(data, MethodName);
        var tree = new KdTree(TrainingInput.RowMajor(data), data.FeatureCount, options.LeafSize);
        return new KNearestNeighbours(
            [.. data.FeatureNames],
            tree,
            classification ? data.Labels.ToArray() : null,
            classification ? null : data.Targets.ToArray(),
            data.Weights.ToArray(),
            classification ? data.ClassCount : 0,
            options);
    }

    /// <summary>The k nearest training events of one event: their indices in the training set, nearest first, and squared distances.</summary>
    public void Neighbours(ReadOnlySpan<float> features, Span<int> indices, Span<float> squaredDistances)
    {
        FeatureBinding.CheckEvent(features, FeatureNames.Count, MethodName);
        _tree.Query(features, indices, squaredDistances);
    }

    /// <summary>Signal probability (binary classification) or regression estimate of one event.</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        FeatureBinding.CheckEvent(features, FeatureNames.Count, MethodName);
        int k = NeighbourCount;
        Span<int> idx = k <= 256 ? stackalloc int[k] : new int[k];
        Span<float> dist = k <= 256 ? stackalloc float[k] : new float[k];
        _tree.Query(features, idx, dist);
        if (IsRegression)
        {
            return (float)Regress(idx, dist);
        }

        Span<double> votes = stackalloc double[Math.Max(ClassCount, 2)];
        Vote(idx, dist, votes);
        return (float)votes[1];
    }

    /// <summary>Signal probability (class 1 share) or regression estimate of every event, in parallel.</summary>
    public float[] Score(Dataset data)
    {
        var (indices, distances, m) = QueryAll(data);
        int k = NeighbourCount;
        var result = new float[m];
        Span<double> votes = stackalloc double[Math.Max(ClassCount, 2)];
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<int> idx = indices.AsSpan(i * k, k);
            ReadOnlySpan<float> dist = distances.AsSpan(i * k, k);
            if (IsRegression)
            {
                result[i] = (float)Regress(idx, dist);
            }
            else
            {
                Vote(idx, dist, votes);
                result[i] = (float)votes[1];
            }
        }

        return result;
    }

    /// <summary>Class probabilities of every event, row-major <c>[events, ClassCount]</c>.</summary>
    /// <exception cref="InvalidOperationException">The model is a regression model.</exception>
    public double[] PredictProbabilities(Dataset data)
    {
        if (IsRegression)
        {
            throw new InvalidOperationException($"{MethodName}: a regression model has no class probabilities");
        }

        var (indices, distances, m) = QueryAll(data);
        int k = NeighbourCount;
        var result = new double[m * ClassCount];
        for (int i = 0; i < m; i++)
        {
            Vote(indices.AsSpan(i * k, k), distances.AsSpan(i * k, k), result.AsSpan(i * ClassCount, ClassCount));
        }

        return result;
    }

    /// <summary>Most probable class of every event (ties go to the lower class index).</summary>
    public int[] PredictClasses(Dataset data)
    {
        double[] probabilities = PredictProbabilities(data);
        var result = new int[probabilities.Length / ClassCount];
        for (int i = 0; i < result.Length; i++)
        {
            int best = 0;
            for (int c = 1; c < ClassCount; c++)
            {
                if (probabilities[(i * ClassCount) + c] > probabilities[(i * ClassCount) + best])
                {
                    best = c;
                }
            }

            result[i] = best;
        }

        return result;
    }

    private (int[] Indices, float[] Distances, int Count) QueryAll(Dataset data)
    {
        float[] rows = FeatureBinding.RowMajor(data, FeatureNames, MethodName);
        int m = data.RowCount, k = NeighbourCount;
        var indices = new int[m * k];
        var distances = new float[m * k];
        _tree.QueryBatch(rows, k, indices, distances, _options.MaxDegreeOfParallelism);
        return (indices, distances, m);
    }

    private void Vote(ReadOnlySpan<int> idx, ReadOnlySpan<float> squaredDistances, Span<double> votes)
    {
        votes.Clear();
        bool exact = _options.Weighting == NeighbourWeighting.InverseDistance && squaredDistances[0] == 0;
        double total = 0;
        for (int j = 0; j < idx.Length; j++)
        {
            double w = _weights[idx[j]] * NeighbourFactor(squaredDistances[j], exact);
            votes[_labels![idx[j]]] += w;
            total += w;
        }

        if (total != 0)
        {
            for (int c = 0; c < votes.Length; c++)
            {
                votes[c] /= total;
            }
        }
    }

    private double Regress(ReadOnlySpan<int> idx, ReadOnlySpan<float> squaredDistances)
    {
        bool exact = _options.Weighting == NeighbourWeighting.InverseDistance && squaredDistances[0] == 0;
        double sum = 0, total = 0;
        for (int j = 0; j < idx.Length; j++)
        {
            double w = _weights[idx[j]] * NeighbourFactor(squaredDistances[j], exact);
            sum += w * _targets![idx[j]];
            total += w;
        }

        return total != 0 ? sum / total : double.NaN;
    }

    /// <summary>1, or 1/distance; when a neighbour sits at distance 0 only such neighbours count.</summary>
    private double NeighbourFactor(float squaredDistance, bool exactMatchPresent)
    {
        if (_options.Weighting == NeighbourWeighting.Uniform)
        {
            return 1;
        }

        if (exactMatchPresent)
        {
            return squaredDistance == 0 ? 1 : 0;
        }

        return 1 / Math.Sqrt(squaredDistance);
    }
}
