using HepMl.Analysis.Autodiff.Backward;
using HepMl.Analysis.Providers;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Matrix product of two rank-2 tensors, <c>op(a) * op(b)</c>, where op transposes when asked.
    /// PyTorch: <c>torch.matmul</c> (2-D).
    /// </summary>
    /// <exception cref="ShapeMismatchException">An input is not rank 2 or the inner dimensions differ.</exception>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2)
        {
            ThrowHelper.ShapeMismatch("MatMul", "needs two rank-2 tensors", a.Shape, b.Shape);
        }

        int m = transposeA ? a.Shape[1] : a.Shape[0];
        int k = transposeA ? a.Shape[0] : a.Shape[1];
        int kb = transposeB ? b.Shape[1] : b.Shape[0];
        int n = transposeB ? b.Shape[0] : b.Shape[1];
        if (k != kb)
        {
            ThrowHelper.ShapeMismatch("MatMul", $"inner dimensions must agree ({k} vs {kb})", a.Shape, b.Shape);
        }

        Tensor result = Uninitialized(new TensorShape(m, n));
        LinearAlgebraControl.Provider.MatrixMultiply(
            transposeA, transposeB, m, n, k, 1f, a.Span, a.Shape[1], b.Span, b.Shape[1], 0f, result.Span, n);
        if (ShouldRecord(a, b))
        {
            result.SetGradFunction(new MatMulBackward(a, b, transposeA, transposeB));
        }

        return result;
    }

    /// <summary>
    /// Affine map <c>input * weight^T + bias</c> with <paramref name="input"/> [N, in], <paramref name="weight"/>
    /// [out, in] (PyTorch's layout) and <paramref name="bias"/> [out] or null. PyTorch: <c>F.linear</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes do not fit.</exception>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank != 2 || weight.Rank != 2 || input.Shape[1] != weight.Shape[1])
        {
            ThrowHelper.ShapeMismatch("Linear", "needs input [N, in] and weight [out, in]", input.Shape, weight.Shape);
        }

        int n = input.Shape[0];
        int inFeatures = input.Shape[1];
        int outFeatures = weight.Shape[0];
        if (bias is not null && (bias.Rank != 1 || bias.Length != outFeatures))
        {
            ThrowHelper.ShapeMismatch("Linear", $"bias must be [{outFeatures}]", bias.Shape, weight.Shape);
        }

        Tensor result = Uninitialized(new TensorShape(n, outFeatures));
        Span<float> y = result.Span;
        float beta = 0f;
        if (bias is not null)
        {
            ReadOnlySpan<float> b = bias.Span;
            for (int row = 0; row < n; row++)
            {
                b.CopyTo(y.Slice(row * outFeatures, outFeatures));
            }

            beta = 1f;
        }

        LinearAlgebraControl.Provider.MatrixMultiply(
            false, true, n, outFeatures, inFeatures, 1f, input.Span, inFeatures, weight.Span, inFeatures, beta, y, outFeatures);
        if (ShouldRecord(input, weight, bias))
        {
            result.SetGradFunction(new LinearBackward(input, weight, bias));
        }

        return result;
    }
}
