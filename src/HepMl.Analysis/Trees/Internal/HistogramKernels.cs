using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// Gradient/hessian histograms of a node: for every feature, 256 slots (value bins 0..254 and the missing bin 255)
/// of (Σg, Σh) in double, laid out <c>[feature][slot][g, h]</c>, optionally with an event count per slot.
/// The kernel reads each event's row of bins once and adds its gradient pair to one slot per feature; different
/// features never share a slot, so consecutive updates do not wait on each other.
/// </summary>
internal static unsafe class HistogramKernels
{
    /// <summary>Doubles per feature in a histogram: 256 slots of g and h, then 32 unused doubles, so that the same
    /// slot of neighbouring features is not exactly 4 KB away (which the store-to-load forwarding check would take for
    /// the same address).</summary>
    public const int FeatureStride = 544;

    /// <summary>Slots per feature in a count histogram.</summary>
    public const int CountStride = 256;

    /// <summary>How many events ahead the kernels prefetch (a node's events are in ascending but irregular order).</summary>
    public const int PrefetchDistance = 16;

    /// <summary>Adds the events <paramref name="rows"/> into <paramref name="histogram"/> (and <paramref name="counts"/>
    /// when not null), for every feature.</summary>
    public static void Build(
        byte* bins, int featureCount, GradientPair* gradients, int* rows, int rowCount, double* histogram, int* counts)
    {
        if (counts is null)
        {
            if (Sse2.IsSupported)
            {
                BuildAllFeaturesSse2(bins, featureCount, gradients, rows, rowCount, histogram);
            }
            else
            {
                BuildScalar(bins, featureCount, null, featureCount, gradients, rows, rowCount, histogram, null);
            }
        }
        else
        {
            BuildScalar(bins, featureCount, null, featureCount, gradients, rows, rowCount, histogram, counts);
        }
    }

    /// <summary>Adds the events into the histogram for the listed features only.</summary>
    public static void BuildSubset(
        byte* bins, int featureCount, int* features, int selectedCount, GradientPair* gradients, int* rows, int rowCount,
        double* histogram, int* counts) =>
        BuildScalar(bins, featureCount, features, selectedCount, gradients, rows, rowCount, histogram, counts);

