using HepMl.Analysis.Trees.Internal;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>The column histogram kernel (the root of a tree on every event) against its scalar twin and a plain sum.</summary>
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
}
