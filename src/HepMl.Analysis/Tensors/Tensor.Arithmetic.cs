using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Autodiff.Backward;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Element-wise sum. <paramref name="b"/> may have the same shape, be a one-element tensor, or match the trailing
    /// dimensions of <paramref name="a"/> (a bias row), in which case it is repeated over the leading ones.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
    public static Tensor Add(Tensor a, Tensor b) => Binary(BinaryKind.Add, a, b);

    /// <summary>Element-wise difference, broadcasting <paramref name="b"/> as <see cref="Add(Tensor, Tensor)"/> does.</summary>
    /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
    public static Tensor Subtract(Tensor a, Tensor b) => Binary(BinaryKind.Subtract, a, b);

    /// <summary>Element-wise product, broadcasting <paramref name="b"/> as <see cref="Add(Tensor, Tensor)"/> does.</summary>
    /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
    public static Tensor Multiply(Tensor a, Tensor b) => Binary(BinaryKind.Multiply, a, b);

    /// <summary>Element-wise sum.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Add(a, b);

    /// <summary>Element-wise difference.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Subtract(a, b);

    /// <summary>Element-wise product.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Multiply(a, b);

    /// <summary>Multiplies by a constant.</summary>
    public static Tensor operator *(Tensor a, float scale) => Scale(a, scale);

    /// <summary>Multiplies by a constant.</summary>
    public static Tensor operator *(float scale, Tensor a) => Scale(a, scale);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => Scale(a, -1f);

    /// <summary><c>a * scale + shift</c> element-wise.</summary>
    public static Tensor Scale(Tensor a, float scale, float shift = 0f)
    {
        ArgumentNullException.ThrowIfNull(a);
        Tensor result = Uninitialized(a.Shape);
        if (shift == 0f)
        {
            TensorPrimitives.Multiply(a.Span, scale, result.Span);
        }
        else
        {
            TensorPrimitives.Multiply(a.Span, scale, result.Span);
            TensorPrimitives.Add(result.Span, shift, result.Span);
        }

        if (ShouldRecord(a))
        {
            result.SetGradFunction(new ScaleBackward(a, scale));
        }

        return result;
    }

    /// <summary>Element-wise exponential.</summary>
    public static Tensor Exp(Tensor a) => Unary(UnaryKind.Exp, a);

    /// <summary>Element-wise natural logarithm.</summary>
    public static Tensor Log(Tensor a) => Unary(UnaryKind.Log, a);

    /// <summary>Element-wise square.</summary>
    public static Tensor Square(Tensor a) => Unary(UnaryKind.Square, a);

    /// <summary>Element-wise absolute value (gradient 0 at 0).</summary>
    public static Tensor Abs(Tensor a) => Unary(UnaryKind.Abs, a);

    internal static Tensor Unary(UnaryKind kind, Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        Tensor result = Uninitialized(a.Shape);
        Span<float> y = result.Span;
        ReadOnlySpan<float> x = a.Span;
        switch (kind)
        {
            case UnaryKind.Exp: TensorPrimitives.Exp(x, y); break;
            case UnaryKind.Log: TensorPrimitives.Log(x, y); break;
            case UnaryKind.Square: TensorPrimitives.Multiply(x, x, y); break;
            case UnaryKind.Abs: TensorPrimitives.Abs(x, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }

        if (ShouldRecord(a))
        {
            result.SetGradFunction(new UnaryBackward(kind, a, result));
        }

        return result;
    }

    private static Tensor Binary(BinaryKind kind, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Length > a.Length && kind != BinaryKind.Subtract && BroadcastsOver(a, b))
        {
            (a, b) = (b, a);
        }

        if (!BroadcastsOver(b, a))
        {
            ThrowHelper.ShapeMismatch(
                kind.ToString(), "the second shape must equal the first, be one element, or match its trailing dimensions", a.Shape, b.Shape);
        }

        Tensor result = Uninitialized(a.Shape);
        ReadOnlySpan<float> x = a.Span;
        ReadOnlySpan<float> w = b.Span;
        Span<float> y = result.Span;
        if (w.Length == x.Length)
        {
            Apply(kind, x, w, y);
        }
        else if (w.Length == 1)
        {
            float s = w[0];
            switch (kind)
            {
                case BinaryKind.Add: TensorPrimitives.Add(x, s, y); break;
                case BinaryKind.Subtract: TensorPrimitives.Subtract(x, s, y); break;
                default: TensorPrimitives.Multiply(x, s, y); break;
            }
        }
        else
        {
            int inner = w.Length;
            for (int start = 0; start < x.Length; start += inner)
            {
                Apply(kind, x.Slice(start, inner), w, y.Slice(start, inner));
            }
        }

        if (ShouldRecord(a, b))
        {
            result.SetGradFunction(new BinaryBackward(kind, a, b));
        }

        return result;
    }

    private static void Apply(BinaryKind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(x, w, y); break;
            case BinaryKind.Subtract: TensorPrimitives.Subtract(x, w, y); break;
            default: TensorPrimitives.Multiply(x, w, y); break;
        }
    }

    /// <summary>True when <paramref name="small"/> equals <paramref name="large"/>'s shape, is one element, or matches its trailing dimensions.</summary>
    private static bool BroadcastsOver(Tensor small, Tensor large)
    {
        if (small.Length == 1 || small.Shape == large.Shape)
        {
            return true;
        }

        ReadOnlySpan<int> s = small.Shape.Dimensions;
        ReadOnlySpan<int> l = large.Shape.Dimensions;
        return s.Length <= l.Length && s.SequenceEqual(l[(l.Length - s.Length)..]) && small.Length > 0;
    }
}
