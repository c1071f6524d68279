using System.Buffers;

namespace HepMl.Analysis.Expressions.Internal;

/// <summary>
/// A node of a parsed expression. It evaluates one event (<see cref="Evaluate"/>) or a chunk of events at once
/// (<see cref="EvaluateChunk"/>, column-at-a-time so the per-node dispatch is paid once per chunk, not per event).
/// </summary>
internal abstract class ExpressionNode(int position)
{
    /// <summary>0-based offset of the node's first character in the expression text.</summary>
    public int Position { get; } = position;

    /// <summary>Evaluates one event; <paramref name="variables"/> are indexed like <see cref="Expression.Variables"/>.</summary>
    public abstract double Evaluate(ReadOnlySpan<double> variables);

    /// <summary>Evaluates events [start, start + destination.Length) of the columns into <paramref name="destination"/>.</summary>
    public abstract void EvaluateChunk(ReadOnlyMemory<float>[] columns, int start, Span<double> destination);

    /// <summary>Evaluates a child into a pooled temporary of the destination's length.</summary>
    protected static double[] Rent(int length) => ArrayPool<double>.Shared.Rent(length);

    protected static void Return(double[] buffer) => ArrayPool<double>.Shared.Return(buffer);
}
