namespace HepMl.Analysis.Expressions.Internal;

internal sealed class ConstantNode(double value, int position) : ExpressionNode(position)
{
    public double Value { get; } = value;

    public override double Evaluate(ReadOnlySpan<double> variables) => Value;

    public override void EvaluateChunk(ReadOnlyMemory<float>[] columns, int start, Span<double> destination) =>
        destination.Fill(Value);
}
