namespace HepMl.Analysis.Expressions.Internal;

internal sealed class VariableNode(int index, int position) : ExpressionNode(position)
{
    public int Index { get; } = index;

    public override double Evaluate(ReadOnlySpan<double> variables) => variables[Index];

    public override void EvaluateChunk(ReadOnlyMemory<float>[] columns, int start, Span<double> destination)
    {
        ReadOnlySpan<float> source = columns[Index].Span.Slice(start, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }
}
