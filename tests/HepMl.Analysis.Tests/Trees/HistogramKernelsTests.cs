using HepMl.Analysis.Trees.Internal;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>The column histogram kernel (the root of a tree on every event) against its scalar twin and a plain sum, and
/// the event partition against a plain stable partition.</summary>
public class HistogramKernelsTests
{
    [Test]
    public unsafe void BuildColumn_EqualsScalarTwinAndPlainSums_ForEveryLength()
    {
        var random = new Random(11);
        for (int rows = 0; rows <= 257; rows++)
        {
            var column = new byte[rows];
            var gradients = new GradientPair[rows];
            for (int i = 0; i < rows; i++)
            {
                // Few bins, so that neighbouring events often share a slot; 255 is the missing bin.
                column[i] = (byte)(random.Next(6) == 0 ? QuantizedFeatures.MissingBin : random.Next(4));
                gradients[i] = new GradientPair((float)(random.NextDouble() - 0.5), (float)random.NextDouble());
            }

            double[] vector = new double[HistogramKernels.FeatureStride], scalar = new double[HistogramKernels.FeatureStride];
            int[] vectorCounts = new int[HistogramKernels.CountStride], scalarCounts = new int[HistogramKernels.CountStride];
            double[] scratch = new double[HistogramKernels.ColumnScratchLength];
            fixed (byte* c = column)
            fixed (GradientPair* g = gradients)
            fixed (double* v = vector, s = scalar, copies = scratch)
            fixed (int* vc = vectorCounts, sc = scalarCounts)
            {
                HistogramKernels.BuildColumn(c, g, rows, v, vc, copies);
                HistogramKernels.BuildColumnScalar(c, g, rows, s, sc, copies);
            }

            Assert.That(vector, Is.EqualTo(scalar), $"{rows} rows");
            Assert.That(vectorCounts, Is.EqualTo(scalarCounts), $"{rows} rows");
            for (int bin = 0; bin < 256; bin++)
            {
                double g = 0, h = 0;
                int n = 0;
                for (int i = 0; i < rows; i++)
                {
                    if (column[i] == bin)
                    {
                        g += gradients[i].Gradient;
                        h += gradients[i].Hessian;
                        n++;
                    }
                }

                Tolerance.AssertClose(g, vector[2 * bin], rel: 1e-12, abs: 1e-12, what: $"gradient of bin {bin}, {rows} rows");
                Tolerance.AssertClose(h, vector[(2 * bin) + 1], rel: 1e-12, abs: 1e-12, what: $"hessian of bin {bin}, {rows} rows");
                Assert.That(vectorCounts[bin], Is.EqualTo(n), $"count of bin {bin}, {rows} rows");
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
