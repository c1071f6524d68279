using System.Numerics.Tensors;

namespace HepMl.Analysis.Expressions.Internal;

internal sealed class FunctionNode(MathFunction function, ExpressionNode[] arguments, int position) : ExpressionNode(position)
{
    public override double Evaluate(ReadOnlySpan<double> variables)
    {
        double a = arguments.Length > 0 ? arguments[0].Evaluate(variables) : 0;
        double b = arguments.Length > 1 ? arguments[1].Evaluate(variables) : 0;
        return Apply(function, a, b);
    }

    public override void EvaluateChunk(ReadOnlyMemory<float>[] columns, int start, Span<double> destination)
    {
        if (arguments.Length == 0)
        {
            destination.Fill(Apply(function, 0, 0));
            return;
        }

        arguments[0].EvaluateChunk(columns, start, destination);
        if (arguments.Length == 1)
        {
            ApplyUnary(destination);
            return;
        }

        double[] buffer = Rent(destination.Length);
        try
        {
            Span<double> b = buffer.AsSpan(0, destination.Length);
            arguments[1].EvaluateChunk(columns, start, b);
            switch (function)
            {
                case MathFunction.Pow: TensorPrimitives.Pow(destination, b, destination); break;
                case MathFunction.Atan2: TensorPrimitives.Atan2(destination, b, destination); break;
                case MathFunction.Hypot: TensorPrimitives.Hypot(destination, b, destination); break;
                default:
                    for (int i = 0; i < destination.Length; i++)
                    {
                        destination[i] = Apply(function, destination[i], b[i]);
                    }

                    break;
            }
        }
        finally
        {
            Return(buffer);
        }
    }

    private void ApplyUnary(Span<double> x)
    {
        switch (function)
        {
            case MathFunction.Abs: TensorPrimitives.Abs(x, x); break;
            case MathFunction.Sqrt: TensorPrimitives.Sqrt(x, x); break;
            case MathFunction.Square: TensorPrimitives.Multiply(x, x, x); break;
            case MathFunction.Exp: TensorPrimitives.Exp(x, x); break;
            case MathFunction.Log: TensorPrimitives.Log(x, x); break;
            case MathFunction.Log10: TensorPrimitives.Log10(x, x); break;
            case MathFunction.Log2: TensorPrimitives.Log2(x, x); break;
            case MathFunction.Sin: TensorPrimitives.Sin(x, x); break;
            case MathFunction.Cos: TensorPrimitives.Cos(x, x); break;
            case MathFunction.Tan: TensorPrimitives.Tan(x, x); break;
            case MathFunction.Asin: TensorPrimitives.Asin(x, x); break;
            case MathFunction.Acos: TensorPrimitives.Acos(x, x); break;
            case MathFunction.Atan: TensorPrimitives.Atan(x, x); break;
            case MathFunction.Sinh: TensorPrimitives.Sinh(x, x); break;
            case MathFunction.Cosh: TensorPrimitives.Cosh(x, x); break;
            case MathFunction.Tanh: TensorPrimitives.Tanh(x, x); break;
            case MathFunction.Floor: TensorPrimitives.Floor(x, x); break;
            case MathFunction.Ceiling: TensorPrimitives.Ceiling(x, x); break;
            default:
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = Apply(function, x[i], 0);
                }

                break;
        }
    }

    private static double Apply(MathFunction function, double a, double b) => function switch
    {
        MathFunction.Pi => Math.PI,
        MathFunction.Abs => Math.Abs(a),
        MathFunction.Sqrt => Math.Sqrt(a),
        MathFunction.Square => a * a,
        MathFunction.Exp => Math.Exp(a),
        MathFunction.Log => Math.Log(a),
        MathFunction.Log10 => Math.Log10(a),
        MathFunction.Log2 => Math.Log2(a),
        MathFunction.Sin => Math.Sin(a),
        MathFunction.Cos => Math.Cos(a),
        MathFunction.Tan => Math.Tan(a),
        MathFunction.Asin => Math.Asin(a),
        MathFunction.Acos => Math.Acos(a),
        MathFunction.Atan => Math.Atan(a),
        MathFunction.Sinh => Math.Sinh(a),
        MathFunction.Cosh => Math.Cosh(a),
        MathFunction.Tanh => Math.Tanh(a),
        MathFunction.Floor => Math.Floor(a),
        MathFunction.Ceiling => Math.Ceiling(a),
        MathFunction.Pow => Math.Pow(a, b),
        MathFunction.Atan2 => Math.Atan2(a, b),
        MathFunction.Min => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b),
        MathFunction.Max => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b),
        MathFunction.Hypot => double.Hypot(a, b),
        MathFunction.CopySign => b >= 0 ? Math.Abs(a) : -Math.Abs(a),
        _ => throw new InvalidOperationException($"unknown function {function}"),
    };
}
