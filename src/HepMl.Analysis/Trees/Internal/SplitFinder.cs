using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    /// <paramref name="right"/>, keeping their order; <paramref name="column"/> holds the split feature's bins for
    /// <paramref name="columnLength"/> events, and <paramref name="rows"/> is ascending.</summary>
    /// <remarks>With AVX2, eight events at a time: their bins are gathered as 32-bit words (the low byte is the bin),
    /// compared, and each side's events are packed to the front of a vector by a permutation from
    /// <see cref="PackTable"/> and stored whole; the lanes past the packed ones are overwritten by later stores or lie
    /// beyond the side's count, but always inside the chunk's own <paramref name="count"/> entries.</remarks>
    public static void PartitionChunk(
        byte* column,
        int columnLength,
        int bin,
        bool missingLeft,
        int* rows,
        int count,
        int* left,
        int* right,
        out int leftCount,
        out int rightCount)
    {
        int l = 0, r = 0, i = 0;
        if (Avx2.IsSupported)
        {
            // A gathered word reads three bytes past the bin: stop where that would pass the column's end.
            int lastSafeRow = columnLength - 4;
            Vector256<int> low = Vector256.Create(0xFF), cut = Vector256.Create(bin), missing = Vector256.Create(QuantizedFeatures.MissingBin);
            fixed (int* table = PackTable)
            {
                for (; i + 8 <= count && rows[i + 7] <= lastSafeRow; i += 8)
                {
                    Vector256<int> events = Avx.LoadVector256(rows + i);
                    Vector256<int> bins = Avx2.GatherVector256((int*)column, events, 1) & low;
                    Vector256<int> goesLeft = Vector256.LessThanOrEqual(bins, cut);
                    if (missingLeft)
                    {
                        goesLeft |= Vector256.Equals(bins, missing);
                    }

                    int mask = (int)goesLeft.ExtractMostSignificantBits();
                    Avx.Store(left + l, Avx2.PermuteVar8x32(events, Avx.LoadVector256(table + (mask * 8))));
                    Avx.Store(right + r, Avx2.PermuteVar8x32(events, Avx.LoadVector256(table + ((mask ^ 0xFF) * 8))));
                    int leftHere = BitOperations.PopCount((uint)mask);
                    l += leftHere;
                    r += 8 - leftHere;
                }
            }
        }

        int missingLeftFlag = missingLeft ? 1 : 0;
        for (; i < count; i++)
        {
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

    /// <summary>For each 8-bit mask, the lanes whose bit is set, in order, then zeros: the permutation that packs the
    /// selected lanes of a vector to its front.</summary>
    private static readonly int[] PackTable = BuildPackTable();

    private static int[] BuildPackTable()
    {
        var table = new int[256 * 8];
        for (int mask = 0; mask < 256; mask++)
        {
            int k = 0;
            for (int lane = 0; lane < 8; lane++)
            {
                if (((mask >> lane) & 1) != 0)
                {
                    table[(mask * 8) + k++] = lane;
                }
            }
        }

        return table;
    }
}
