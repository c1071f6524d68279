using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Providers;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>For y = x W^T + b: dx = dy W, dW = dy^T x, db = column sums of dy.</summary>
internal sealed class LinearBackward(Tensor input, Tensor weight, Tensor? bias)
    : BackwardFunction(bias is null ? [input, weight] : [input, weight, bias])
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor x = Inputs[0];
        Tensor w = Inputs[1];
        int n = x.Shape[0];
        int inFeatures = x.Shape[1];
        int outFeatures = w.Shape[0];
        ILinearAlgebraProvider blas = LinearAlgebraControl.Provider;
        if (w.RequiresGrad)
        {
            Span<float> dw = w.GradientTarget(out bool fresh);
            blas.MatrixMultiply(true, false, outFeatures, inFeatures, n, 1f, outputGradient, outFeatures, x.Span, inFeatures, fresh ? 0f : 1f, dw, inFeatures);
        }

        if (Inputs.Length == 3 && Inputs[2].RequiresGrad)
        {
            Span<float> db = Inputs[2].GradientTarget(out bool fresh);
            if (fresh)
            {
                db.Clear();
            }

            for (int row = 0; row < n; row++)
            {
                TensorPrimitives.Add(db, outputGradient.Slice(row * outFeatures, outFeatures), db);
            }
        }

        if (x.RequiresGrad)
        {
            Span<float> dx = x.GradientTarget(out bool fresh);
            blas.MatrixMultiply(false, false, n, inFeatures, outFeatures, 1f, outputGradient, outFeatures, w.Span, inFeatures, fresh ? 0f : 1f, dx, inFeatures);
        }
    }
}
