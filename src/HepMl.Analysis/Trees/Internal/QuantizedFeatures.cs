using HepMl.Analysis.Data;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// Features quantised into at most 255 bins by a weighted quantile sketch, stored row-major as one byte per
/// (event, feature); NaN goes to the missing bin 255.
/// </summary>
/// <remarks>
/// For each feature the non-NaN values of a sample of events (all events up to the sample size) are sorted with
/// their absolute weights. With no more distinct values than bins, every distinct value gets its own bin; otherwise
/// bin edges sit where the cumulative weight crosses k/maxBins of the total, so every bin holds about the same
/// weight and a heavy value keeps a bin to itself. A cut lies halfway between the last value of one bin and the first
/// of the next (rounded to float, never below or on the lower value), and bin(x) = number of cuts &lt;= x, so
/// <c>x &gt;= cut_k</c> exactly when bin(x) &gt; k: the binned training data and the float features of new events
/// take the same branches.
/// </remarks>
internal sealed unsafe class QuantizedFeatures
{
    public const int MissingBin = 255;
    public const int MaxValueBins = 255;

    private QuantizedFeatures(int rowCount, int featureCount, byte[] bins, float[][] cuts, bool[] hasMissing)
    {
        RowCount = rowCount;
        FeatureCount = featureCount;
        Bins = bins;
        Cuts = cuts;
        HasMissing = hasMissing;
    }

    public int RowCount { get; }

    public int FeatureCount { get; }

    /// <summary>Bin of event i, feature f at <c>i * FeatureCount + f</c>.</summary>
    public byte[] Bins { get; }

    /// <summary>Cut values per feature (ascending); the feature has <c>Cuts[f].Length + 1</c> value bins.</summary>
    public float[][] Cuts { get; }

    /// <summary>Whether the feature has NaN values.</summary>
    public bool[] HasMissing { get; }

    public int BinCount(int feature) => Cuts[feature].Length + 1;

    /// <summary>Quantises every event of <paramref name="data"/>.</summary>
    /// <param name="data">The training events.</param>
    /// <param name="sketchWeights">Non-negative weight of each event in the quantile sketch.</param>
    /// <param name="maxBins">Value bins per feature, 2..255.</param>
    /// <param name="sampleSize">Events used to place the cuts (all when there are fewer).</param>
    /// <param name="seed">Seed of the sample.</param>
    /// <param name="threads">Worker threads.</param>
    public static QuantizedFeatures Build(Dataset data, float[] sketchWeights, int maxBins, int sampleSize, int seed, int threads)
    {
        int rows = data.RowCount;
        int features = data.FeatureCount;
        int[] sample = ChooseSample(rows, sampleSize, seed);
        var cuts = new float[features][];
        var hasMissing = new bool[features];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        Parallel.For(0, features, options, f =>
        {
            cuts[f] = ComputeCuts(data.Column(f), sample, sketchWeights, maxBins);
        });

        byte[] bins = GC.AllocateUninitializedArray<byte>(checked(rows * features));
        const int chunk = 16384;
        int chunks = (rows + chunk - 1) / chunk;
        Parallel.For(0, chunks * features, options, item =>
        {
            int f = item % features;
            int start = item / features * chunk;
            int end = Math.Min(rows, start + chunk);
            bool missing = BinColumn(data.Column(f)[start..end], cuts[f], bins, start, features, f);
            if (missing)
            {
                hasMissing[f] = true;
            }
        });
        return new QuantizedFeatures(rows, features, bins, cuts, hasMissing);
    }

    /// <summary>Bin of a value for the given cuts (<see cref="MissingBin"/> for NaN).</summary>
    public static int BinOf(float value, float[] cuts)
    {
        if (float.IsNaN(value))
        {
            return MissingBin;
        }

        int low = 0, count = cuts.Length;
        while (count > 0)
        {
            int step = count >> 1;
            if (cuts[low + step] <= value)
            {
                low += step + 1;
                count -= step + 1;
            }
            else
            {
                count = step;
            }
        }

        return low;
    }

