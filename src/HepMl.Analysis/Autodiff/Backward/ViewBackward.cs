using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>A view's gradient lands on the viewed elements of its base (reshape: all of them; slice: a range).</summary>
internal sealed class ViewBackward(Tensor source, int offset) : BackwardFunction(source)
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor source = Inputs[0];
        if (offset == 0 && outputGradient.Length == source.Length)
        {
            source.AccumulateGradient(outputGradient);
            return;
        }

        Span<float> target = source.GradientTarget(out bool fresh);
        if (fresh)
        {
            target.Clear();
        }

        System.Numerics.Tensors.TensorPrimitives.Add(target.Slice(offset, outputGradient.Length), outputGradient, target.Slice(offset, outputGradient.Length));
    }
}
