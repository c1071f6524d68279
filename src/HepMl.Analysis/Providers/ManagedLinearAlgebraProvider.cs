using HepMl.Analysis.Tensors.Kernels;

namespace HepMl.Analysis.Providers;

/// <summary>
/// The built-in provider: a cache-blocked, packed, Vector256-FMA GEMM split over the kernel threads
/// (<c>HEPML_NUM_THREADS</c>, default: all cores). Results can differ in the last bits from other providers and
/// between machines with different vector widths, because the summation order differs.
/// </summary>
public sealed class ManagedLinearAlgebraProvider : ILinearAlgebraProvider
{
    /// <summary>The shared instance.</summary>
    public static ManagedLinearAlgebraProvider Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "managed";

    /// <inheritdoc/>
    public void MatrixMultiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckMatrix(a, transposeA ? k : m, transposeA ? m : k, lda, nameof(a));
        CheckMatrix(b, transposeB ? n : k, transposeB ? k : n, ldb, nameof(b));
        CheckMatrix(c, m, n, ldc, nameof(c));
        Gemm.Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    private static void CheckMatrix(ReadOnlySpan<float> values, int rows, int columns, int stride, string name)
    {
        if (rows == 0 || columns == 0)
        {
            return;
        }

        if (stride < columns)
        {
            throw new ArgumentException($"{name}: row stride {stride} is smaller than the {columns} columns", name);
        }

        long needed = ((long)(rows - 1) * stride) + columns;
        if (values.Length < needed)
        {
            throw new ArgumentException(
                $"{name}: a [{rows}, {columns}] matrix with row stride {stride} needs {needed} values; the span has {values.Length}", name);
        }
    }
}
