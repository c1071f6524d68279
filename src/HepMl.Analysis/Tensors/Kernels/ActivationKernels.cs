using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>Forward and backward element kernels of the activations (vectorised where it pays).</summary>
internal static class ActivationKernels
{
    public static void Forward(ActivationKind kind, float parameter, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (kind)
        {
            case ActivationKind.Relu:
                TensorPrimitives.Max(x, 0f, y);
                break;
            case ActivationKind.Sigmoid:
                TensorPrimitives.Sigmoid(x, y);
                break;
            case ActivationKind.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            case ActivationKind.LeakyRelu:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] > 0f ? x[i] : parameter * x[i];
                }

                break;
            case ActivationKind.Elu:
            case ActivationKind.Selu:
                float alpha = kind == ActivationKind.Selu ? Tensor.SeluAlpha : parameter;
                float scale = kind == ActivationKind.Selu ? Tensor.SeluScale : 1f;
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = scale * (x[i] > 0f ? x[i] : alpha * float.ExpM1(x[i]));
                }

                break;
            case ActivationKind.Softplus:
                for (int i = 0; i < x.Length; i++)
                {
                    float v = x[i];
                    y[i] = MathF.Max(v, 0f) + float.LogP1(MathF.Exp(-MathF.Abs(v)));
                }

                break;
            default:
                x.CopyTo(y);
                break;
        }
    }

    /// <summary>g_x = g_y * f'(x), using the saved output where the derivative is cheaper from it.</summary>
    public static void Backward(ActivationKind kind, float parameter, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> gy, Span<float> gx)
    {
        switch (kind)
        {
            case ActivationKind.Relu:
                ReluBackward(y, gy, gx);
                break;
            case ActivationKind.Sigmoid:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] = gy[i] * y[i] * (1f - y[i]);
                }

                break;
            case ActivationKind.Tanh:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] = gy[i] * (1f - (y[i] * y[i]));
                }

                break;
            case ActivationKind.LeakyRelu:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] = x[i] > 0f ? gy[i] : parameter * gy[i];
                }

                break;
            case ActivationKind.Elu:
            case ActivationKind.Selu:
                float alpha = kind == ActivationKind.Selu ? Tensor.SeluAlpha : parameter;
                float scale = kind == ActivationKind.Selu ? Tensor.SeluScale : 1f;
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] = x[i] > 0f ? scale * gy[i] : gy[i] * (y[i] + (scale * alpha));
                }

                break;
            case ActivationKind.Softplus:
                for (int i = 0; i < gx.Length; i++)
                {
                    gx[i] = gy[i] / (1f + MathF.Exp(-x[i]));
                }

                break;
            default:
                gy.CopyTo(gx);
                break;
        }
    }

    /// <summary>g_x = g_y where y &gt; 0, else 0 (Vector256 with a scalar tail).</summary>
    public static void ReluBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> gy, Span<float> gx)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float ry = ref MemoryMarshal.GetReference(y);
            ref float rg = ref MemoryMarshal.GetReference(gy);
            ref float rx = ref MemoryMarshal.GetReference(gx);
            for (; i <= gx.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> mask = Vector256.GreaterThan(Vector256.LoadUnsafe(ref ry, (nuint)i), Vector256<float>.Zero);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref rg, (nuint)i) & mask, ref rx, (nuint)i);
            }
        }

        for (; i < gx.Length; i++)
        {
            gx[i] = y[i] > 0f ? gy[i] : 0f;
        }
    }

    /// <summary>softmax of one row, shifted by its maximum so large logits do not overflow.</summary>
    public static void SoftmaxRow(ReadOnlySpan<float> row, Span<float> target)
    {
        float max = TensorPrimitives.Max(row);
        TensorPrimitives.Subtract(row, max, target);
        TensorPrimitives.Exp(target, target);
        TensorPrimitives.Divide(target, TensorPrimitives.Sum(target), target);
    }

    /// <summary>log softmax of one row: x - max - log(sum(exp(x - max))).</summary>
    public static void LogSoftmaxRow(ReadOnlySpan<float> row, Span<float> target)
    {
        float max = TensorPrimitives.Max(row);
        TensorPrimitives.Subtract(row, max, target);
        double sum = 0;
        for (int i = 0; i < target.Length; i++)
        {
            sum += MathF.Exp(target[i]);
        }

        TensorPrimitives.Subtract(target, (float)Math.Log(sum), target);
    }
}
