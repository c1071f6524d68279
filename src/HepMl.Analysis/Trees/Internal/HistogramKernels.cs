using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// Gradient/hessian histograms of a node: for every feature, 256 slots (value bins 0..254 and the missing bin 255)
/// of packed integer sums (<see cref="GradientQuantizer"/>), laid out <c>[feature][slot]</c>, optionally with an event
/// count per slot. The kernels read each event's bin and add its packed pair to one slot: one integer add per
/// (event, feature). Integer sums are exact, so any order of events gives the same histogram.
/// </summary>
internal static unsafe class HistogramKernels
{
    /// <summary>Slots per feature in a histogram: 256, then 16 unused, so that the same slot of neighbouring
    /// features is not a multiple of 4 KB away (which the store-to-load forwarding check would take for the same
    /// address).</summary>
    public const int FeatureStride = 272;

    /// <summary>Slots per feature in a count histogram.</summary>
    public const int CountStride = 256;

    /// <summary>How many events ahead the row kernel prefetches (a node's events are in ascending but irregular order).</summary>
    public const int PrefetchDistance = 16;

    /// <summary>Adds the events <paramref name="rows"/> into <paramref name="histogram"/> (and <paramref name="counts"/>
    /// when not null), for the listed features (all when <paramref name="features"/> is null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Build(
        byte* bins, int featureCount, int* features, int selectedCount, long* gradients, int* rows, int rowCount, long* histogram, int* counts)
    {
        if (features is not null || counts is not null)
        {
            BuildGeneral(bins, featureCount, features, selectedCount, gradients, rows, rowCount, histogram, counts);
            return;
        }

        int unrolled = featureCount & ~3;
        for (int i = 0; i < rowCount; i++)
        {
            if (Sse.IsSupported && i + PrefetchDistance < rowCount)
            {
                int ahead = rows[i + PrefetchDistance];
                byte* aheadBins = bins + ((long)ahead * featureCount);
                Sse.Prefetch0(aheadBins);
                Sse.Prefetch0(aheadBins + featureCount - 1);
                Sse.Prefetch0(gradients + ahead);
            }

            int row = rows[i];
            byte* rowBins = bins + ((long)row * featureCount);
            long pair = gradients[row];
            long* h = histogram;
            int f = 0;
            for (; f < unrolled; f += 4, h += 4 * FeatureStride)
            {
                h[rowBins[f]] += pair;
                h[FeatureStride + rowBins[f + 1]] += pair;
                h[(2 * FeatureStride) + rowBins[f + 2]] += pair;
                h[(3 * FeatureStride) + rowBins[f + 3]] += pair;
            }

            for (; f < featureCount; f++, h += FeatureStride)
            {
                h[rowBins[f]] += pair;
            }
        }
    }

    private static void BuildGeneral(
        byte* bins, int featureCount, int* features, int selectedCount, long* gradients, int* rows, int rowCount, long* histogram, int* counts)
    {
        for (int i = 0; i < rowCount; i++)
        {
            int row = rows[i];
            byte* rowBins = bins + ((long)row * featureCount);
            long pair = gradients[row];
            for (int k = 0; k < selectedCount; k++)
            {
                int f = features is null ? k : features[k];
                int slot = rowBins[f];
                histogram[(f * FeatureStride) + slot] += pair;
                if (counts is not null)
                {
                    counts[(f * CountStride) + slot]++;
                }
            }
        }
    }

    /// <summary>
    /// Adds events 0..<paramref name="rowCount"/>-1 (every event, in order: the root of a tree on all events) of one
    /// feature into its 256 slots, overwriting them; <paramref name="scratch"/> holds <see cref="ColumnScratchLength"/>
    /// slots.
    /// </summary>
    /// <remarks>
    /// The column and the gradients are read in sequence, and the slots live in the first-level cache: event i goes
    /// to copy i mod 4 of the slots, so that neighbouring events in the same bin do not wait on each other's store;
    /// the copies are then added up.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BuildColumn(byte* column, long* gradients, int rowCount, long* featureHistogram, int* featureCounts, long* scratch)
    {
        new Span<long>(scratch, ColumnScratchLength).Clear();
        long* c0 = scratch, c1 = scratch + FeatureStride, c2 = scratch + (2 * FeatureStride), c3 = scratch + (3 * FeatureStride);
        int i = 0;
        for (; i + 4 <= rowCount; i += 4)
        {
            c0[column[i]] += gradients[i];
            c1[column[i + 1]] += gradients[i + 1];
            c2[column[i + 2]] += gradients[i + 2];
            c3[column[i + 3]] += gradients[i + 3];
        }

        for (; i < rowCount; i++)
        {
            c0[column[i]] += gradients[i];
        }

        for (int k = 0; k < FeatureStride; k++)
        {
            featureHistogram[k] = c0[k] + c1[k] + c2[k] + c3[k];
        }

        if (featureCounts is not null)
        {
            new Span<int>(featureCounts, CountStride).Clear();
            for (i = 0; i < rowCount; i++)
            {
                featureCounts[column[i]]++;
            }
        }
    }

    /// <summary>Copies of a feature's slots that <see cref="BuildColumn"/> fills in turn.</summary>
    public const int ColumnCopies = 4;

    /// <summary>Scratch slots <see cref="BuildColumn"/> needs.</summary>
    public const int ColumnScratchLength = ColumnCopies * FeatureStride;

    /// <summary>histogram = parent - child, element-wise, for the listed features (all when null).</summary>
    public static void Subtract(long* parent, long* child, long* result, int featureCount, int[]? features)
    {
        if (features is null)
        {
            Subtract(parent, child, result, featureCount * FeatureStride);
            return;
        }

        foreach (int f in features)
        {
            Subtract(parent + (f * FeatureStride), child + (f * FeatureStride), result + (f * FeatureStride), FeatureStride);
        }
    }

    /// <summary>counts = parent - child for the listed features (all when null).</summary>
    public static void Subtract(int* parent, int* child, int* result, int featureCount, int[]? features)
    {
        if (features is null)
        {
            for (int i = 0; i < featureCount * CountStride; i++)
            {
                result[i] = parent[i] - child[i];
            }

            return;
        }

        foreach (int f in features)
        {
            for (int i = f * CountStride; i < (f + 1) * CountStride; i++)
            {
                result[i] = parent[i] - child[i];
            }
        }
    }

    private static void Subtract(long* a, long* b, long* result, int length)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= length; i += 4)
            {
                Vector256.Store(Vector256.Load(a + i) - Vector256.Load(b + i), result + i);
            }
        }

        for (; i < length; i++)
        {
            result[i] = a[i] - b[i];
        }
    }

    /// <summary>Reads one feature's packed slots back as (Σg, Σh) pairs in double, for the split search:
    /// <paramref name="pairs"/>[2 s] = G_s · gradientStep, [2 s + 1] = H_s · hessianStep.</summary>
    public static void Decode(long* featureHistogram, double gradientStep, double hessianStep, double* pairs)
    {
        for (int slot = 0; slot < 256; slot++)
        {
            long sum = featureHistogram[slot];
            pairs[2 * slot] = GradientQuantizer.Gradient(sum) * gradientStep;
            pairs[(2 * slot) + 1] = GradientQuantizer.Hessian(sum) * hessianStep;
        }
    }
}
