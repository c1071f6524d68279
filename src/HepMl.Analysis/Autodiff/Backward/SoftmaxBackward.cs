using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>
/// Row-wise softmax gradient g_x = y (g_y - sum(g_y y)); for log-softmax g_x = g_y - softmax(x) sum(g_y).
/// </summary>
internal sealed class SoftmaxBackward(Tensor x, Tensor output, bool log) : BackwardFunction(x)
{
    private Tensor? _output = output;

    public override string Name => log ? "LogSoftmax" : "Softmax";

    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        int classes = Inputs[0].Shape[-1];
        ReadOnlySpan<float> y = _output!.Span;
        var buffer = GradientBuffer.For(Inputs[0]);
        Span<float> g = buffer.Span;
        for (int start = 0; start < g.Length; start += classes)
        {
            ReadOnlySpan<float> gy = outputGradient.Slice(start, classes);
            ReadOnlySpan<float> yr = y.Slice(start, classes);
            Span<float> gx = g.Slice(start, classes);
            if (log)
            {
                float total = TensorPrimitives.Sum(gy);
                for (int i = 0; i < classes; i++)
                {
                    gx[i] = gy[i] - (MathF.Exp(yr[i]) * total);
                }
            }
            else
            {
                float dot = TensorPrimitives.Dot(gy, yr);
                for (int i = 0; i < classes; i++)
                {
                    gx[i] = yr[i] * (gy[i] - dot);
                }
            }
        }

        buffer.Commit();
    }

    public override void Release()
    {
        _output = null;
        base.Release();
    }
}
