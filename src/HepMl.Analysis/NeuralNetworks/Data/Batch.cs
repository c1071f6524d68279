using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// One mini-batch: features [B, ...], and when the source has them targets [B] or [B, T], weights [B] and mask
/// [B, M]. The tensors wrap buffers that the <see cref="BatchLoader"/> recycles: they are valid until the loader's
/// enumeration moves to the next batch.
/// </summary>
public sealed class Batch
{
    private readonly float[] _features;
    private readonly float[]? _targets;
    private readonly float[]? _weights;
    private readonly float[]? _mask;
    private readonly TensorShape _sampleShape;
    private readonly int _targetWidth;
    private readonly int _maskWidth;

    internal Batch(int capacity, TensorShape sampleShape, int targetWidth, bool weights, int maskWidth)
    {
        Capacity = capacity;
        _sampleShape = sampleShape;
        _targetWidth = targetWidth;
        _maskWidth = maskWidth;
        _features = new float[capacity * sampleShape.ElementCount];
        _targets = targetWidth > 0 ? new float[capacity * targetWidth] : null;
        _weights = weights ? new float[capacity] : null;
        _mask = maskWidth > 0 ? new float[capacity * maskWidth] : null;
        Features = null!;
    }

    /// <summary>Largest number of events.</summary>
    public int Capacity { get; }

    /// <summary>Events in this batch.</summary>
    public int Count { get; private set; }

    /// <summary>Index of this batch in the epoch (0-based).</summary>
    public int Index { get; private set; }

    /// <summary>Features [Count, ...sample shape].</summary>
    public Tensor Features { get; private set; }

    /// <summary>Targets [Count] (width 1) or [Count, T], or null.</summary>
    public Tensor? Targets { get; private set; }

    /// <summary>Weights [Count], or null.</summary>
    public Tensor? Weights { get; private set; }

    /// <summary>Mask [Count, M], or null.</summary>
    public Tensor? Mask { get; private set; }

    internal BatchBuffers Buffers(int count) => new(
        _features.AsSpan(0, count * _sampleShape.ElementCount),
        _targets is null ? default : _targets.AsSpan(0, count * _targetWidth),
        _weights is null ? default : _weights.AsSpan(0, count),
        _mask is null ? default : _mask.AsSpan(0, count * _maskWidth));

    internal void Publish(int count, int index)
    {
        Count = count;
        Index = index;
        int[] dims = new int[_sampleShape.Rank + 1];
        dims[0] = count;
        _sampleShape.Dimensions.CopyTo(dims.AsSpan(1));
        Features = Tensor.Wrap(_features, new TensorShape(dims));
        Targets = _targets is null ? null : Tensor.Wrap(_targets, _targetWidth == 1 ? new TensorShape(count) : new TensorShape(count, _targetWidth));
        Weights = _weights is null ? null : Tensor.Wrap(_weights, new TensorShape(count));
        Mask = _mask is null ? null : Tensor.Wrap(_mask, new TensorShape(count, _maskWidth));
    }
}
