using HepMl.Analysis.Autodiff.Backward;
using HepMl.Analysis.Tensors.Internal;
using HepMl.Analysis.Tensors.Kernels;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// 2-D convolution (cross-correlation, like every framework) of <paramref name="input"/> [N, C, H, W] with
    /// <paramref name="weight"/> [O, C, KH, KW] plus <paramref name="bias"/> [O], zero padding on all sides.
    /// Output [N, O, (H + 2p - KH)/s + 1, (W + 2p - KW)/s + 1]. Runs as im2col + GEMM per image, images split over
    /// the kernel threads. PyTorch: <c>F.conv2d</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes do not fit or the output would be empty.</exception>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (input.Rank != 4 || weight.Rank != 4 || input.Shape[1] != weight.Shape[1])
        {
            ThrowHelper.ShapeMismatch("Conv2d", "needs input [N, C, H, W] and weight [O, C, KH, KW] with equal C", input.Shape, weight.Shape);
        }

        var geometry = new ConvolutionGeometry(input.Shape[1], input.Shape[2], input.Shape[3], weight.Shape[2], weight.Shape[3], stride, padding);
        if (geometry.Height + (2 * padding) < geometry.KernelHeight || geometry.Width + (2 * padding) < geometry.KernelWidth)
        {
            ThrowHelper.ShapeMismatch("Conv2d", "the kernel is larger than the padded image", input.Shape, weight.Shape);
        }

        int outChannels = weight.Shape[0];
        if (bias is not null && bias.Length != outChannels)
        {
            ThrowHelper.ShapeMismatch("Conv2d", $"bias must have {outChannels} elements", bias.Shape, weight.Shape);
        }

        Tensor result = Uninitialized(new TensorShape(input.Shape[0], outChannels, geometry.OutputHeight, geometry.OutputWidth));
        ConvolutionKernels.Forward(geometry, input, weight, bias, result);
        if (ShouldRecord(input, weight, bias))
        {
            result.SetGradFunction(new Conv2dBackward(input, weight, bias, geometry));
        }

        return result;
    }

    /// <summary>
    /// Max pooling over <paramref name="kernelSize"/> x <paramref name="kernelSize"/> windows of [N, C, H, W]
    /// (stride defaults to the kernel size, no padding, floor mode). PyTorch: <c>F.max_pool2d</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The input is not rank 4 or is smaller than the window.</exception>
    public static Tensor MaxPool2d(Tensor input, int kernelSize, int stride = 0) => Pool(input, kernelSize, stride, max: true);

    /// <summary>Average pooling, like <see cref="MaxPool2d"/>. PyTorch: <c>F.avg_pool2d</c>.</summary>
    /// <exception cref="ShapeMismatchException">The input is not rank 4 or is smaller than the window.</exception>
    public static Tensor AvgPool2d(Tensor input, int kernelSize, int stride = 0) => Pool(input, kernelSize, stride, max: false);

    private static Tensor Pool(Tensor input, int kernelSize, int stride, bool max)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegative(stride);
        stride = stride == 0 ? kernelSize : stride;
        string name = max ? "MaxPool2d" : "AvgPool2d";
        if (input.Rank != 4)
        {
            ThrowHelper.ShapeMismatch(name, "needs input [N, C, H, W]", input.Shape);
        }

        var geometry = new ConvolutionGeometry(input.Shape[1], input.Shape[2], input.Shape[3], kernelSize, kernelSize, stride, 0);
        if (geometry.Height < kernelSize || geometry.Width < kernelSize)
        {
            ThrowHelper.ShapeMismatch(name, $"the {kernelSize}x{kernelSize} window is larger than the image", input.Shape);
        }

        Tensor result = Uninitialized(new TensorShape(input.Shape[0], geometry.Channels, geometry.OutputHeight, geometry.OutputWidth));
        bool record = ShouldRecord(input);
        int[]? argMax = max && record ? System.Buffers.ArrayPool<int>.Shared.Rent(result.Length) : null;
        PoolingKernels.Forward(geometry, input.Shape[0], input.Span, result.Span, max, argMax);
        if (record)
        {
            result.SetGradFunction(new Pool2dBackward(input, geometry, argMax));
        }

        return result;
    }
}
