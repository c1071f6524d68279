using System.Numerics.Tensors;

namespace HepMl.Analysis.Expressions.Internal;

internal sealed class UnaryNode(UnaryOperator op, ExpressionNode operand, int position) : ExpressionNode(position)
{
    public override double Evaluate(ReadOnlySpan<double> variables)
    {
        double x = operand.Evaluate(variables);
        return op == UnaryOperator.Negate ? -x : (x == 0 ? 1 : 0);
    }

    public override void EvaluateChunk(ReadOnlyMemory<float>[] columns, int start, Span<double> destination)
    {
        operand.EvaluateChunk(columns, start, destination);
        if (op == UnaryOperator.Negate)
        {
            TensorPrimitives.Negate(destination, destination);
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = destination[i] == 0 ? 1 : 0;
        }
    }
}
