using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;
using HepMl.Analysis.Tensors.Kernels;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>Gradient of an element-wise activation (see <see cref="ActivationKernels.Backward"/>).</summary>
internal sealed class ActivationBackward(ActivationKind kind, float parameter, Tensor x, Tensor output) : BackwardFunction(x)
{
    private Tensor? _output = output;

    public override string Name => kind.ToString();

    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor input = Inputs[0];
        input.GradientTarget(out bool fresh);
        if (fresh)
        {
            ElementwiseParallel.ActivationBackward(kind, parameter, input, _output!, Output.Grad!, input.Grad!);
            return;
        }

        var buffer = GradientBuffer.For(input);
        ActivationKernels.Backward(kind, parameter, input.Span, _output!.Span, outputGradient, buffer.Span);
        buffer.Commit();
    }

    public override void Release()
    {
        _output = null;
        base.Release();
    }
}
