namespace HepMl.Analysis.Expressions.Internal;

/// <summary><c>condition ? whenTrue : whenFalse</c>; a non-zero condition is true.</summary>
internal sealed class ConditionalNode(ExpressionNode condition, ExpressionNode whenTrue, ExpressionNode whenFalse, int position)
    : ExpressionNode(position)
{
    public override double Evaluate(ReadOnlySpan<double> variables) =>
        condition.Evaluate(variables) != 0 ? whenTrue.Evaluate(variables) : whenFalse.Evaluate(variables);

    public override void EvaluateChunk(ReadOnlyMemory<float>[] columns, int start, Span<double> destination)
    {
        int n = destination.Length;
        double[] c = Rent(n), t = Rent(n);
        try
        {
            condition.EvaluateChunk(columns, start, c.AsSpan(0, n));
            whenTrue.EvaluateChunk(columns, start, t.AsSpan(0, n));
            whenFalse.EvaluateChunk(columns, start, destination);
            for (int i = 0; i < n; i++)
            {
                if (c[i] != 0)
                {
                    destination[i] = t[i];
                }
            }
        }
        finally
        {
            Return(c);
            Return(t);
        }
    }
}
