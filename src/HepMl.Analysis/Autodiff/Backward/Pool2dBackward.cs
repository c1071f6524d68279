using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Kernels;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>Max pooling routes each gradient to the recorded maximum; average pooling spreads it over the window.</summary>
internal sealed class Pool2dBackward(Tensor input, ConvolutionGeometry geometry, int[]? argMax) : BackwardFunction(input)
{
    private int[]? _argMax = argMax;

    public override string Name => _argMax is null ? "AvgPool2d" : "MaxPool2d";

    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor input = Inputs[0];
        Span<float> target = input.GradientTarget(out bool fresh);
        PoolingKernels.BackwardAdd(geometry, input.Shape[0], outputGradient, target, _argMax, clear: fresh);
    }

    public override void Release()
    {
        if (_argMax is not null)
        {
            System.Buffers.ArrayPool<int>.Shared.Return(_argMax);
            _argMax = null;
        }

        base.Release();
    }
}
