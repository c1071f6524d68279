using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Clustering.Internal;
using HepMl.Analysis.Data;
using HepMl.Analysis.Data.Internal;

namespace HepMl.Analysis.Clustering;

/// <summary>
/// k-means clustering (Lloyd's algorithm) with k-means++ seeding, weighted events and parallel assignment steps.
/// </summary>
/// <remarks>
/// Each iteration assigns every event to its nearest centroid (squared Euclidean distance, computed in single
/// precision with the centroids vectorised) and moves each centroid to the weighted mean of its events. A centroid
/// left without events is moved to the event farthest from its own centroid, as scikit-learn does. Iteration stops
/// when no event changes cluster or the summed squared centroid shift drops to <c>Tolerance</c> × the mean feature
/// variance. scikit-learn: <c>KMeans(n_clusters, init, n_init, max_iter, tol, algorithm='lloyd')</c>.
/// </remarks>
public sealed class KMeans
{
    private const string MethodName = "k-means";
    private const int ChunkSize = 8192;

    private KMeans(double[] centroids, int k, int d, int[] labels, double inertia, int iterations)
    {
        Centroids = centroids;
        ClusterCount = k;
        Dimensions = d;
        Labels = labels;
        Inertia = inertia;
        Iterations = iterations;
    }

    /// <summary>Row-major <c>[ClusterCount, Dimensions]</c> final centroids.</summary>
    public IReadOnlyList<double> Centroids { get; }

    /// <summary>k.</summary>
    public int ClusterCount { get; }

    /// <summary>Coordinates per point.</summary>
    public int Dimensions { get; }

    /// <summary>Cluster of each training event.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Weighted sum of squared distances of the events to their centroids.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations of the best start.</summary>
    public int Iterations { get; }

    /// <summary>Clusters the features of <paramref name="data"/> (weighted when it carries weights) into 8 clusters.</summary>
    public static KMeans Fit(Dataset data) => Fit(data, new KMeansOptions());

    /// <summary>Clusters the features of <paramref name="data"/> (weighted when it carries weights).</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, a negative weight, or an option is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k is below 1 or above the number of events.</exception>
    public static KMeans Fit(Dataset data, KMeansOptions options)
    {
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        TrainingInput.RequireNonNegativeWeights(data, MethodName);
        return Fit(TrainingInput.RowMajor(data), data.FeatureCount, options, data.HasExplicitWeights ? data.Weights : default);
    }

