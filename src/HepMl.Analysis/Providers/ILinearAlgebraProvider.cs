namespace HepMl.Analysis.Providers;

/// <summary>
/// The dense linear-algebra back-end the neural-network layers call. The managed provider is always available;
/// a native BLAS or GPU provider implements this interface in its own assembly and is installed through
/// <see cref="LinearAlgebraControl"/> without changes to the layers. Math.NET: <c>ILinearAlgebraProvider</c>.
/// </summary>
public interface ILinearAlgebraProvider
{
    /// <summary>Short name for logs and benchmarks ("managed", "openblas", ...).</summary>
    string Name { get; }

    /// <summary>
    /// Row-major single-precision matrix product <c>C = alpha * op(A) * op(B) + beta * C</c> with op(A) of shape
    /// [m, k] and op(B) of shape [k, n]; <paramref name="lda"/>, <paramref name="ldb"/>, <paramref name="ldc"/> are
    /// the row strides of the stored matrices. When <paramref name="beta"/> is 0, C is overwritten (NaN in C does
    /// not propagate). BLAS: <c>cblas_sgemm(CblasRowMajor, ...)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the sizes and strides given.</exception>
    void MatrixMultiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);
}
