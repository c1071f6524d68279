using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// AVX2 kernel for complete trees: eight events per vector, two vectors in flight. Every level looks up the node's
/// feature word and cut, gathers the events' values, compares (NaN takes the branch its node learnt) and moves to
/// child <c>2i + 1 + goesRight</c>; the leaf values are gathered as doubles. The scalar twin is
/// <see cref="CompiledForest.AccumulateCompleteScalar"/>, which gives identical sums (same order, same precision).
/// </summary>
/// <remarks>
/// Gathers are slow on AMD Zen (about one element per cycle), so the node tables of the first six levels are read
/// with in-register permutes instead: levels 0-2 (nodes 0..6) and 3 (nodes 7..14) are one 8-entry table each,
/// level 4 (15..30) two tables and a blend, level 5 (31..62) four tables and three blends; deeper levels gather.
/// The node arrays carry <see cref="TablePadding"/> spare entries so the last tree's 8-wide table loads stay inside.
/// </remarks>
internal static unsafe class ForestKernels
{
    /// <summary>Whether the AVX2 kernel is used; tests switch it off to compare with the scalar twin.</summary>
    internal static bool Avx2Enabled { get; set; } = Avx2.IsSupported;

    /// <summary>Spare entries after the last tree's nodes in the complete layout (for the 8-wide table loads).</summary>
    public const int TablePadding = 8;

    /// <summary>Levels whose nodes are looked up by permutes rather than gathers.</summary>
    private const int PermutedLevels = 6;

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
                    if (level < PermutedLevels)
                    {
                        indexA = StepPermuted(level, words, cuts, block, baseA, indexA, featureMask, one);
                        indexB = StepPermuted(level, words, cuts, block, baseB, indexB, featureMask, one);
                    }
                    else
                    {
                        indexA = StepVector(words, cuts, block, baseA, indexA, featureMask, one);
                        indexB = StepVector(words, cuts, block, baseB, indexB, featureMask, one);
                    }
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
                    indexA = level < PermutedLevels
                        ? StepPermuted(level, words, cuts, block, baseA, indexA, featureMask, one)
                        : StepVector(words, cuts, block, baseA, indexA, featureMask, one);
                }

                AddLeaves(leaves, indexA, a + r);
            }
        }

        return vectorRows;
    }

    /// <summary>One level below <see cref="PermutedLevels"/>: node word and cut by permutes of the level's tables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> StepPermuted(
        int level, int* words, float* cuts, float* block, Vector256<int> rowBase, Vector256<int> index, Vector256<int> featureMask, Vector256<int> one)
    {
        Vector256<int> word;
        Vector256<float> cut;
        if (level < 3)
        {
            word = Avx2.PermuteVar8x32(Avx.LoadVector256(words), index);
            cut = Avx2.PermuteVar8x32(Avx.LoadVector256(cuts), index);
        }
        else if (level == 3)
        {
            Vector256<int> relative = index - Vector256.Create(7);
            word = Avx2.PermuteVar8x32(Avx.LoadVector256(words + 7), relative);
            cut = Avx2.PermuteVar8x32(Avx.LoadVector256(cuts + 7), relative);
        }
        else if (level == 4)
        {
            Vector256<int> relative = index - Vector256.Create(15);
            Vector256<float> upper = Avx2.ShiftLeftLogical(relative, 28).AsSingle();
            word = Avx.BlendVariable(
                Avx2.PermuteVar8x32(Avx.LoadVector256(words + 15), relative).AsSingle(),
                Avx2.PermuteVar8x32(Avx.LoadVector256(words + 23), relative).AsSingle(), upper).AsInt32();
            cut = Avx.BlendVariable(
                Avx2.PermuteVar8x32(Avx.LoadVector256(cuts + 15), relative),
                Avx2.PermuteVar8x32(Avx.LoadVector256(cuts + 23), relative), upper);
        }
        else
        {
            Vector256<int> relative = index - Vector256.Create(31);
            Vector256<float> bit3 = Avx2.ShiftLeftLogical(relative, 28).AsSingle();
            Vector256<float> bit4 = Avx2.ShiftLeftLogical(relative, 27).AsSingle();
            Vector256<float> w0 = Avx.BlendVariable(
                Avx2.PermuteVar8x32(Avx.LoadVector256(words + 31), relative).AsSingle(),
                Avx2.PermuteVar8x32(Avx.LoadVector256(words + 39), relative).AsSingle(), bit3);
            Vector256<float> w1 = Avx.BlendVariable(
                Avx2.PermuteVar8x32(Avx.LoadVector256(words + 47), relative).AsSingle(),
                Avx2.PermuteVar8x32(Avx.LoadVector256(words + 55), relative).AsSingle(), bit3);
            word = Avx.BlendVariable(w0, w1, bit4).AsInt32();
            Vector256<float> c0 = Avx.BlendVariable(
                Avx2.PermuteVar8x32(Avx.LoadVector256(cuts + 31), relative),
                Avx2.PermuteVar8x32(Avx.LoadVector256(cuts + 39), relative), bit3);
            Vector256<float> c1 = Avx.BlendVariable(
                Avx2.PermuteVar8x32(Avx.LoadVector256(cuts + 47), relative),
                Avx2.PermuteVar8x32(Avx.LoadVector256(cuts + 55), relative), bit3);
            cut = Avx.BlendVariable(c0, c1, bit4);
        }

        return Descend(block, rowBase, index, word, cut, featureMask, one);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Descend(
        float* block, Vector256<int> rowBase, Vector256<int> index, Vector256<int> word, Vector256<float> cut, Vector256<int> featureMask, Vector256<int> one)
    {
        Vector256<float> value = Avx2.GatherVector256(block, rowBase + (word & featureMask), 4);
        Vector256<int> greaterOrEqual = Avx.Compare(value, cut, FloatComparisonMode.OrderedGreaterThanOrEqualNonSignaling).AsInt32();
        Vector256<int> nanSecond = Avx.Compare(value, value, FloatComparisonMode.UnorderedNonSignaling).AsInt32()
            & Avx2.ShiftRightArithmetic(word, 31);
        return index + index + one - (greaterOrEqual | nanSecond);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> StepVector(
        int* words, float* cuts, float* block, Vector256<int> rowBase, Vector256<int> index, Vector256<int> featureMask, Vector256<int> one)
    {
        Vector256<int> word = Avx2.GatherVector256(words, index, 4);
        Vector256<float> cut = Avx2.GatherVector256(cuts, index, 4);
        return Descend(block, rowBase, index, word, cut, featureMask, one);
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