    internal static float[] ComputeCuts(ReadOnlySpan<float> column, int[] sample, float[] weights, int maxBins)
    {
        int n = sample.Length;
        var values = new float[n];
        var valueWeights = new float[n];
        int m = 0;
        bool anyWeight = false;
        for (int i = 0; i < n; i++)
        {
            float v = column[sample[i]];
            if (float.IsNaN(v))
            {
                continue;
            }

            values[m] = v;
            valueWeights[m] = weights[sample[i]];
            anyWeight |= valueWeights[m] > 0;
            m++;
        }

        if (m == 0)
        {
            return [];
        }

        Array.Sort(values, valueWeights, 0, m);
        if (!anyWeight)
        {
            valueWeights.AsSpan(0, m).Fill(1f);
        }

        // Distinct values with their summed weights.
        int distinct = 0;
        var cumulative = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++)
        {
            if (distinct > 0 && values[i] == values[distinct - 1])
            {
                total += valueWeights[i];
                cumulative[distinct - 1] = total;
                continue;
            }

            values[distinct] = values[i];
            total += valueWeights[i];
            cumulative[distinct] = total;
            distinct++;
        }

        var result = new List<float>(Math.Min(distinct, maxBins));
        if (distinct <= maxBins)
        {
            for (int i = 0; i + 1 < distinct; i++)
            {
                result.Add(Midpoint(values[i], values[i + 1]));
            }
        }
        else
        {
            int lastBoundary = -1;
            int position = 0;
            for (int k = 1; k < maxBins; k++)
            {
                double target = total * k / maxBins;
                while (position < distinct - 1 && cumulative[position] < target)
                {
                    position++;
                }

                // Boundary after distinct value `position`: it ends bin k-1.
                if (position > lastBoundary && position < distinct - 1)
                {
                    result.Add(Midpoint(values[position], values[position + 1]));
                    lastBoundary = position;
                }
            }
        }

        return [.. result];
    }

    /// <summary>A float cut strictly above <paramref name="low"/> and not above <paramref name="high"/>.</summary>
    private static float Midpoint(float low, float high)
    {
        float cut = (float)((low + (double)high) * 0.5);
        return cut > low && cut <= high ? cut : high;
    }

    private static int[] ChooseSample(int rows, int sampleSize, int seed)
    {
        if (rows <= sampleSize)
        {
            var all = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                all[i] = i;
            }

            return all;
        }

        // Bernoulli sample with the requested expected size, in ascending order.
        var random = new Random(seed);
        double probability = (double)sampleSize / rows;
        var chosen = new List<int>(sampleSize + (sampleSize / 8));
        for (int i = 0; i < rows; i++)
        {
            if (random.NextDouble() < probability)
            {
                chosen.Add(i);
            }
        }

        return [.. chosen];
    }

    /// <summary>Bins a slice of one column; returns true when it holds NaN.</summary>
    private static bool BinColumn(ReadOnlySpan<float> values, float[] cuts, byte[] bins, int firstRow, int stride, int feature)
    {
        // Cuts padded to 255 with NaN (NaN <= x is false), searched by eight branch-free halvings.
        float* padded = stackalloc float[256];
        for (int i = 0; i < 256; i++)
        {
            padded[i] = i < cuts.Length ? cuts[i] : float.NaN;
        }

        bool missing = false;
        fixed (byte* output = &bins[((long)firstRow * stride) + feature])
        {
            for (int i = 0; i < values.Length; i++)
            {
                float x = values[i];
                int bin;
                if (float.IsNaN(x))
                {
                    bin = MissingBin;
                    missing = true;
                }
                else
                {
                    int p = 0;
                    p += padded[p + 127] <= x ? 128 : 0;
                    p += padded[p + 63] <= x ? 64 : 0;
                    p += padded[p + 31] <= x ? 32 : 0;
                    p += padded[p + 15] <= x ? 16 : 0;
                    p += padded[p + 7] <= x ? 8 : 0;
                    p += padded[p + 3] <= x ? 4 : 0;
                    p += padded[p + 1] <= x ? 2 : 0;
                    p += padded[p] <= x ? 1 : 0;
                    bin = p;
                }

                output[(long)i * stride] = (byte)bin;
            }
        }

        return missing;
    }
}
