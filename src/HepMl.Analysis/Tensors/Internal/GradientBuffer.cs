namespace HepMl.Analysis.Tensors.Internal;

/// <summary>
/// Where a backward function writes one input's gradient contribution: straight into the gradient when it holds
/// nothing yet, otherwise into a pooled temporary that <see cref="Commit"/> adds in.
/// </summary>
internal readonly ref struct GradientBuffer
{
    private readonly Span<float> _target;
    private readonly float[]? _temporary;

    private GradientBuffer(Span<float> target, float[]? temporary, Span<float> span)
    {
        _target = target;
        _temporary = temporary;
        Span = span;
    }

    /// <summary>The span to overwrite with the contribution.</summary>
    public Span<float> Span { get; }

    /// <summary>True when the span is the gradient itself (GEMM can then use beta 0 directly).</summary>
    public bool IsDirect => _temporary is null;

    public static GradientBuffer For(Tensor input)
    {
        Span<float> target = input.GradientTarget(out bool fresh);
        if (fresh)
        {
            return new GradientBuffer(target, null, target);
        }

        float[] temporary = TensorBufferPool.Rent(target.Length);
        return new GradientBuffer(target, temporary, temporary.AsSpan(0, target.Length));
    }

    public void Commit()
    {
        if (_temporary is not null)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(_target, Span, _target);
            TensorBufferPool.Return(_temporary);
        }
    }
}
