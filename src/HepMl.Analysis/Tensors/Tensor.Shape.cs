using HepMl.Analysis.Autodiff.Backward;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// A view with another shape and the same elements (no copy); one dimension may be -1 and is then inferred.
    /// PyTorch: <c>reshape</c>/<c>view</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The element counts differ.</exception>
    public Tensor Reshape(params ReadOnlySpan<int> dimensions)
    {
        int[] resolved = dimensions.ToArray();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] == -1 && inferred < 0)
            {
                inferred = i;
            }
            else
            {
                known *= resolved[i];
            }
        }

        if (inferred >= 0 && known > 0)
        {
            resolved[inferred] = (int)(Length / known);
        }

        var shape = new TensorShape(resolved);
        if (shape.ElementCount != Length)
        {
            ThrowHelper.ShapeMismatch("Reshape", $"cannot view {Length} elements as {TensorShape.Format(dimensions)}", Shape);
        }

        Tensor view = CreateView(shape, 0, scoped: true);
        if (ShouldRecord(this))
        {
            view.SetGradFunction(new ViewBackward(this, 0));
        }

        return view;
    }

    /// <summary>Flattens all dimensions after the first: [N, ...] to [N, rest]. PyTorch: <c>flatten(1)</c>.</summary>
    public Tensor Flatten()
    {
        if (Rank == 0)
        {
            ThrowHelper.ShapeMismatch("Flatten", "needs a tensor of rank >= 1", Shape);
        }

        return Reshape(Shape[0], Shape.RowLength);
    }

    /// <summary>A view of entries [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of the first dimension.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the first dimension.</exception>
    public Tensor SliceRows(int start, int count)
    {
        if (Rank == 0)
        {
            ThrowHelper.ShapeMismatch("SliceRows", "needs a tensor of rank >= 1", Shape);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if ((long)start + count > Shape[0])
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"rows [{start}, {start + count}) are outside the {Shape[0]} rows of {Shape}");
        }

        int rowLength = Shape.RowLength;
        Tensor view = CreateView(Shape.WithFirstDimension(count), start * rowLength, scoped: true);
        if (ShouldRecord(this))
        {
            view.SetGradFunction(new ViewBackward(this, start * rowLength));
        }

        return view;
    }

    /// <summary>
    /// Concatenates along dimension 1 (features of [N, F], channels of [N, C, H, W]); all other dimensions must
    /// agree. PyTorch: <c>torch.cat(tensors, dim=1)</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes disagree outside dimension 1.</exception>
    public static Tensor Concatenate(Tensor first, Tensor second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Rank < 2 || first.Rank != second.Rank || first.Shape[0] != second.Shape[0])
        {
            ThrowHelper.ShapeMismatch("Concatenate", "needs tensors of equal rank >= 2 with equal first dimensions", first.Shape, second.Shape);
        }

        for (int axis = 2; axis < first.Rank; axis++)
        {
            if (first.Shape[axis] != second.Shape[axis])
            {
                ThrowHelper.ShapeMismatch("Concatenate", $"dimension {axis} must agree", first.Shape, second.Shape);
            }
        }

        int[] dims = first.Shape.Dimensions.ToArray();
        dims[1] += second.Shape[1];
        Tensor result = Uninitialized(new TensorShape(dims));
        int rows = first.Shape[0];
        int a = first.Shape.RowLength;
        int b = second.Shape.RowLength;
        ReadOnlySpan<float> x = first.Span;
        ReadOnlySpan<float> y = second.Span;
        Span<float> z = result.Span;
        for (int r = 0; r < rows; r++)
        {
            x.Slice(r * a, a).CopyTo(z.Slice(r * (a + b), a));
            y.Slice(r * b, b).CopyTo(z.Slice((r * (a + b)) + a, b));
        }

        if (ShouldRecord(first, second))
        {
            result.SetGradFunction(new ConcatenateBackward(first, second));
        }

        return result;
    }
}
