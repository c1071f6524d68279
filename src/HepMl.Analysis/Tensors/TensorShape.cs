using System.Globalization;

namespace HepMl.Analysis.Tensors;

/// <summary>The dimensions of a tensor, outermost first (row-major): <c>[N, C, H, W]</c> for images, <c>[N, F]</c> for tables.</summary>
public readonly struct TensorShape : IEquatable<TensorShape>
{
    private readonly int[]? _dimensions;
    private readonly int _elementCount;

    /// <summary>Creates a shape from its dimensions (copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the element count exceeds <see cref="int.MaxValue"/>.</exception>
    public TensorShape(params ReadOnlySpan<int> dimensions)
    {
        long count = 1;
        for (int i = 0; i < dimensions.Length; i++)
        {
            if (dimensions[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(dimensions), $"dimension {i} is {dimensions[i]}; dimensions must be >= 0");
            }

            count *= dimensions[i];
            if (count > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(dimensions), $"shape {Format(dimensions)} holds more than {int.MaxValue} elements");
            }
        }

        _dimensions = dimensions.ToArray();
        _elementCount = (int)count;
    }

    /// <summary>Number of dimensions (0 for a scalar).</summary>
    public int Rank => _dimensions?.Length ?? 0;

    /// <summary>Product of the dimensions (1 for a scalar).</summary>
    public int ElementCount => _dimensions is null ? 1 : _elementCount;

    /// <summary>The dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Dimensions => _dimensions;

    /// <summary>Size of dimension <paramref name="axis"/>; negative axes count from the end (-1 is the last).</summary>
    public int this[int axis]
    {
        get
        {
            int rank = Rank;
            int resolved = axis < 0 ? axis + rank : axis;
            if ((uint)resolved >= (uint)rank)
            {
                throw new ArgumentOutOfRangeException(nameof(axis), $"axis {axis} is outside a rank-{rank} shape {this}");
            }

            return _dimensions![resolved];
        }
    }

    /// <summary>Elements per entry of the first dimension (the product of all but the first dimension).</summary>
    public int RowLength => Rank == 0 ? 1 : _dimensions![0] == 0 ? ProductFrom(1) : ElementCount / _dimensions[0];

    /// <summary>The same shape with the first dimension replaced.</summary>
    public TensorShape WithFirstDimension(int first)
    {
        int[] dims = _dimensions is null ? [] : (int[])_dimensions.Clone();
        if (dims.Length == 0)
        {
            throw new InvalidOperationException("a scalar shape has no first dimension");
        }

        dims[0] = first;
        return new TensorShape(dims);
    }

    /// <summary>Equality of dimensions.</summary>
    public bool Equals(TensorShape other) => Dimensions.SequenceEqual(other.Dimensions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (int d in Dimensions)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>[256, 28]</c>.</summary>
    public override string ToString() => Format(Dimensions);

    /// <summary>Equality of dimensions.</summary>
    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    /// <summary>Inequality of dimensions.</summary>
    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);

    internal static string Format(ReadOnlySpan<int> dimensions)
    {
        var parts = new string[dimensions.Length];
        for (int i = 0; i < dimensions.Length; i++)
        {
            parts[i] = dimensions[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    private int ProductFrom(int axis)
    {
        int product = 1;
        for (int i = axis; i < Rank; i++)
        {
            product *= _dimensions![i];
        }

        return product;
    }
}
