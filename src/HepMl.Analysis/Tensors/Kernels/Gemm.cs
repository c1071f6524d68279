using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>
/// Single-precision GEMM, <c>C = alpha * op(A) * op(B) + beta * C</c>, row-major, in the Goto/BLIS layout:
/// B is packed into <see cref="Kc"/> x <see cref="Nr"/> micro-panels (one L3-resident block of <see cref="Nc"/>
/// columns at a time), A into <see cref="Mc"/> x <see cref="Kc"/> blocks of <see cref="Mr"/>-row micro-panels
/// (L2-resident), and a 6 x 16 register-blocked micro-kernel of Vector256 FMAs (12 accumulators) runs over them.
/// Large products are split over the kernel threads along the longer of M and N. BLAS: <c>sgemm</c>.
/// </summary>
internal static unsafe class Gemm
{
    public const int Mr = 6;
    public const int Nr = 16;
    public const int Kc = 256;
    public const int Mc = 120;
    public const int Nc = 2048;

    /// <summary>Products with fewer multiply-adds than this run on one thread.</summary>
    public const long ParallelThreshold = 1L << 18;

    [ThreadStatic]
    private static float[]? t_packA;

    [ThreadStatic]
    private static float[]? t_packB;

    [ThreadStatic]
    private static SplitWork? t_split;

    /// <summary>Computes the product; the spans must cover the addressed elements (checked by the caller).</summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        bool allowParallel = true)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            long work = (long)m * n * k;
            if (allowParallel && work >= ParallelThreshold && ParallelRunner.ThreadCount > 1 && (m >= 2 * Mr || n >= 2 * Nr))
            {
                SplitWork split = t_split ??= new SplitWork();
                split.Set(transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
                int tiles = n >= m ? (n + Nr - 1) / Nr : (m + Mr - 1) / Mr;
                ParallelRunner.Run(split, Math.Min(tiles, 2 * ParallelRunner.ThreadCount));
                split.Clear();
            }
            else
            {
                Sequential(transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            }
        }
    }

    /// <summary>The single-threaded blocked product on raw pointers.</summary>
    public static void Sequential(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0 || alpha == 0f)
        {
            ScaleC(m, n, beta, c, ldc);
            return;
        }

