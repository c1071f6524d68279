using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HepMl.Analysis.Autodiff.Backward;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>Sum of all elements as a scalar tensor (accumulated in double). PyTorch: <c>torch.sum</c>.</summary>
    public static Tensor Sum(Tensor x) => Total(x, mean: false);

    /// <summary>Mean of all elements as a scalar tensor (accumulated in double). PyTorch: <c>torch.mean</c>.</summary>
    /// <exception cref="ShapeMismatchException">The tensor is empty.</exception>
    public static Tensor Mean(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length == 0)
        {
            Internal.ThrowHelper.ShapeMismatch("Mean", "needs at least one element", x.Shape);
        }

        return Total(x, mean: true);
    }

    /// <summary>
    /// Sums each entry of the first dimension over all its other dimensions: [N, ...] to [N].
    /// PyTorch: <c>x.flatten(1).sum(1)</c>.
    /// </summary>
    public static Tensor SumRows(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0)
        {
            Internal.ThrowHelper.ShapeMismatch("SumRows", "needs a tensor of rank >= 1", x.Shape);
        }

        int rows = x.Shape[0];
        int width = rows == 0 ? 0 : x.Length / rows;
        Tensor result = Uninitialized(new TensorShape(rows));
        ReadOnlySpan<float> values = x.Span;
        Span<float> sums = result.Span;
        for (int r = 0; r < rows; r++)
        {
            sums[r] = TensorPrimitives.Sum(values.Slice(r * width, width));
        }

        if (ShouldRecord(x))
        {
            result.SetGradFunction(new SumRowsBackward(x));
        }

        return result;
    }

    internal static double SumAsDouble(ReadOnlySpan<float> values)
    {
        // Blocks of 4096 summed by TensorPrimitives (pairwise in SIMD lanes), then accumulated in double.
        double total = 0;
        for (int start = 0; start < values.Length; start += 4096)
        {
            total += TensorPrimitives.Sum(values.Slice(start, Math.Min(4096, values.Length - start)));
        }

        return total;
    }

    private static Tensor Total(Tensor x, bool mean)
    {
        ArgumentNullException.ThrowIfNull(x);
        double total = SumAsDouble(x.Span);
        Tensor result = Uninitialized(default);
        result.Span[0] = (float)(mean ? total / x.Length : total);
        if (ShouldRecord(x))
        {
            result.SetGradFunction(new SumBackward(x, mean ? 1f / x.Length : 1f));
        }

        return result;
    }
}
