using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>Gradients of exp (y), log (1/x), square (2x) and abs (sign x).</summary>
internal sealed class UnaryBackward(UnaryKind kind, Tensor a, Tensor output) : BackwardFunction(a)
{
    private Tensor? _output = output;

    public override string Name => kind.ToString();

    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        ReadOnlySpan<float> x = Inputs[0].Span;
        var buffer = GradientBuffer.For(Inputs[0]);
        Span<float> g = buffer.Span;
        switch (kind)
        {
            case UnaryKind.Exp:
                TensorPrimitives.Multiply(outputGradient, _output!.Span, g);
                break;
            case UnaryKind.Log:
                TensorPrimitives.Divide(outputGradient, x, g);
                break;
            case UnaryKind.Square:
                TensorPrimitives.Multiply(outputGradient, x, g);
                TensorPrimitives.Multiply(g, 2f, g);
                break;
            default:
                for (int i = 0; i < g.Length; i++)
                {
                    g[i] = x[i] > 0f ? outputGradient[i] : x[i] < 0f ? -outputGradient[i] : 0f;
                }

                break;
        }

        buffer.Commit();
    }

    public override void Release()
    {
        _output = null;
        base.Release();
    }
}