        if (GemmNt.Suits(transposeA, transposeB, m, n, k))
        {
            GemmNt.Multiply(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        float[] packABuffer = t_packA ??= GC.AllocateUninitializedArray<float>((Mc * Kc) + 64, pinned: true);
        float[] packBBuffer = t_packB ??= GC.AllocateUninitializedArray<float>((Kc * Nc) + 64, pinned: true);
        float* packA = AlignedStart(packABuffer);
        float* packB = AlignedStart(packBBuffer);
        float* edge = stackalloc float[Mr * Nr];

        for (int jc = 0; jc < n; jc += Nc)
        {
            int nc = Math.Min(Nc, n - jc);
            for (int pc = 0; pc < k; pc += Kc)
            {
                int kc = Math.Min(Kc, k - pc);
                float betaBlock = pc == 0 ? beta : 1f;
                PackB(transposeB, b, ldb, pc, jc, kc, nc, packB);
                for (int ic = 0; ic < m; ic += Mc)
                {
                    int mc = Math.Min(Mc, m - ic);
                    PackA(transposeA, a, lda, ic, pc, mc, kc, packA);
                    for (int jr = 0; jr < nc; jr += Nr)
                    {
                        int nr = Math.Min(Nr, nc - jr);
                        float* panelB = packB + (jr * kc);
                        for (int ir = 0; ir < mc; ir += Mr)
                        {
                            int mr = Math.Min(Mr, mc - ir);
                            float* target = c + ((long)(ic + ir) * ldc) + jc + jr;
                            if (mr == Mr && nr == Nr)
                            {
                                MicroKernel(kc, packA + (ir * kc), panelB, target, ldc, alpha, betaBlock);
                            }
                            else
                            {
                                MicroKernel(kc, packA + (ir * kc), panelB, edge, Nr, 1f, 0f);
                                StoreEdge(edge, target, ldc, mr, nr, alpha, betaBlock);
                            }
                        }
                    }
                }
            }
        }
    }

    private static float* AlignedStart(float[] pinned)
    {
        float* p = (float*)Unsafe.AsPointer(ref pinned[0]);
        nint misalignment = (nint)p & 63;
        return misalignment == 0 ? p : (float*)((byte*)p + (64 - misalignment));
    }

    private static void ScaleC(int m, int n, float beta, float* c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + ((long)i * ldc), n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else if (beta != 1f)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
            }
        }
    }

    /// <summary>Packs op(A)[ic..ic+mc, pc..pc+kc] into Mr-row panels, k-major inside a panel, zero-padded.</summary>
    private static void PackA(bool transposeA, float* a, int lda, int ic, int pc, int mc, int kc, float* packed)
    {
        for (int ir = 0; ir < mc; ir += Mr)
        {
            int mr = Math.Min(Mr, mc - ir);
            float* panel = packed + (ir * kc);
            if (!transposeA)
            {
                for (int r = 0; r < mr; r++)
                {
                    float* source = a + ((long)(ic + ir + r) * lda) + pc;
                    float* destination = panel + r;
                    for (int p = 0; p < kc; p++)
                    {
                        destination[p * Mr] = source[p];
                    }
                }
            }
            else
            {
                // op(A)[i, p] = A[p, i]: the Mr values of one k step are contiguous in A.
                for (int p = 0; p < kc; p++)
                {
                    float* source = a + ((long)(pc + p) * lda) + ic + ir;
                    float* destination = panel + (p * Mr);
                    for (int r = 0; r < mr; r++)
                    {
                        destination[r] = source[r];
                    }
                }
            }

            if (mr < Mr)
            {
                for (int p = 0; p < kc; p++)
                {
                    for (int r = mr; r < Mr; r++)
                    {
                        panel[(p * Mr) + r] = 0f;
                    }
                }
            }
        }
    }

    /// <summary>Packs op(B)[pc..pc+kc, jc..jc+nc] into Nr-column panels, k-major inside a panel, zero-padded.</summary>
    private static void PackB(bool transposeB, float* b, int ldb, int pc, int jc, int kc, int nc, float* packed)
    {
        for (int jr = 0; jr < nc; jr += Nr)
        {
            int nr = Math.Min(Nr, nc - jr);
            float* panel = packed + (jr * kc);
            if (!transposeB)
            {
                if (nr == Nr)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        float* source = b + ((long)(pc + p) * ldb) + jc + jr;
                        Vector256.Store(Vector256.Load(source), panel + (p * Nr));
                        Vector256.Store(Vector256.Load(source + 8), panel + (p * Nr) + 8);
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        float* source = b + ((long)(pc + p) * ldb) + jc + jr;
                        float* destination = panel + (p * Nr);
                        int j = 0;
                        for (; j < nr; j++)
                        {
                            destination[j] = source[j];
                        }

                        for (; j < Nr; j++)
                        {
                            destination[j] = 0f;
                        }
                    }
                }
            }
            else
            {
                // op(B)[p, j] = B[j, p]: walk each column of op(B) contiguously in B.
                for (int j = 0; j < nr; j++)
                {
                    float* source = b + ((long)(jc + jr + j) * ldb) + pc;
                    float* destination = panel + j;
                    for (int p = 0; p < kc; p++)
                    {
                        destination[p * Nr] = source[p];
                    }
                }

                for (int j = nr; j < Nr; j++)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        panel[(p * Nr) + j] = 0f;
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel(int kc, float* pa, float* pb, float* c, int ldc, float alpha, float beta)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(pb);
            Vector256<float> b1 = Vector256.Load(pb + 8);
            Vector256<float> a0 = Vector256.Create(pa[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            Vector256<float> a1 = Vector256.Create(pa[1]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            Vector256<float> a2 = Vector256.Create(pa[2]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            Vector256<float> a3 = Vector256.Create(pa[3]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            Vector256<float> a4 = Vector256.Create(pa[4]);
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            Vector256<float> a5 = Vector256.Create(pa[5]);
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            pa += Mr;
            pb += Nr;
        }

        StoreRow(c, c00, c01, alpha, beta);
        StoreRow(c + ldc, c10, c11, alpha, beta);
        StoreRow(c + (2 * ldc), c20, c21, alpha, beta);
        StoreRow(c + (3 * ldc), c30, c31, alpha, beta);
        StoreRow(c + (4 * ldc), c40, c41, alpha, beta);
        StoreRow(c + (5 * ldc), c50, c51, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector256<float> low, Vector256<float> high, float alpha, float beta)
    {
        if (alpha != 1f)
        {
            var scale = Vector256.Create(alpha);
            low *= scale;
            high *= scale;
        }

        if (beta == 0f)
        {
            Vector256.Store(low, c);
            Vector256.Store(high, c + 8);
        }
        else if (beta == 1f)
        {
            Vector256.Store(low + Vector256.Load(c), c);
            Vector256.Store(high + Vector256.Load(c + 8), c + 8);
        }
        else
        {
            var b = Vector256.Create(beta);
            Vector256.Store(Vector256.FusedMultiplyAdd(b, Vector256.Load(c), low), c);
            Vector256.Store(Vector256.FusedMultiplyAdd(b, Vector256.Load(c + 8), high), c + 8);
        }
    }

    private static void StoreEdge(float* edge, float* c, int ldc, int mr, int nr, float alpha, float beta)
    {
        for (int r = 0; r < mr; r++)
        {
            float* row = c + ((long)r * ldc);
            float* source = edge + (r * Nr);
            for (int j = 0; j < nr; j++)
            {
                float value = alpha * source[j];
                row[j] = beta == 0f ? value : value + (beta * row[j]);
            }
        }
    }

    /// <summary>Splits one product along M or N into independent sequential products, one per thread.</summary>
    private sealed class SplitWork : ParallelWork
    {
        private bool _transposeA;
        private bool _transposeB;
        private int _m;
        private int _n;
        private int _k;
        private float _alpha;
        private float _beta;
        private float* _a;
        private float* _b;
        private float* _c;
        private int _lda;
        private int _ldb;
        private int _ldc;

        public void Set(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
        {
            (_transposeA, _transposeB, _m, _n, _k, _alpha, _lda, _ldb, _beta, _ldc) =
                (transposeA, transposeB, m, n, k, alpha, lda, ldb, beta, ldc);
            _a = a;
            _b = b;
            _c = c;
        }

        public void Clear()
        {
            _a = null;
            _b = null;
            _c = null;
        }

        public override void Execute(int part, int parts)
        {
            // Split the longer dimension in micro-tile multiples so every thread runs full tiles.
            if (_n >= _m)
            {
                (int start, int count) = Range(_n, Nr, part, parts);
                if (count > 0)
                {
                    float* b = _transposeB ? _b + ((long)start * _ldb) : _b + start;
                    Sequential(_transposeA, _transposeB, _m, count, _k, _alpha, _a, _lda, b, _ldb, _beta, _c + start, _ldc);
                }
            }
            else
            {
                (int start, int count) = Range(_m, Mr, part, parts);
                if (count > 0)
                {
                    float* a = _transposeA ? _a + start : _a + ((long)start * _lda);
                    Sequential(_transposeA, _transposeB, count, _n, _k, _alpha, a, _lda, _b, _ldb, _beta, _c + ((long)start * _ldc), _ldc);
                }
            }
        }

        private static (int Start, int Count) Range(int length, int tile, int part, int parts)
        {
            int tiles = (length + tile - 1) / tile;
            int first = (int)((long)tiles * part / parts) * tile;
            int last = Math.Min(length, (int)((long)tiles * (part + 1) / parts) * tile);
            return (first, Math.Max(0, last - first));
        }
    }
}
