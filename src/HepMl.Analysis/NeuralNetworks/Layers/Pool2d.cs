using System.Text.Json.Nodes;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Layers;

/// <summary>Max or average pooling over square windows of [N, C, H, W]. PyTorch: <c>nn.MaxPool2d</c>, <c>nn.AvgPool2d</c>.</summary>
public sealed class Pool2d : Module
{
    /// <summary>Creates the layer; the stride defaults to the window size.</summary>
    public Pool2d(PoolingKind kind, int kernelSize, int stride = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegative(stride);
        Kind = kind;
        KernelSize = kernelSize;
        Stride = stride == 0 ? kernelSize : stride;
    }

    /// <summary>Max or average.</summary>
    public PoolingKind Kind { get; }

    /// <summary>Window size.</summary>
    public int KernelSize { get; }

    /// <summary>Stride.</summary>
    public int Stride { get; }

    /// <inheritdoc/>
    public override string Description => $"{(Kind == PoolingKind.Max ? "MaxPool2d" : "AvgPool2d")} {KernelSize}x{KernelSize} stride {Stride}";

    /// <summary>Max pooling layer.</summary>
    public static Pool2d Max(int kernelSize, int stride = 0) => new(PoolingKind.Max, kernelSize, stride);

    /// <summary>Average pooling layer.</summary>
    public static Pool2d Average(int kernelSize, int stride = 0) => new(PoolingKind.Average, kernelSize, stride);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[2] < KernelSize || input.Shape[3] < KernelSize)
        {
            throw ShapeError($"expects input [N, C, H, W] with H, W >= {KernelSize}", input.Shape);
        }

        return Kind == PoolingKind.Max ? Tensor.MaxPool2d(input, KernelSize, Stride) : Tensor.AvgPool2d(input, KernelSize, Stride);
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new()
    {
        ["type"] = "Pool2d", ["name"] = Name, ["kind"] = Kind.ToString(), ["kernel"] = KernelSize, ["stride"] = Stride,
    };
}