    /// <summary>The scalar twin: same sums in the same order as the vector kernel.</summary>
    public static void BuildScalar(
        byte* bins, int featureCount, int* features, int selectedCount, GradientPair* gradients, int* rows, int rowCount,
        double* histogram, int* counts)
    {
        for (int i = 0; i < rowCount; i++)
        {
            int row = rows[i];
            byte* rowBins = bins + ((long)row * featureCount);
            double g = gradients[row].Gradient;
            double h = gradients[row].Hessian;
            for (int k = 0; k < selectedCount; k++)
            {
                int f = features is null ? k : features[k];
                int slot = rowBins[f];
                double* target = histogram + (f * FeatureStride) + (slot * 2);
                target[0] += g;
                target[1] += h;
                if (counts is not null)
                {
                    counts[(f * CountStride) + slot]++;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildAllFeaturesSse2(
        byte* bins, int featureCount, GradientPair* gradients, int* rows, int rowCount, double* histogram)
    {
        int unrolled = featureCount & ~3;
        for (int i = 0; i < rowCount; i++)
        {
            if (i + PrefetchDistance < rowCount)
            {
                int ahead = rows[i + PrefetchDistance];
                byte* aheadBins = bins + ((long)ahead * featureCount);
                Sse.Prefetch0(aheadBins);
                Sse.Prefetch0(aheadBins + featureCount - 1);
                Sse.Prefetch0(gradients + ahead);
            }

            int row = rows[i];
            byte* rowBins = bins + ((long)row * featureCount);
            Vector128<double> pair = Sse2.ConvertToVector128Double(
                Vector128.CreateScalarUnsafe(*(long*)(gradients + row)).AsSingle());
            double* h = histogram;
            int f = 0;
            for (; f < unrolled; f += 4, h += 4 * FeatureStride)
            {
                double* s0 = h + (rowBins[f] * 2);
                double* s1 = h + FeatureStride + (rowBins[f + 1] * 2);
                double* s2 = h + (2 * FeatureStride) + (rowBins[f + 2] * 2);
                double* s3 = h + (3 * FeatureStride) + (rowBins[f + 3] * 2);
                Sse2.Store(s0, Sse2.Add(Sse2.LoadVector128(s0), pair));
                Sse2.Store(s1, Sse2.Add(Sse2.LoadVector128(s1), pair));
                Sse2.Store(s2, Sse2.Add(Sse2.LoadVector128(s2), pair));
                Sse2.Store(s3, Sse2.Add(Sse2.LoadVector128(s3), pair));
            }

            for (; f < featureCount; f++, h += FeatureStride)
            {
                double* s = h + (rowBins[f] * 2);
                Sse2.Store(s, Sse2.Add(Sse2.LoadVector128(s), pair));
            }
        }
    }

    /// <summary>
    /// Adds events 0..<paramref name="rowCount"/>-1 (every event, in order: the root of a tree on all events) of one
    /// feature into its 256 slots, overwriting them; <paramref name="scratch"/> holds <see cref="ColumnScratchLength"/>
    /// doubles.
    /// </summary>
    /// <remarks>
    /// The column and the gradients are read in sequence, and the slots live in the first-level cache: event i goes
    /// to copy i mod 4 of the slots, so that neighbouring events in the same bin do not wait on each other's store;
    /// the copies are summed as ((c0 + c1) + c2) + c3. Like features, the copies are not 4 KB apart. The scalar twin is
    /// <see cref="BuildColumnScalar"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BuildColumn(byte* column, GradientPair* gradients, int rowCount, double* featureHistogram, int* featureCounts, double* scratch)
    {
        if (!Sse2.IsSupported)
        {
            BuildColumnScalar(column, gradients, rowCount, featureHistogram, featureCounts, scratch);
            return;
        }

        new Span<double>(scratch, ColumnScratchLength).Clear();
        double* c0 = scratch, c1 = scratch + ColumnCopyStride, c2 = scratch + (2 * ColumnCopyStride), c3 = scratch + (3 * ColumnCopyStride);
        int i = 0;
        for (; i + 4 <= rowCount; i += 4)
        {
            Vector128<double> p0 = Pair(gradients + i), p1 = Pair(gradients + i + 1);
            Vector128<double> p2 = Pair(gradients + i + 2), p3 = Pair(gradients + i + 3);
            double* s0 = c0 + (column[i] * 2);
            double* s1 = c1 + (column[i + 1] * 2);
            double* s2 = c2 + (column[i + 2] * 2);
            double* s3 = c3 + (column[i + 3] * 2);
            Sse2.Store(s0, Sse2.Add(Sse2.LoadVector128(s0), p0));
            Sse2.Store(s1, Sse2.Add(Sse2.LoadVector128(s1), p1));
            Sse2.Store(s2, Sse2.Add(Sse2.LoadVector128(s2), p2));
            Sse2.Store(s3, Sse2.Add(Sse2.LoadVector128(s3), p3));
        }

        for (; i < rowCount; i++)
        {
            double* s = scratch + ((i & 3) * ColumnCopyStride) + (column[i] * 2);
            Sse2.Store(s, Sse2.Add(Sse2.LoadVector128(s), Pair(gradients + i)));
        }

        SumCopies(scratch, featureHistogram);
        CountColumn(column, rowCount, featureCounts);
    }

    /// <summary>The scalar twin of <see cref="BuildColumn"/>: same copies, same order of sums.</summary>
    public static void BuildColumnScalar(byte* column, GradientPair* gradients, int rowCount, double* featureHistogram, int* featureCounts, double* scratch)
    {
        new Span<double>(scratch, ColumnScratchLength).Clear();
        for (int i = 0; i < rowCount; i++)
        {
            double* s = scratch + ((i & 3) * ColumnCopyStride) + (column[i] * 2);
            s[0] += gradients[i].Gradient;
            s[1] += gradients[i].Hessian;
        }

        SumCopies(scratch, featureHistogram);
        CountColumn(column, rowCount, featureCounts);
    }

    /// <summary>Copies of a feature's slots that <see cref="BuildColumn"/> fills in turn.</summary>
    public const int ColumnCopies = 4;

    /// <summary>Doubles from one copy to the next.</summary>
    public const int ColumnCopyStride = FeatureStride;

    /// <summary>Scratch doubles <see cref="BuildColumn"/> needs.</summary>
    public const int ColumnScratchLength = ColumnCopies * ColumnCopyStride;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Pair(GradientPair* pair) =>
        Sse2.ConvertToVector128Double(Vector128.CreateScalarUnsafe(*(long*)pair).AsSingle());

    private static void SumCopies(double* copies, double* target)
    {
        for (int k = 0; k < FeatureStride; k++)
        {
            target[k] = ((copies[k] + copies[ColumnCopyStride + k]) + copies[(2 * ColumnCopyStride) + k]) + copies[(3 * ColumnCopyStride) + k];
        }
    }

    private static void CountColumn(byte* column, int rowCount, int* counts)
    {
        if (counts is null)
        {
            return;
        }

        new Span<int>(counts, CountStride).Clear();
        for (int i = 0; i < rowCount; i++)
        {
            counts[column[i]]++;
        }
    }

    /// <summary>histogram = parent - child, element-wise, for the listed features (all when null).</summary>
    public static void Subtract(double* parent, double* child, double* result, int featureCount, int[]? features)
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

    private static void Subtract(double* a, double* b, double* result, int length)
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
}
