using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Kernels;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>Per image: dW += dY col^T, db += row sums of dY, dX = col2im(W^T dY) (see <see cref="ConvolutionKernels"/>).</summary>
internal sealed class Conv2dBackward(Tensor input, Tensor weight, Tensor? bias, ConvolutionGeometry geometry)
    : BackwardFunction(bias is null ? [input, weight] : [input, weight, bias])
{
    public override void Backward(ReadOnlySpan<float> outputGradient) =>
        ConvolutionKernels.Backward(geometry, Inputs[0], Inputs[1], Inputs.Length == 3 ? Inputs[2] : null, outputGradient);
}