    /// <summary>Clusters row-major points <c>[n, dimensions]</c>.</summary>
    /// <param name="points">Row-major points.</param>
    /// <param name="dimensions">Coordinates per point.</param>
    /// <param name="options">Options.</param>
    /// <param name="weights">Per-point weights (non-negative), or empty.</param>
    /// <exception cref="ArgumentException">No points, a coordinate is not finite, a weight is negative, or an option is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k is below 1 or above the number of points.</exception>
    public static KMeans Fit(ReadOnlySpan<float> points, int dimensions, KMeansOptions options, ReadOnlySpan<float> weights = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (points.Length == 0 || points.Length % dimensions != 0)
        {
            throw new ArgumentException($"{MethodName}: {points.Length} values are not a non-empty set of {dimensions}-dimensional points", nameof(points));
        }

        int n = points.Length / dimensions, k = options.ClusterCount, d = dimensions;
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(options), k, $"{MethodName}: k = {k} clusters must be between 1 and the {n} events");
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException($"{MethodName}: {weights.Length} weights for {n} points", nameof(weights));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaximumIterations, 1, nameof(options));
        float[] x = points.ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            if (!float.IsFinite(x[i]))
            {
                throw new ArgumentException($"{MethodName}: coordinate {i % d} of point {i / d} is {x[i]}; points must be finite", nameof(points));
            }
        }

        float[] w = weights.IsEmpty ? [] : weights.ToArray();
        foreach (float v in w)
        {
            if (!(v >= 0) || !float.IsFinite(v))
            {
                throw new ArgumentException($"{MethodName}: weights must be finite and non-negative; found {v}", nameof(weights));
            }
        }

        double tolerance = options.Tolerance * MeanVariance(x, n, d);
        var random = new DeterministicRandom(options.Seed);
        int starts = options.Initialisation == KMeansInitialisation.Explicit ? 1 : Math.Max(1, options.Initialisations);
        KMeans? best = null;
        for (int start = 0; start < starts; start++)
        {
            double[] initial = Initialise(x, n, d, k, w, options, random);
            KMeans result = Lloyd(x, n, d, k, w, initial, options, tolerance);
            if (best is null || result.Inertia < best.Inertia)
            {
                best = result;
            }
        }

        return best!;
    }

    /// <summary>The nearest centroid of each row-major point.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="Dimensions"/>.</exception>
    public int[] Predict(ReadOnlySpan<float> points)
    {
        if (points.Length % Dimensions != 0)
        {
            throw new ArgumentException($"{points.Length} values are not a whole number of {Dimensions}-dimensional points", nameof(points));
        }

        var assigner = new CentroidAssigner(Centroids.ToArray(), ClusterCount, Dimensions);
        var labels = new int[points.Length / Dimensions];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = assigner.Nearest(points.Slice(i * Dimensions, Dimensions), out _);
        }

        return labels;
    }

    private static KMeans Lloyd(float[] x, int n, int d, int k, float[] w, double[] centroids, KMeansOptions options, double tolerance)
    {
        var labels = new int[n];
        labels.AsSpan().Fill(-1);
        var distances = new float[n];
        int chunks = (n + ChunkSize - 1) / ChunkSize;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        int iteration = 0;
        double inertia = 0;
        bool converged = false;
        while (iteration < options.MaximumIterations)
        {
            iteration++;
            var assigner = new CentroidAssigner(centroids, k, d);
            var sums = new double[k * d];
            var totals = new double[k];
            long changed = 0;
            double iterationInertia = 0;
            object gate = new();
            Parallel.For(0, chunks, parallel, () => new Accumulator(k, d), (chunk, _, local) =>
            {
                int begin = chunk * ChunkSize, end = Math.Min(n, begin + ChunkSize);
                for (int i = begin; i < end; i++)
                {
                    ReadOnlySpan<float> p = x.AsSpan(i * d, d);
                    int label = assigner.Nearest(p, out float distance);
                    double weight = w.Length == 0 ? 1.0 : w[i];
                    if (labels[i] != label)
                    {
                        local.Changed++;
                        labels[i] = label;
                    }

                    distances[i] = distance;
                    local.Inertia += weight * distance;
                    local.Totals[label] += weight;
                    Span<double> sum = local.Sums.AsSpan(label * d, d);
                    for (int j = 0; j < d; j++)
                    {
                        sum[j] += weight * p[j];
                    }
                }

                return local;
            }, local =>
            {
                lock (gate)
                {
                    changed += local.Changed;
                    iterationInertia += local.Inertia;
                    for (int c = 0; c < k; c++)
                    {
                        totals[c] += local.Totals[c];
                    }

                    for (int m = 0; m < sums.Length; m++)
                    {
                        sums[m] += local.Sums[m];
                    }
                }
            });

            inertia = iterationInertia;
            if (changed == 0)
            {
                converged = true; // strict convergence: the centroids are a fixed point
                break;
            }

            RelocateEmptyClusters(x, d, k, w, labels, distances, sums, totals);
            double shift = 0;
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++)
                {
                    double updated = totals[c] > 0 ? sums[(c * d) + j] / totals[c] : centroids[(c * d) + j];
                    double delta = updated - centroids[(c * d) + j];
                    shift += delta * delta;
                    centroids[(c * d) + j] = updated;
                }
            }

            if (shift <= tolerance)
            {
                break;
            }
        }

        if (!converged)
        {
            // Final assignment so the labels and inertia match the returned centroids.
            var assigner = new CentroidAssigner(centroids, k, d);
            double total = 0;
            object gate = new();
            Parallel.For(0, chunks, parallel, () => 0.0, (chunk, _, local) =>
            {
                int begin = chunk * ChunkSize, end = Math.Min(n, begin + ChunkSize);
                for (int i = begin; i < end; i++)
                {
                    labels[i] = assigner.Nearest(x.AsSpan(i * d, d), out float distance);
                    local += (w.Length == 0 ? 1.0 : w[i]) * distance;
                }

                return local;
            }, local =>
            {
                lock (gate)
                {
                    total += local;
                }
            });
            inertia = total;
        }

        return new KMeans(centroids, k, d, labels, inertia, iteration);
    }

    /// <summary>Moves each empty cluster's centroid onto the event farthest from its own centroid (largest distances first).</summary>
    private static void RelocateEmptyClusters(float[] x, int d, int k, float[] w, int[] labels, float[] distances, double[] sums, double[] totals)
    {
        List<int>? empty = null;
        for (int c = 0; c < k; c++)
        {
            if (totals[c] == 0)
            {
                (empty ??= []).Add(c);
            }
        }

        if (empty is null)
        {
            return;
        }

        int[] farthest = Enumerable.Range(0, labels.Length).OrderByDescending(i => distances[i]).ThenBy(i => i).Take(empty.Count).ToArray();
        for (int e = 0; e < empty.Count; e++)
        {
            int c = empty[e], i = farthest[e], old = labels[i];
            double weight = w.Length == 0 ? 1.0 : w[i];
            for (int j = 0; j < d; j++)
            {
                sums[(old * d) + j] -= weight * x[(i * d) + j];
                sums[(c * d) + j] = weight * x[(i * d) + j];
            }

            totals[old] -= weight;
            totals[c] = weight;
            labels[i] = c;
        }
    }

    private static double[] Initialise(float[] x, int n, int d, int k, float[] w, KMeansOptions options, DeterministicRandom random)
    {
        switch (options.Initialisation)
        {
            case KMeansInitialisation.Explicit:
                float[] given = options.InitialCentroids ?? throw new ArgumentException($"{MethodName}: Explicit initialisation needs InitialCentroids", nameof(options));
                if (given.Length != k * d)
                {
                    throw new ArgumentException($"{MethodName}: InitialCentroids holds {given.Length} values; [{k}, {d}] needs {k * d}", nameof(options));
                }

                return given.Select(v => (double)v).ToArray();
            case KMeansInitialisation.RandomEvents:
            {
                int[] order = Enumerable.Range(0, n).ToArray();
                random.Shuffle(order.AsSpan());
                var centroids = new double[k * d];
                for (int c = 0; c < k; c++)
                {
                    for (int j = 0; j < d; j++)
                    {
                        centroids[(c * d) + j] = x[(order[c] * d) + j];
                    }
                }

                return centroids;
            }

            default:
                return KMeansPlusPlus(x, n, d, k, w, random);
        }
    }

    /// <summary>Greedy k-means++: each new centre is the best of 2 + ln k candidates drawn with probability ∝ w·D².</summary>
    private static double[] KMeansPlusPlus(float[] x, int n, int d, int k, float[] w, DeterministicRandom random)
    {
        var centroids = new double[k * d];
        int trials = 2 + (int)Math.Log(k);
        double Weight(int i) => w.Length == 0 ? 1.0 : w[i];
        int first = SampleByWeight(n, Weight, random);
        for (int j = 0; j < d; j++)
        {
            centroids[j] = x[(first * d) + j];
        }

        var closest = new double[n];
        double potential = 0;
        for (int i = 0; i < n; i++)
        {
            closest[i] = SquaredDistance(x, i, centroids, 0, d);
            potential += Weight(i) * closest[i];
        }

        var candidateDistances = new double[n];
        var bestDistances = new double[n];
        for (int c = 1; c < k; c++)
        {
            int bestCandidate = -1;
            double bestPotential = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                int candidate = potential > 0
                    ? SampleByWeight(n, i => Weight(i) * closest[i], random, potential)
                    : random.NextInt(n);
                double candidatePotential = 0;
                for (int i = 0; i < n; i++)
                {
                    double distance = 0;
                    for (int j = 0; j < d; j++)
                    {
                        double diff = x[(i * d) + j] - x[(candidate * d) + j];
                        distance += diff * diff;
                    }

                    candidateDistances[i] = Math.Min(closest[i], distance);
                    candidatePotential += Weight(i) * candidateDistances[i];
                }

                if (candidatePotential < bestPotential)
                {
                    bestPotential = candidatePotential;
                    bestCandidate = candidate;
                    Array.Copy(candidateDistances, bestDistances, n);
                }
            }

            for (int j = 0; j < d; j++)
            {
                centroids[(c * d) + j] = x[(bestCandidate * d) + j];
            }

            Array.Copy(bestDistances, closest, n);
            potential = bestPotential;
        }

        return centroids;
    }

    private static int SampleByWeight(int n, Func<int, double> weight, DeterministicRandom random, double total = double.NaN)
    {
        if (double.IsNaN(total))
        {
            total = 0;
            for (int i = 0; i < n; i++)
            {
                total += weight(i);
            }
        }

        double target = random.NextDouble() * total, running = 0;
        for (int i = 0; i < n; i++)
        {
            running += weight(i);
            if (running > target)
            {
                return i;
            }
        }

        return n - 1;
    }

    private static double SquaredDistance(float[] x, int i, double[] centroids, int c, int d)
    {
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double diff = x[(i * d) + j] - centroids[(c * d) + j];
            sum += diff * diff;
        }

        return sum;
    }

    private static double MeanVariance(float[] x, int n, int d)
    {
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            double sum = 0, sumSquares = 0;
            for (int i = 0; i < n; i++)
            {
                double v = x[(i * d) + j];
                sum += v;
                sumSquares += v * v;
            }

            double mean = sum / n;
            total += (sumSquares / n) - (mean * mean);
        }

        return total / d;
    }

    private sealed class Accumulator(int k, int d)
    {
        public double[] Sums { get; } = new double[k * d];

        public double[] Totals { get; } = new double[k];

        public long Changed { get; set; }

        public double Inertia { get; set; }
    }
}
