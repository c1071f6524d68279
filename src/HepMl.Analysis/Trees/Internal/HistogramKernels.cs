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
    /// <summary>Doubles per feature in a histogram (256 slots of g and h).</summary>
    public const int FeatureStride = 512;

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
