using HepMl.Analysis.Providers;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>For C = op(A) op(B): dA = dC op(B)^T and dB = op(A)^T dC, written in the stored (possibly transposed) layout.</summary>
internal sealed class MatMulBackward(Tensor a, Tensor b, bool transposeA, bool transposeB) : BackwardFunction(a, b)
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor a = Inputs[0];
        Tensor b = Inputs[1];
        int m = transposeA ? a.Shape[1] : a.Shape[0];
        int k = transposeA ? a.Shape[0] : a.Shape[1];
        int n = transposeB ? b.Shape[0] : b.Shape[1];
        ILinearAlgebraProvider blas = LinearAlgebraControl.Provider;
        if (a.RequiresGrad)
        {
            var buffer = GradientBuffer.For(a);
            if (!transposeA)
            {
                // dA[m,k] = dC[m,n] op(B)^T
                blas.MatrixMultiply(false, !transposeB, m, k, n, 1f, outputGradient, n, b.Span, b.Shape[1], 0f, buffer.Span, k);
            }
            else
            {
                // A stored [k,m]: dA = op(B) dC^T
                blas.MatrixMultiply(transposeB, true, k, m, n, 1f, b.Span, b.Shape[1], outputGradient, n, 0f, buffer.Span, m);
            }

            buffer.Commit();
        }

        if (b.RequiresGrad)
        {
            var buffer = GradientBuffer.For(b);
            if (!transposeB)
            {
                // dB[k,n] = op(A)^T dC
                blas.MatrixMultiply(!transposeA, false, k, n, m, 1f, a.Span, a.Shape[1], outputGradient, n, 0f, buffer.Span, n);
            }
            else
            {
                // B stored [n,k]: dB = dC^T op(A)
                blas.MatrixMultiply(true, transposeA, n, k, m, 1f, outputGradient, n, a.Span, a.Shape[1], 0f, buffer.Span, k);
            }

            buffer.Commit();
        }
    }
}
