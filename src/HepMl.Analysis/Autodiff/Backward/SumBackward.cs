using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>Every element of the input receives the scalar gradient times the factor (1 for sum, 1/n for mean).</summary>
internal sealed class SumBackward(Tensor x, float factor) : BackwardFunction(x)
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        var buffer = GradientBuffer.For(Inputs[0]);
        buffer.Span.Fill(outputGradient[0] * factor);
        buffer.Commit();
    }
}
