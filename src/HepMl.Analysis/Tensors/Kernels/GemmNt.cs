using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>
/// C = alpha A B^T + beta C for small M and N with rows of A and B contiguous along K (the shape of convolution
/// weight gradients, dY col^T): blocks of 2 rows of A by 4 rows of B accumulate eight Vector256 dot products over K,
/// with no packing. For such shapes the packing of the general kernel costs more than the arithmetic.
/// </summary>
internal static unsafe class GemmNt
{
    /// <summary>True when this kernel beats the packed GEMM (small M, N; K long enough to vectorise).</summary>
    public static bool Suits(bool transposeA, bool transposeB, int m, int n, int k) =>
        !transposeA && transposeB && m <= 128 && n <= 128 && k >= 32;

    public static void Multiply(int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        int i = 0;
        for (; i + 2 <= m; i += 2)
        {
            float* a0 = a + ((long)i * lda);
            float* a1 = a0 + lda;
            int j = 0;
            for (; j + 4 <= n; j += 4)
            {
                Block2x4(k, a0, a1, b + ((long)j * ldb), ldb, out Vector256<float> s00, out Vector256<float> s01, out Vector256<float> s02, out Vector256<float> s03, out Vector256<float> s10, out Vector256<float> s11, out Vector256<float> s12, out Vector256<float> s13, out float r00, out float r01, out float r02, out float r03, out float r10, out float r11, out float r12, out float r13);
                float* c0 = c + ((long)i * ldc) + j;
                float* c1 = c0 + ldc;
                Store(c0, alpha, beta, Vector256.Sum(s00) + r00);
                Store(c0 + 1, alpha, beta, Vector256.Sum(s01) + r01);
                Store(c0 + 2, alpha, beta, Vector256.Sum(s02) + r02);
                Store(c0 + 3, alpha, beta, Vector256.Sum(s03) + r03);
                Store(c1, alpha, beta, Vector256.Sum(s10) + r10);
                Store(c1 + 1, alpha, beta, Vector256.Sum(s11) + r11);
                Store(c1 + 2, alpha, beta, Vector256.Sum(s12) + r12);
                Store(c1 + 3, alpha, beta, Vector256.Sum(s13) + r13);
            }

            for (; j < n; j++)
            {
                float* bj = b + ((long)j * ldb);
                Store(c + ((long)i * ldc) + j, alpha, beta, Dot(a0, bj, k));
                Store(c + ((long)(i + 1) * ldc) + j, alpha, beta, Dot(a1, bj, k));
            }
        }

        for (; i < m; i++)
        {
            float* ai = a + ((long)i * lda);
            for (int j = 0; j < n; j++)
            {
                Store(c + ((long)i * ldc) + j, alpha, beta, Dot(ai, b + ((long)j * ldb), k));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, float alpha, float beta, float value) =>
        *c = beta == 0f ? alpha * value : (alpha * value) + (beta * *c);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block2x4(
        int k, float* a0, float* a1, float* b0, int ldb,
        out Vector256<float> s00, out Vector256<float> s01, out Vector256<float> s02, out Vector256<float> s03,
        out Vector256<float> s10, out Vector256<float> s11, out Vector256<float> s12, out Vector256<float> s13,
        out float r00, out float r01, out float r02, out float r03, out float r10, out float r11, out float r12, out float r13)
    {
        float* b1 = b0 + ldb;
        float* b2 = b1 + ldb;
        float* b3 = b2 + ldb;
        s00 = s01 = s02 = s03 = s10 = s11 = s12 = s13 = Vector256<float>.Zero;
        int p = 0;
        for (; p + 8 <= k; p += 8)
        {
            Vector256<float> x0 = Vector256.Load(a0 + p);
            Vector256<float> x1 = Vector256.Load(a1 + p);
            Vector256<float> y = Vector256.Load(b0 + p);
            s00 = Vector256.FusedMultiplyAdd(x0, y, s00);
            s10 = Vector256.FusedMultiplyAdd(x1, y, s10);
            y = Vector256.Load(b1 + p);
            s01 = Vector256.FusedMultiplyAdd(x0, y, s01);
            s11 = Vector256.FusedMultiplyAdd(x1, y, s11);
            y = Vector256.Load(b2 + p);
            s02 = Vector256.FusedMultiplyAdd(x0, y, s02);
            s12 = Vector256.FusedMultiplyAdd(x1, y, s12);
            y = Vector256.Load(b3 + p);
            s03 = Vector256.FusedMultiplyAdd(x0, y, s03);
            s13 = Vector256.FusedMultiplyAdd(x1, y, s13);
        }

        r00 = r01 = r02 = r03 = r10 = r11 = r12 = r13 = 0f;
        for (; p < k; p++)
        {
            float x0 = a0[p];
            float x1 = a1[p];
            r00 += x0 * b0[p];
            r01 += x0 * b1[p];
            r02 += x0 * b2[p];
            r03 += x0 * b3[p];
            r10 += x1 * b0[p];
            r11 += x1 * b1[p];
            r12 += x1 * b2[p];
            r13 += x1 * b3[p];
        }
    }

    private static float Dot(float* x, float* y, int k) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(new ReadOnlySpan<float>(x, k), new ReadOnlySpan<float>(y, k));
}
