using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>d(a*s + t)/da = s.</summary>
internal sealed class ScaleBackward(Tensor a, float scale) : BackwardFunction(a)
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        var buffer = GradientBuffer.For(Inputs[0]);
        TensorPrimitives.Multiply(outputGradient, scale, buffer.Span);
        buffer.Commit();
    }
}
