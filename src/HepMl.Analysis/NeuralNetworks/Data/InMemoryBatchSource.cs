using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// A batch source over arrays in memory (row-major features, optional targets, weights and mask), optionally
/// restricted to a subset of rows (as made by <see cref="Split"/>). Random access; shared arrays are not copied.
/// </summary>
public sealed class InMemoryBatchSource : IBatchSource
{
    private readonly float[] _features;
    private readonly float[]? _targets;
    private readonly float[]? _weights;
    private readonly float[]? _mask;
    private readonly int[]? _rows;
    private readonly int _sampleSize;

    /// <summary>Creates the source; all arrays hold <paramref name="count"/> events.</summary>
    /// <exception cref="ArgumentException">An array length does not match the count and widths.</exception>
    public InMemoryBatchSource(
        float[] features, TensorShape sampleShape, int count, float[]? targets = null, int targetWidth = 1,
        float[]? weights = null, float[]? mask = null, int maskWidth = 0)
        : this(features, sampleShape, count, targets, targets is null ? 0 : targetWidth, weights, mask, mask is null ? 0 : maskWidth, null)
    {
    }

    private InMemoryBatchSource(
        float[] features, TensorShape sampleShape, int totalRows, float[]? targets, int targetWidth,
        float[]? weights, float[]? mask, int maskWidth, int[]? rows)
    {
        ArgumentNullException.ThrowIfNull(features);
        _sampleSize = sampleShape.ElementCount;
        Check(features.Length, (long)totalRows * _sampleSize, "features");
        if (targets is not null)
        {
            Check(targets.Length, (long)totalRows * targetWidth, "targets");
        }

        if (weights is not null)
        {
            Check(weights.Length, totalRows, "weights");
        }

        if (mask is not null)
        {
            Check(mask.Length, (long)totalRows * maskWidth, "mask");
        }

        (_features, _targets, _weights, _mask, _rows) = (features, targets, weights, mask, rows);
        SampleShape = sampleShape;
        TargetWidth = targetWidth;
        MaskWidth = maskWidth;
        TotalRows = totalRows;
        Count = rows?.Length ?? totalRows;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public TensorShape SampleShape { get; }

    /// <inheritdoc/>
    public int TargetWidth { get; }

    /// <inheritdoc/>
    public bool HasWeights => _weights is not null;

    /// <inheritdoc/>
    public int MaskWidth { get; }

    /// <inheritdoc/>
    public bool SupportsRandomAccess => true;

    private int TotalRows { get; }

    /// <summary>
    /// Splits into a training part (the first events) and a validation part (the last
    /// <paramref name="validationFraction"/>, rounded down), like Keras' <c>validation_split</c>.
    /// </summary>
    public (InMemoryBatchSource Train, InMemoryBatchSource Validation) Split(double validationFraction)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "the validation fraction must be in (0, 1)");
        }

        int validation = (int)(Count * validationFraction);
        int train = Count - validation;
        if (train == 0 || validation == 0)
        {
            throw new ArgumentException($"a validation fraction of {validationFraction} leaves an empty part of {Count} events", nameof(validationFraction));
        }

        return (Subset(0, train), Subset(train, validation));
    }

    /// <summary>Events [start, start + count) of this source.</summary>
    public InMemoryBatchSource Subset(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = _rows is null ? start + i : _rows[start + i];
        }

        return new InMemoryBatchSource(_features, SampleShape, TotalRows, _targets, TargetWidth, _weights, _mask, MaskWidth, rows);
    }

    /// <inheritdoc/>
    public void Read(ReadOnlySpan<int> rows, BatchBuffers destination)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            if ((uint)rows[i] >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"row {rows[i]} is outside the {Count} events");
            }

            CopyRow(_rows is null ? rows[i] : _rows[rows[i]], i, destination);
        }
    }

    /// <inheritdoc/>
    public void ReadRange(int start, int count, BatchBuffers destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        for (int i = 0; i < count; i++)
        {
            CopyRow(_rows is null ? start + i : _rows[start + i], i, destination);
        }
    }

    private void CopyRow(int row, int slot, BatchBuffers destination)
    {
        _features.AsSpan(row * _sampleSize, _sampleSize).CopyTo(destination.Features.Slice(slot * _sampleSize, _sampleSize));
        if (_targets is not null && !destination.Targets.IsEmpty)
        {
            _targets.AsSpan(row * TargetWidth, TargetWidth).CopyTo(destination.Targets.Slice(slot * TargetWidth, TargetWidth));
        }

        if (_weights is not null && !destination.Weights.IsEmpty)
        {
            destination.Weights[slot] = _weights[row];
        }

        if (_mask is not null && !destination.Mask.IsEmpty)
        {
            _mask.AsSpan(row * MaskWidth, MaskWidth).CopyTo(destination.Mask.Slice(slot * MaskWidth, MaskWidth));
        }
    }

    private static void Check(int actual, long expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} holds {actual} values; {expected} were expected", name);
        }
    }
}
