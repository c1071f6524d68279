using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Autodiff.Backward;
using HepMl.Analysis.Tensors.Kernels;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>SELU's scale (Klambauer et al. 2017).</summary>
    internal const float SeluScale = 1.0507009873554805f;

    /// <summary>SELU's alpha (Klambauer et al. 2017).</summary>
    internal const float SeluAlpha = 1.6732632423543772f;

    /// <summary>Rectified linear unit. PyTorch: <c>F.relu</c>.</summary>
    public static Tensor Relu(Tensor x) => Activation(x, ActivationKind.Relu);

    /// <summary>Leaky ReLU. PyTorch: <c>F.leaky_relu</c>.</summary>
    public static Tensor LeakyRelu(Tensor x, float negativeSlope = 0.01f) => Activation(x, ActivationKind.LeakyRelu, negativeSlope);

    /// <summary>Exponential linear unit. PyTorch: <c>F.elu</c>.</summary>
    public static Tensor Elu(Tensor x, float alpha = 1f) => Activation(x, ActivationKind.Elu, alpha);

    /// <summary>Scaled ELU. PyTorch: <c>F.selu</c>.</summary>
    public static Tensor Selu(Tensor x) => Activation(x, ActivationKind.Selu);

    /// <summary>Logistic sigmoid. PyTorch: <c>torch.sigmoid</c>.</summary>
    public static Tensor Sigmoid(Tensor x) => Activation(x, ActivationKind.Sigmoid);

    /// <summary>Hyperbolic tangent. PyTorch: <c>torch.tanh</c>.</summary>
    public static Tensor Tanh(Tensor x) => Activation(x, ActivationKind.Tanh);

    /// <summary>Softplus log(1 + e^x). PyTorch: <c>F.softplus</c> (beta 1).</summary>
    public static Tensor Softplus(Tensor x) => Activation(x, ActivationKind.Softplus);

    /// <summary>Applies an element-wise activation; <paramref name="parameter"/> is LeakyReLU's slope or ELU's alpha.</summary>
    public static Tensor Activation(Tensor x, ActivationKind kind, float parameter = float.NaN)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (kind == ActivationKind.Identity)
        {
            return x;
        }

        if (float.IsNaN(parameter))
        {
            parameter = kind == ActivationKind.LeakyRelu ? 0.01f : 1f;
        }

        Tensor result = Uninitialized(x.Shape);
        ElementwiseParallel.ActivationForward(kind, parameter, x, result);
        if (ShouldRecord(x))
        {
            result.SetGradFunction(new ActivationBackward(kind, parameter, x, result));
        }

        return result;
    }

    /// <summary>Softmax over the last dimension. PyTorch: <c>F.softmax(x, dim=-1)</c>.</summary>
    public static Tensor Softmax(Tensor x) => SoftmaxCore(x, log: false);

    /// <summary>Log-softmax over the last dimension, computed stably. PyTorch: <c>F.log_softmax(x, dim=-1)</c>.</summary>
    public static Tensor LogSoftmax(Tensor x) => SoftmaxCore(x, log: true);

    private static Tensor SoftmaxCore(Tensor x, bool log)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0 || x.Length == 0)
        {
            ThrowHelper.ShapeMismatch(log ? "LogSoftmax" : "Softmax", "needs a non-empty tensor of rank >= 1", x.Shape);
        }

        int classes = x.Shape[-1];
        Tensor result = Uninitialized(x.Shape);
        ReadOnlySpan<float> input = x.Span;
        Span<float> output = result.Span;
        for (int start = 0; start < input.Length; start += classes)
        {
            ReadOnlySpan<float> row = input.Slice(start, classes);
            Span<float> target = output.Slice(start, classes);
            if (log)
            {
                ActivationKernels.LogSoftmaxRow(row, target);
            }
            else
            {
                ActivationKernels.SoftmaxRow(row, target);
            }
        }

        if (ShouldRecord(x))
        {
            result.SetGradFunction(new SoftmaxBackward(x, result, log));
        }

        return result;
    }
}
