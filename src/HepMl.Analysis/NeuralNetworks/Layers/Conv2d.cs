using System.Text.Json.Nodes;
using HepMl.Analysis.NeuralNetworks.Initialization;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Layers;

/// <summary>2-D convolution over [N, C, H, W] with square kernels, stride and zero padding. PyTorch: <c>nn.Conv2d</c>.</summary>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer with initialised weights [out, in, k, k].</summary>
    public Conv2d(
        int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true,
        InitializerKind initializer = InitializerKind.PyTorchDefault, RandomSource? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
        random ??= Initializer.DefaultRandom;
        int fanIn = inChannels * kernelSize * kernelSize;
        Weight = AddParameter("weight", new TensorShape(outChannels, inChannels, kernelSize, kernelSize), penalised: true);
        Initializer.Fill(Weight.Value.Span, initializer, fanIn, outChannels * kernelSize * kernelSize, random);
        if (bias)
        {
            Bias = AddParameter("bias", new TensorShape(outChannels), penalised: false);
            if (initializer == InitializerKind.PyTorchDefault)
            {
                float bound = 1f / MathF.Sqrt(fanIn);
                random.FillUniform(Bias.Value.Span, -bound, bound);
            }
        }
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel height and width.</summary>
    public int KernelSize { get; }

    /// <summary>Stride in both directions.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public int Padding { get; }

    /// <summary>Weights [out, in, k, k].</summary>
    public Parameter Weight { get; }

    /// <summary>Bias [out], or null.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc/>
    public override string Description => $"Conv2d {InChannels}→{OutChannels} {KernelSize}x{KernelSize} stride {Stride} padding {Padding}";

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != InChannels)
        {
            throw ShapeError($"expects input [N, {InChannels}, H, W]", input.Shape);
        }

        if (input.Shape[2] + (2 * Padding) < KernelSize || input.Shape[3] + (2 * Padding) < KernelSize)
        {
            throw ShapeError($"needs images of at least {KernelSize - (2 * Padding)}x{KernelSize - (2 * Padding)}", input.Shape);
        }

        return Tensor.Conv2d(input, Weight.Value, Bias?.Value, Stride, Padding);
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new()
    {
        ["type"] = "Conv2d", ["name"] = Name, ["in"] = InChannels, ["out"] = OutChannels, ["kernel"] = KernelSize,
        ["stride"] = Stride, ["padding"] = Padding, ["bias"] = Bias is not null,
    };
}
