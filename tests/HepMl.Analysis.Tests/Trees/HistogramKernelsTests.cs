using HepMl.Analysis.Trees.Internal;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>The histogram kernels (by rows and by column) against plain integer sums, and the event partition against
/// a plain stable partition.</summary>
public class HistogramKernelsTests
{
    [Test]
    public unsafe void BuildColumnAndRowKernels_GivePlainIntegerSums_ForEveryLength()
    {
        var random = new Random(11);
        const int features = 6;
        for (int rows = 0; rows <= 257; rows++)
        {
            var bins = new byte[rows * features];
            var columns = new byte[features][];
            var gradients = new long[rows];
            var expectedGradient = new long[features, 256];
            var expectedHessian = new long[features, 256];
            var expectedCount = new int[features, 256];
            for (int f = 0; f < features; f++)
            {
                columns[f] = new byte[rows];
            }

            for (int i = 0; i < rows; i++)
            {
                int g = random.Next(-3000, 3001), h = random.Next(-5, 3001);
                gradients[i] = GradientQuantizer.Pack(g, h);
                for (int f = 0; f < features; f++)
                {
                    // Few bins, so that neighbouring events often share a slot; 255 is the missing bin.
                    byte bin = (byte)(random.Next(6) == 0 ? QuantizedFeatures.MissingBin : random.Next(4));
                    bins[(i * features) + f] = bin;
                    columns[f][i] = bin;
                    expectedGradient[f, bin] += g;
                    expectedHessian[f, bin] += h;
                    expectedCount[f, bin]++;
                }
            }

            int[] allRows = Enumerable.Range(0, rows).ToArray();
            var byRows = new long[features * HistogramKernels.FeatureStride];
            var byRowsCounted = new long[features * HistogramKernels.FeatureStride];
            var rowCounts = new int[features * HistogramKernels.CountStride];
            var byColumns = new long[features * HistogramKernels.FeatureStride];
            var columnCounts = new int[features * HistogramKernels.CountStride];
            var scratch = new long[HistogramKernels.ColumnScratchLength];
            fixed (byte* b = bins)
            fixed (long* g = gradients, r = byRows, rc = byRowsCounted, c = byColumns, copies = scratch)
            fixed (int* events = allRows, counts = rowCounts, cc = columnCounts)
            {
                HistogramKernels.Build(b, features, null, features, g, events, rows, r, null);
                HistogramKernels.Build(b, features, null, features, g, events, rows, rc, counts);
                for (int f = 0; f < features; f++)
                {
                    fixed (byte* column = columns[f])
                    {
                        HistogramKernels.BuildColumn(
                            column, g, rows, c + (f * HistogramKernels.FeatureStride), cc + (f * HistogramKernels.CountStride), copies);
                    }
                }
            }

            for (int f = 0; f < features; f++)
            {
                for (int bin = 0; bin < 256; bin++)
                {
                    string what = $"feature {f}, bin {bin}, {rows} rows";
                    foreach ((long[] histogram, string kernel) in new[] { (byRows, "rows"), (byRowsCounted, "rows with counts"), (byColumns, "column") })
                    {
                        long sum = histogram[(f * HistogramKernels.FeatureStride) + bin];
                        Assert.That(GradientQuantizer.Gradient(sum), Is.EqualTo(expectedGradient[f, bin]), $"gradient, {kernel}, {what}");
                        Assert.That(GradientQuantizer.Hessian(sum), Is.EqualTo(expectedHessian[f, bin]), $"hessian, {kernel}, {what}");
                    }

                    Assert.That(rowCounts[(f * HistogramKernels.CountStride) + bin], Is.EqualTo(expectedCount[f, bin]), $"row count, {what}");
                    Assert.That(columnCounts[(f * HistogramKernels.CountStride) + bin], Is.EqualTo(expectedCount[f, bin]), $"column count, {what}");
                }
            }
        }
    }

    [Test]
    public unsafe void PartitionChunk_EqualsPlainStablePartition_ForEveryCutLengthAndColumnEnd()
    {
        var random = new Random(12);
        foreach (int columnLength in new[] { 1, 5, 9, 40, 1000 })
        {
            var column = new byte[columnLength];
            for (int i = 0; i < columnLength; i++)
            {
                column[i] = (byte)(random.Next(5) == 0 ? QuantizedFeatures.MissingBin : random.Next(6));
            }

            for (int trial = 0; trial < 60; trial++)
            {
                // An ascending subset of the events; the dense trials reach the column's last events.
                double density = trial % 3 == 0 ? 1.0 : random.NextDouble();
                var subset = new List<int>();
                for (int i = 0; i < columnLength; i++)
                {
                    if (random.NextDouble() < density)
                    {
                        subset.Add(i);
                    }
                }

                int[] rows = [.. subset];
                int cut = random.Next(7);
                bool missingLeft = trial % 2 == 0;
                var expectedLeft = new List<int>();
                var expectedRight = new List<int>();
                foreach (int row in rows)
                {
                    int bin = column[row];
                    bool goesLeft = bin == QuantizedFeatures.MissingBin ? missingLeft : bin <= cut;
                    (goesLeft ? expectedLeft : expectedRight).Add(row);
                }

                int[] left = new int[rows.Length], right = new int[rows.Length];
                int leftCount, rightCount;
                fixed (byte* c = column)
                fixed (int* r = rows, l = left, rr = right)
                {
                    SplitFinder.PartitionChunk(c, columnLength, cut, missingLeft, r, rows.Length, l, rr, out leftCount, out rightCount);
                }

                string what = $"column length {columnLength}, trial {trial}, cut {cut}, missing left {missingLeft}";
                Assert.That(left[..leftCount], Is.EqualTo(expectedLeft), what);
                Assert.That(right[..rightCount], Is.EqualTo(expectedRight), what);
            }
        }
    }
}
