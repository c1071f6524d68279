using System.Buffers;
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

    private QuantizedFeatures(int rowCount, int featureCount, byte[] bins, byte[][] columnBins, float[][] cuts, bool[] hasMissing)
    {
        RowCount = rowCount;
        FeatureCount = featureCount;
        Bins = bins;
        ColumnBins = columnBins;
        Cuts = cuts;
        HasMissing = hasMissing;
    }

    public int RowCount { get; }

    public int FeatureCount { get; }

    /// <summary>Bin of event i, feature f at <c>i * FeatureCount + f</c>.</summary>
    public byte[] Bins { get; }

    /// <summary>The same bins column-major (<c>ColumnBins[f][i]</c>), for partitions, which read one feature of
    /// scattered events.</summary>
    public byte[][] ColumnBins { get; }

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
        var columnBins = new byte[features][];
        for (int f = 0; f < features; f++)
        {
            columnBins[f] = GC.AllocateUninitializedArray<byte>(rows);
        }

        const int chunk = 1 << 16;
        int chunks = (rows + chunk - 1) / chunk;
        Parallel.For(0, chunks * features, options, item =>
        {
            int f = item % features;
            int start = item / features * chunk;
            int end = Math.Min(rows, start + chunk);
            if (BinColumn(data.Column(f)[start..end], cuts[f], columnBins[f].AsSpan(start, end - start)))
            {
                hasMissing[f] = true;
            }
        });

        // Row-major copy, tile by tile so that a tile's rows stay in the first-level cache.
        const int tile = 1024;
        Parallel.For(0, (rows + tile - 1) / tile, options, t =>
        {
            int start = t * tile, end = Math.Min(rows, start + tile);
            fixed (byte* output = bins)
            {
                for (int f = 0; f < features; f++)
                {
                    byte[] column = columnBins[f];
                    for (int i = start; i < end; i++)
                    {
                        output[((long)i * features) + f] = column[i];
                    }
                }
            }
        });
        return new QuantizedFeatures(rows, features, bins, columnBins, cuts, hasMissing);
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
        // (orderable value bits << 32 | weight bits), radix-sorted on the value bits. Buffers are pooled: this runs
        // once per feature on up to QuantileSampleSize events, and large short-lived arrays would bloat the heap.
        int n = sample.Length;
        ulong[] packed = ArrayPool<ulong>.Shared.Rent(Math.Max(1, n));
        ulong[] scratch = ArrayPool<ulong>.Shared.Rent(Math.Max(1, n));
        float[] values = ArrayPool<float>.Shared.Rent(Math.Max(1, n));
        double[] cumulative = ArrayPool<double>.Shared.Rent(Math.Max(1, n));
        try
        {
            int m = 0;
            bool anyWeight = false;
            for (int i = 0; i < n; i++)
            {
                float v = column[sample[i]];
                if (float.IsNaN(v))
                {
                    continue;
                }

                float w = weights[sample[i]];
                anyWeight |= w > 0;
                packed[m++] = ((ulong)OrderableBits(v) << 32) | BitConverter.SingleToUInt32Bits(w);
            }

            if (m == 0)
            {
                return [];
            }

            RadixSortHighWord(packed, scratch, m);

            // Distinct values with their cumulative weights.
            int distinct = 0;
            double total = 0;
            for (int i = 0; i < m; i++)
            {
                float value = FromOrderableBits((uint)(packed[i] >> 32));
                total += anyWeight ? BitConverter.UInt32BitsToSingle((uint)packed[i]) : 1f;
                if (distinct > 0 && value == values[distinct - 1])
                {
                    cumulative[distinct - 1] = total;
                    continue;
                }

                values[distinct] = value;
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
        finally
        {
            ArrayPool<ulong>.Shared.Return(packed);
            ArrayPool<ulong>.Shared.Return(scratch);
            ArrayPool<float>.Shared.Return(values);
            ArrayPool<double>.Shared.Return(cumulative);
        }
    }

    private static uint OrderableBits(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;
    }

    private static float FromOrderableBits(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x80000000u) != 0 ? key & 0x7FFFFFFFu : ~key);

    /// <summary>Stable LSD radix sort of the first <paramref name="count"/> entries by their upper 32 bits.</summary>
    internal static void RadixSortHighWord(ulong[] data, ulong[] buffer, int count)
    {
        Span<int> histogram = stackalloc int[256];
        ulong[] source = data, target = buffer;
        for (int shift = 32; shift < 64; shift += 8)
        {
            histogram.Clear();
            for (int i = 0; i < count; i++)
            {
                histogram[(int)((source[i] >> shift) & 0xFF)]++;
            }

            int sum = 0;
            for (int b = 0; b < 256; b++)
            {
                int c = histogram[b];
                histogram[b] = sum;
                sum += c;
            }

            for (int i = 0; i < count; i++)
            {
                ulong item = source[i];
                target[histogram[(int)((item >> shift) & 0xFF)]++] = item;
            }

            (source, target) = (target, source);
        }

        // Four passes: the sorted data ends in the original array.
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

    /// <summary>Bins a slice of one column into <paramref name="output"/>; returns true when it holds NaN.</summary>
    /// <remarks>Branch-free: values and cuts are compared as order-preserving integers (cuts padded to 256 with the
    /// largest key), and each of the eight halvings adds its step when <c>cut &lt;= x</c>, read off the sign of
    /// <c>cut - x - 1</c>.</remarks>
    private static bool BinColumn(ReadOnlySpan<float> values, float[] cuts, Span<byte> output)
    {
        long* keys = stackalloc long[256];
        for (int i = 0; i < 256; i++)
        {
            keys[i] = i < cuts.Length ? OrderableBits(cuts[i]) : uint.MaxValue;
        }

        bool missing = false;
        for (int i = 0; i < values.Length; i++)
        {
            float x = values[i];
            if (float.IsNaN(x))
            {
                output[i] = MissingBin;
                missing = true;
                continue;
            }

            long key = OrderableBits(x) + 1L;
            long p = 0;
            p += ((keys[p + 127] - key) >> 63) & 128;
            p += ((keys[p + 63] - key) >> 63) & 64;
            p += ((keys[p + 31] - key) >> 63) & 32;
            p += ((keys[p + 15] - key) >> 63) & 16;
            p += ((keys[p + 7] - key) >> 63) & 8;
            p += ((keys[p + 3] - key) >> 63) & 4;
            p += ((keys[p + 1] - key) >> 63) & 2;
            p += ((keys[p] - key) >> 63) & 1;
            output[i] = (byte)p;
        }

        return missing;
    }
}
