using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>Splits the gradient of a dimension-1 concatenation back into its two parts.</summary>
internal sealed class ConcatenateBackward(Tensor first, Tensor second) : BackwardFunction(first, second)
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor first = Inputs[0];
        Tensor second = Inputs[1];
        int rows = first.Shape[0];
        int a = first.Shape.RowLength;
        int b = second.Shape.RowLength;
        if (first.RequiresGrad)
        {
            var buffer = GradientBuffer.For(first);
            for (int r = 0; r < rows; r++)
            {
                outputGradient.Slice(r * (a + b), a).CopyTo(buffer.Span.Slice(r * a, a));
            }

            buffer.Commit();
        }

        if (second.RequiresGrad)
        {
            var buffer = GradientBuffer.For(second);
            for (int r = 0; r < rows; r++)
            {
                outputGradient.Slice((r * (a + b)) + a, b).CopyTo(buffer.Span.Slice(r * b, b));
            }

            buffer.Commit();
        }
    }
}
