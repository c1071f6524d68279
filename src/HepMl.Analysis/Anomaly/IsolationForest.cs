using HepMl.Analysis.Classic;
using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;
using HepMl.Analysis.Data.Internal;

namespace HepMl.Analysis.Anomaly;

/// <summary>
/// Isolation forest (Liu, Ting and Zhou 2008): anomalies are isolated by few random axis-parallel cuts. The score
/// s(x) = 2^(−E[h(x)]/c(ψ)) lies in (0, 1]; values near 1 are anomalous, values well below 0.5 normal.
/// </summary>
/// <remarks>
/// Each tree is grown on ψ events drawn without replacement (with probability proportional to the event weights when
/// the dataset carries weights), cutting a random non-constant feature at a uniform random value between its node
/// minimum and maximum, down to depth ceil(log2 ψ). h(x) is the depth reached plus c(n) for the n training events left
/// in that leaf, with c(n) = 2(ln(n − 1) + γ) − 2(n − 1)/n the mean path length of an unsuccessful binary-search-tree
/// search (c(2) = 1, c(1) = 0). scikit-learn's <c>IsolationForest.score_samples</c> returns −s.
/// </remarks>
public sealed class IsolationForest : IEventScorer
{
    private const string MethodName = "isolation forest";
    private readonly Tree[] _trees;
    private readonly double _normalisation;

