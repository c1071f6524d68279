using System.Numerics.Tensors;

namespace HepMl.Analysis.Expressions.Internal;

/// <summary>Arithmetic, comparison and logical operators. Comparisons and logic give 1 (true) or 0 (false).</summary>
internal sealed class BinaryNode(BinaryOperator op, ExpressionNode left, ExpressionNode right, int position) : ExpressionNode(position)
{
    public override double Evaluate(ReadOnlySpan<double> variables)
    {
        double a = left.Evaluate(variables);
        switch (op)
        {
            // && and || do not evaluate the right side when the left decides (C++ semantics).
            case BinaryOperator.And: return a != 0 && right.Evaluate(variables) != 0 ? 1 : 0;
            case BinaryOperator.Or: return a != 0 || right.Evaluate(variables) != 0 ? 1 : 0;
            default: return Apply(op, a, right.Evaluate(variables));
        }
    }

    public override void EvaluateChunk(ReadOnlyMemory<float>[] columns, int start, Span<double> destination)
    {
        left.EvaluateChunk(columns, start, destination);
        double[] buffer = Rent(destination.Length);
        try
        {
            Span<double> b = buffer.AsSpan(0, destination.Length);
            right.EvaluateChunk(columns, start, b);
            switch (op)
            {
                case BinaryOperator.Add: TensorPrimitives.Add(destination, b, destination); break;
                case BinaryOperator.Subtract: TensorPrimitives.Subtract(destination, b, destination); break;
                case BinaryOperator.Multiply: TensorPrimitives.Multiply(destination, b, destination); break;
                case BinaryOperator.Divide: TensorPrimitives.Divide(destination, b, destination); break;
                case BinaryOperator.Power: TensorPrimitives.Pow(destination, b, destination); break;
                default:
                    for (int i = 0; i < destination.Length; i++)
                    {
                        destination[i] = Apply(op, destination[i], b[i]);
                    }

                    break;
            }
        }
        finally
        {
            Return(buffer);
        }
    }

    private static double Apply(BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Add => a + b,
        BinaryOperator.Subtract => a - b,
        BinaryOperator.Multiply => a * b,
        BinaryOperator.Divide => a / b,
        BinaryOperator.Remainder => a % b, // C fmod: the sign follows a
        BinaryOperator.Power => Math.Pow(a, b),
        BinaryOperator.Less => a < b ? 1 : 0,
        BinaryOperator.LessOrEqual => a <= b ? 1 : 0,
        BinaryOperator.Greater => a > b ? 1 : 0,
        BinaryOperator.GreaterOrEqual => a >= b ? 1 : 0,
        BinaryOperator.Equal => a == b ? 1 : 0,
        BinaryOperator.NotEqual => a != b ? 1 : 0,
        BinaryOperator.And => a != 0 && b != 0 ? 1 : 0,
        BinaryOperator.Or => a != 0 || b != 0 ? 1 : 0,
        _ => throw new InvalidOperationException($"unknown operator {op}"),
    };
}
