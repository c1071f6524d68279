using HepMl.Analysis.Tensors;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>Each row of the input receives its row's gradient in every element.</summary>
internal sealed class SumRowsBackward(Tensor x) : BackwardFunction(x)
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        int rows = outputGradient.Length;
        var buffer = GradientBuffer.For(Inputs[0]);
        Span<float> g = buffer.Span;
        int width = rows == 0 ? 0 : g.Length / rows;
        for (int r = 0; r < rows; r++)
        {
            g.Slice(r * width, width).Fill(outputGradient[r]);
        }

        buffer.Commit();
    }
}