    private IsolationForest(string[] names, Tree[] trees, int sampleSize)
    {
        FeatureNames = names;
        _trees = trees;
        SampleSize = sampleSize;
        _normalisation = AveragePathLength(sampleSize);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>ψ actually used.</summary>
    public int SampleSize { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>Trains 100 trees on subsamples of 256 events.</summary>
    /// <inheritdoc cref="Train(Dataset, IsolationForestOptions)"/>
    public static IsolationForest Train(Dataset data) => Train(data, new IsolationForestOptions());

    /// <summary>Grows the forest on the features of <paramref name="data"/> (labels are ignored).</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature or a negative weight, or an option is out of range.</exception>
    public static IsolationForest Train(Dataset data, IsolationForestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        TrainingInput.RequireNonNegativeWeights(data, MethodName);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TreeCount, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleSize, 2, nameof(options));
        int n = data.RowCount, d = data.FeatureCount;
        int psi = Math.Min(options.SampleSize, n);
        int depthLimit = (int)Math.Ceiling(Math.Log2(Math.Max(psi, 2)));
        float[] x = TrainingInput.RowMajor(data);
        float[]? weights = data.HasExplicitWeights ? data.Weights.ToArray() : null;
        var master = new DeterministicRandom(options.Seed);
        long[] seeds = Enumerable.Range(0, options.TreeCount).Select(_ => (long)master.NextUInt64()).ToArray();
        var trees = new Tree[options.TreeCount];
        Parallel.For(0, trees.Length, t =>
        {
            var random = new DeterministicRandom(seeds[t]);
            int[] sample = Subsample(n, psi, weights, random);
            trees[t] = Tree.Grow(x, d, sample, depthLimit, random);
        });

        return new IsolationForest([.. data.FeatureNames], trees, psi);
    }

    /// <summary>c(n): the average path length of an unsuccessful search in a binary search tree of n keys.</summary>
    public static double AveragePathLength(double n) => n switch
    {
        <= 1 => 0,
        <= 2 => 1,
        _ => (2 * (Math.Log(n - 1) + 0.5772156649015329)) - (2 * (n - 1) / n),
    };

    /// <summary>Mean path length E[h(x)] of one event over the trees.</summary>
    public double MeanPathLength(ReadOnlySpan<float> features)
    {
        FeatureBinding.CheckEvent(features, FeatureNames.Count, MethodName);
        return PathLength(features);
    }

    /// <inheritdoc/>
    public float Score(ReadOnlySpan<float> features) => (float)Math.Pow(2, -MeanPathLength(features) / _normalisation);

    /// <inheritdoc/>
    public float[] Score(Dataset data)
    {
        float[] rows = FeatureBinding.RowMajor(data, FeatureNames, MethodName);
        int d = FeatureNames.Count;
        var result = new float[data.RowCount];
        Parallel.For(0, result.Length, i => result[i] = (float)Math.Pow(2, -PathLength(rows.AsSpan(i * d, d)) / _normalisation));
        return result;
    }

    private double PathLength(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (Tree tree in _trees)
        {
            sum += tree.PathLength(x);
        }

        return sum / _trees.Length;
    }

    private static int[] Subsample(int n, int psi, float[]? weights, DeterministicRandom random)
    {
        if (weights is null)
        {
            // Partial Fisher-Yates: the first psi entries of a random permutation.
            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            for (int i = 0; i < psi; i++)
            {
                int j = i + random.NextInt(n - i);
                (order[i], order[j]) = (order[j], order[i]);
            }

            return order[..psi];
        }

        // Weighted sampling without replacement (Efraimidis-Spirakis keys u^(1/w)); zero weights are never drawn
        // unless too few events have positive weight.
        var keys = new double[n];
        var index = new int[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            keys[i] = weights[i] > 0 ? Math.Log(Math.Max(u, double.Epsilon)) / weights[i] : double.NegativeInfinity;
            index[i] = i;
        }

        Array.Sort(keys, index);
        Array.Reverse(index);
        return index[..psi];
    }

    /// <summary>One isolation tree in flat arrays; a node with feature −1 is a leaf holding <c>_size</c> events.</summary>
    private sealed class Tree
    {
        private readonly List<int> _feature = [];
        private readonly List<float> _threshold = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<int> _size = [];

        private int[] _featureArray = [];
        private float[] _thresholdArray = [];
        private int[] _leftArray = [];
        private int[] _rightArray = [];
        private double[] _leafPath = [];

        public static Tree Grow(float[] x, int d, int[] sample, int depthLimit, DeterministicRandom random)
        {
            var tree = new Tree();
            tree.Build(x, d, sample, 0, sample.Length, 0, depthLimit, random);
            tree._featureArray = [.. tree._feature];
            tree._thresholdArray = [.. tree._threshold];
            tree._leftArray = [.. tree._left];
            tree._rightArray = [.. tree._right];
            tree._leafPath = tree._size.Select(s => AveragePathLength(s)).ToArray();
            return tree;
        }

        public double PathLength(ReadOnlySpan<float> x)
        {
            int node = 0, depth = 0;
            while (_featureArray[node] >= 0)
            {
                node = x[_featureArray[node]] < _thresholdArray[node] ? _leftArray[node] : _rightArray[node];
                depth++;
            }

            return depth + _leafPath[node];
        }

        private int Build(float[] x, int d, int[] rows, int start, int end, int depth, int depthLimit, DeterministicRandom random)
        {
            int node = _feature.Count;
            _feature.Add(-1);
            _threshold.Add(0);
            _left.Add(-1);
            _right.Add(-1);
            _size.Add(end - start);
            if (end - start <= 1 || depth >= depthLimit)
            {
                return node;
            }

            // Random feature among those not constant in this node.
            Span<float> lo = d <= 64 ? stackalloc float[d] : new float[d];
            Span<float> hi = d <= 64 ? stackalloc float[d] : new float[d];
            lo.Fill(float.PositiveInfinity);
            hi.Fill(float.NegativeInfinity);
            for (int r = start; r < end; r++)
            {
                for (int j = 0; j < d; j++)
                {
                    float v = x[(rows[r] * d) + j];
                    lo[j] = Math.Min(lo[j], v);
                    hi[j] = Math.Max(hi[j], v);
                }
            }

            int candidates = 0;
            for (int j = 0; j < d; j++)
            {
                candidates += hi[j] > lo[j] ? 1 : 0;
            }

            if (candidates == 0)
            {
                return node; // all events identical: isolation is impossible
            }

            int pick = random.NextInt(candidates), feature = -1;
            for (int j = 0; j < d && feature < 0; j++)
            {
                if (hi[j] > lo[j] && pick-- == 0)
                {
                    feature = j;
                }
            }

            float threshold = (float)(lo[feature] + (random.NextDouble() * (hi[feature] - lo[feature])));
            if (threshold <= lo[feature])
            {
                threshold = MathF.BitIncrement(lo[feature]); // keep both sides non-empty
            }

            int middle = start;
            for (int r = start; r < end; r++)
            {
                if (x[(rows[r] * d) + feature] < threshold)
                {
                    (rows[r], rows[middle]) = (rows[middle], rows[r]);
                    middle++;
                }
            }

            _feature[node] = feature;
            _threshold[node] = threshold;
            int left = Build(x, d, rows, start, middle, depth + 1, depthLimit, random);
            int right = Build(x, d, rows, middle, end, depth + 1, depthLimit, random);
            _left[node] = left;
            _right[node] = right;
            return node;
        }
    }
}
