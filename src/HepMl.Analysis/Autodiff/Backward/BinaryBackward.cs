using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>
/// Gradients of the broadcasting add, subtract and multiply: the full-shape input takes the output gradient (times
/// the other input for multiply); the broadcast input sums it over the repeated leading dimensions.
/// </summary>
internal sealed class BinaryBackward(BinaryKind kind, Tensor a, Tensor b) : BackwardFunction(a, b)
{
    public override string Name => kind.ToString();

    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor a = Inputs[0];
        Tensor b = Inputs[1];
        if (a.RequiresGrad)
        {
            var buffer = GradientBuffer.For(a);
            Span<float> g = buffer.Span;
            if (kind == BinaryKind.Multiply)
            {
                ReadOnlySpan<float> w = b.Span;
                if (w.Length == g.Length)
                {
                    TensorPrimitives.Multiply(outputGradient, w, g);
                }
                else if (w.Length == 1)
                {
                    TensorPrimitives.Multiply(outputGradient, w[0], g);
                }
                else
                {
                    for (int start = 0; start < g.Length; start += w.Length)
                    {
                        TensorPrimitives.Multiply(outputGradient.Slice(start, w.Length), w, g.Slice(start, w.Length));
                    }
                }
            }
            else
            {
                outputGradient.CopyTo(g);
            }

            buffer.Commit();
        }

        if (b.RequiresGrad)
        {
            var buffer = GradientBuffer.For(b);
            Span<float> g = buffer.Span;
            ReadOnlySpan<float> x = a.Span;
            if (g.Length == outputGradient.Length)
            {
                switch (kind)
                {
                    case BinaryKind.Add: outputGradient.CopyTo(g); break;
                    case BinaryKind.Subtract: TensorPrimitives.Negate(outputGradient, g); break;
                    default: TensorPrimitives.Multiply(outputGradient, x, g); break;
                }
            }
            else if (g.Length == 1)
            {
                g[0] = kind switch
                {
                    BinaryKind.Add => TensorPrimitives.Sum(outputGradient),
                    BinaryKind.Subtract => -TensorPrimitives.Sum(outputGradient),
                    _ => TensorPrimitives.Dot(outputGradient, x),
                };
            }
            else
            {
                int inner = g.Length;
                g.Clear();
                bool multiply = kind == BinaryKind.Multiply;
                for (int start = 0; start < outputGradient.Length; start += inner)
                {
                    ReadOnlySpan<float> row = outputGradient.Slice(start, inner);
                    if (multiply)
                    {
                        TensorPrimitives.MultiplyAdd(row, x.Slice(start, inner), g, g);
                    }
                    else
                    {
                        TensorPrimitives.Add(g, row, g);
                    }
                }

                if (kind == BinaryKind.Subtract)
                {
                    TensorPrimitives.Negate(g, g);
                }
            }

            buffer.Commit();
        }
    }
}
