using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// AVX2 kernel for complete trees: eight events per vector, two vectors in flight. Every level gathers the node's
/// feature word and cut, gathers the events' values, compares (NaN takes the branch its node learnt) and moves to
/// child <c>2i + 1 + goesRight</c>; the leaf values are gathered as doubles. The scalar twin is
/// <see cref="CompiledForest.AccumulateCompleteScalar"/>, which gives identical sums (same order, same precision).
/// </summary>
internal static unsafe class ForestKernels
{
    /// <summary>Whether the AVX2 kernel is used; tests switch it off to compare with the scalar twin.</summary>
    internal static bool Avx2Enabled { get; set; } = Avx2.IsSupported;

    /// <summary>Accumulates trees into rows [0, returned count) of the block; the rest is left to the scalar twin.</summary>
    public static int AccumulateCompleteAvx2(
        float* block,
        int rows,
        int stride,
        double* acc,
        int accStride,
        int* allWords,
        float* allCuts,
        double* allLeaves,
        int[] treeClass,
        int internalPerTree,
        int leavesPerTree,
        int depth,
        int treeStart,
        int treeEnd)
    {
        Vector256<int> laneOffsets = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * stride;
        Vector256<int> featureMask = Vector256.Create(int.MaxValue);
        Vector256<int> one = Vector256<int>.One;
        int pairedRows = rows & ~15;
        int vectorRows = rows & ~7;
        for (int t = treeStart; t < treeEnd; t++)
        {
            int* words = allWords + ((long)t * internalPerTree);
            float* cuts = allCuts + ((long)t * internalPerTree);
            double* leaves = allLeaves + ((long)t * leavesPerTree) - internalPerTree;
            double* a = acc + (treeClass[t] * accStride);
            int r = 0;
            for (; r < pairedRows; r += 16)
            {
                Vector256<int> baseA = laneOffsets + Vector256.Create(r * stride);
                Vector256<int> baseB = laneOffsets + Vector256.Create((r + 8) * stride);
                Vector256<int> indexA = Vector256<int>.Zero;
                Vector256<int> indexB = Vector256<int>.Zero;
                for (int level = 0; level < depth; level++)
                {
                    indexA = StepVector(words, cuts, block, baseA, indexA, featureMask, one);
                    indexB = StepVector(words, cuts, block, baseB, indexB, featureMask, one);
                }

                AddLeaves(leaves, indexA, a + r);
                AddLeaves(leaves, indexB, a + r + 8);
            }

            if (r < vectorRows)
            {
                Vector256<int> baseA = laneOffsets + Vector256.Create(r * stride);
                Vector256<int> indexA = Vector256<int>.Zero;
                for (int level = 0; level < depth; level++)
                {
                    indexA = StepVector(words, cuts, block, baseA, indexA, featureMask, one);
                }

                AddLeaves(leaves, indexA, a + r);
            }
        }

        return vectorRows;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> StepVector(
        int* words, float* cuts, float* block, Vector256<int> rowBase, Vector256<int> index, Vector256<int> featureMask, Vector256<int> one)
    {
        Vector256<int> word = Avx2.GatherVector256(words, index, 4);
        Vector256<float> cut = Avx2.GatherVector256(cuts, index, 4);
        Vector256<float> value = Avx2.GatherVector256(block, rowBase + (word & featureMask), 4);
        Vector256<int> greaterOrEqual = Avx.Compare(value, cut, FloatComparisonMode.OrderedGreaterThanOrEqualNonSignaling).AsInt32();
        Vector256<int> nanSecond = Avx.Compare(value, value, FloatComparisonMode.UnorderedNonSignaling).AsInt32()
            & Avx2.ShiftRightArithmetic(word, 31);
        return index + index + one - (greaterOrEqual | nanSecond);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddLeaves(double* leaves, Vector256<int> index, double* destination)
    {
        Vector256<double> low = Avx2.GatherVector256(leaves, index.GetLower(), 8);
        Vector256<double> high = Avx2.GatherVector256(leaves, index.GetUpper(), 8);
        Avx.Store(destination, Avx.LoadVector256(destination) + low);
        Avx.Store(destination + 4, Avx.LoadVector256(destination + 4) + high);
    }
}
