using HepMl.Analysis.Providers;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Kernels;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Tensors;

public class GemmTests
{
    private static IEnumerable<TestCaseData> Sizes()
    {
        int[][] sizes = [[1, 1, 1], [7, 17, 5], [6, 16, 256], [13, 33, 300], [130, 70, 40], [200, 300, 100], [5, 2100, 3], [0, 4, 3], [3, 4, 0]];
        foreach (int[] s in sizes)
        {
            foreach ((bool ta, bool tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                yield return new TestCaseData(s[0], s[1], s[2], ta, tb);
            }
        }
    }

    [TestCaseSource(nameof(Sizes))]
    public void Multiply_MatchesDoubleReference(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var random = new RandomSource(7);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        random.FillUniform(a, -1f, 1f);
        random.FillUniform(b, -1f, 1f);
        random.FillUniform(c, -1f, 1f);
        float[] expectedC = (float[])c.Clone();
        int lda = transposeA ? m : k;
        int ldb = transposeB ? k : n;
        const float alpha = 0.75f;
        const float beta = 0.5f;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double av = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    double bv = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += av * bv;
                }

                expectedC[(i * n) + j] = (float)((alpha * sum) + (beta * expectedC[(i * n) + j]));
            }
        }

        ManagedLinearAlgebraProvider.Instance.MatrixMultiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, n);

        for (int i = 0; i < c.Length; i++)
        {
            Assert.That(c[i], Is.EqualTo(expectedC[i]).Within(1e-4 * Math.Sqrt(k + 1)), $"element {i}");
        }
    }

    [Test]
    public void Multiply_BetaZero_IgnoresNaNInDestination()
    {
        float[] c = [float.NaN, float.NaN, float.NaN, float.NaN];
        Gemm.Multiply(false, false, 2, 2, 1, 1f, [1f, 2f], 1, [3f, 4f], 2, 0f, c, 2);
        Assert.That(c, Is.EqualTo(new[] { 3f, 4f, 6f, 8f }));
    }

    [Test]
    public void MatrixMultiply_ShortSpan_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ManagedLinearAlgebraProvider.Instance.MatrixMultiply(false, false, 2, 2, 2, 1f, new float[3], 2, new float[4], 2, 0f, new float[4], 2));
        Assert.That(error!.Message, Does.Contain("needs 4 values"));
    }

    [Test]
    public void ReluBackward_MatchesScalarTwinForLengths0To257()
    {
        var random = new RandomSource(11);
        for (int length = 0; length <= 257; length++)
        {
            float[] y = new float[length];
            float[] g = new float[length];
            random.FillUniform(y, -1f, 1f);
            random.FillUniform(g, -1f, 1f);
            float[] actual = new float[length];
            ActivationKernels.ReluBackward(y, g, actual);
            for (int i = 0; i < length; i++)
            {
                Assert.That(actual[i], Is.EqualTo(y[i] > 0 ? g[i] : 0f), $"length {length} index {i}");
            }
        }
    }
}
