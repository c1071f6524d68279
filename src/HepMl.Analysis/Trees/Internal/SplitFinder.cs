using System.Runtime.CompilerServices;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>Split search over one feature's histogram and the partition of a node's events by a split.</summary>
internal static unsafe class SplitFinder
{
    /// <summary>
    /// Scans the value bins of one feature from low to high; for each boundary it tries NaN on the right and, when
    /// the node has NaN for this feature, on the left. Gain = score(left) + score(right) - score(parent); a candidate
    /// must leave a hessian sum of at least the minimum (and, when counting, enough events) on both sides.
    /// </summary>
    public static void BestForFeature(
        double* histogram,
        int* counts,
        int feature,
        int binCount,
        double gradient,
        double hessian,
        int count,
        double parentScore,
        GrowerSettings settings,
        ref SplitInfo best)
    {
        if (binCount < 2)
        {
            return;
        }

        const int missing = QuantizedFeatures.MissingBin;
        double missingGradient = histogram[2 * missing];
        double missingHessian = histogram[(2 * missing) + 1];
        int missingCount = counts is null ? 0 : counts[missing];
        bool hasMissing = counts is null ? missingGradient != 0 || missingHessian != 0 : missingCount > 0;
        double leftGradient = 0, leftHessian = 0;
        int leftCount = 0;
        for (int bin = 0; bin < binCount - 1; bin++)
        {
            leftGradient += histogram[2 * bin];
            leftHessian += histogram[(2 * bin) + 1];
            if (counts is not null)
            {
                leftCount += counts[bin];
            }

            Try(settings, feature, bin, false, parentScore, counts is not null,
                leftGradient, leftHessian, leftCount,
                gradient - leftGradient, hessian - leftHessian, count - leftCount, ref best);
            if (hasMissing)
            {
                double lg = leftGradient + missingGradient, lh = leftHessian + missingHessian;
                int lc = leftCount + missingCount;
                Try(settings, feature, bin, true, parentScore, counts is not null,
                    lg, lh, lc, gradient - lg, hessian - lh, count - lc, ref best);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Try(
        GrowerSettings settings,
        int feature,
        int bin,
        bool missingLeft,
        double parentScore,
        bool counting,
        double leftGradient,
        double leftHessian,
        int leftCount,
        double rightGradient,
        double rightHessian,
        int rightCount,
        ref SplitInfo best)
    {
        double minHessian = settings.MinChildHessian;
        if (leftHessian < minHessian || rightHessian < minHessian)
        {
            return;
        }

        if (counting && (leftCount < settings.MinSamplesLeaf || rightCount < settings.MinSamplesLeaf))
        {
            return;
        }

        double gain = settings.Score(leftGradient, leftHessian) + settings.Score(rightGradient, rightHessian) - parentScore;
        if (gain > best.Gain)
        {
            best = new SplitInfo
            {
                Feature = feature,
                Bin = bin,
                MissingLeft = missingLeft,
                Gain = gain,
                LeftGradient = leftGradient,
                LeftHessian = leftHessian,
                LeftCount = counting ? leftCount : -1,
                RightGradient = rightGradient,
                RightHessian = rightHessian,
                RightCount = counting ? rightCount : -1,
            };
        }
    }

    /// <summary>Writes the events of <paramref name="rows"/> that go left to <paramref name="left"/> and the others to
    /// <paramref name="right"/>, keeping their order; <paramref name="column"/> holds the split feature's bins.</summary>
    public static void PartitionChunk(
        byte* column,
        int bin,
        bool missingLeft,
        int* rows,
        int count,
        int* left,
        int* right,
        out int leftCount,
        out int rightCount)
    {
        int missingLeftFlag = missingLeft ? 1 : 0;
        int l = 0, r = 0;
        for (int i = 0; i < count; i++)
        {
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported && i + HistogramKernels.PrefetchDistance < count)
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(column + rows[i + HistogramKernels.PrefetchDistance]);
            }

            int row = rows[i];
            int b = column[row];
            int goesLeft = (b <= bin ? 1 : 0) | ((b == QuantizedFeatures.MissingBin ? 1 : 0) & missingLeftFlag);
            left[l] = row;
            right[r] = row;
            l += goesLeft;
            r += 1 - goesLeft;
        }

        leftCount = l;
        rightCount = r;
    }
}
