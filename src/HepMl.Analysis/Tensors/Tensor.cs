using System.Diagnostics.CodeAnalysis;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors;

/// <summary>
/// A dense, contiguous, row-major float32 tensor with reverse-mode automatic differentiation.
/// </summary>
/// <remarks>
/// Memory comes from a pool and goes back when the tensor is disposed: directly, or by the
/// <see cref="TensorScope"/> that was active when it was created. Views (<see cref="Reshape"/>,
/// <see cref="SliceRows"/>, <see cref="Detach"/>) share the storage; it returns to the pool when the last one is
/// disposed. A tensor created from an existing array with <see cref="Wrap"/> never returns it.
/// Operations that get an input with <see cref="RequiresGrad"/> record a backward function while
/// <see cref="GradientMode.IsEnabled"/>; <see cref="Backward()"/> then fills <see cref="Grad"/> of every leaf.
/// PyTorch: <c>torch.Tensor</c> (float32, CPU, contiguous only).
/// </remarks>
public sealed partial class Tensor : IDisposable
{
    private readonly int _offset;
    private TensorStorage? _storage;
    private Tensor? _grad;
    private bool _gradReady;
    private bool _requiresGrad;
    private bool _graphFreed;

    private Tensor(TensorShape shape, TensorStorage storage, int offset, bool scoped)
    {
        Shape = shape;
        _storage = storage;
        _offset = offset;
        if (scoped)
        {
            TensorScope.Register(this);
        }
    }

    /// <summary>The dimensions.</summary>
    public TensorShape Shape { get; }

    /// <summary>Number of elements.</summary>
    public int Length => Shape.ElementCount;

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Rank;

    /// <summary>Optional name used in error messages and saved files (parameters are named by their module).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// True when gradients flow into this tensor. Settable on leaves (tensors not produced by a recorded operation);
    /// results of recorded operations require gradients when any input does.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set on a tensor produced by a recorded operation.</exception>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (GradFunction is not null)
            {
                throw new InvalidOperationException("RequiresGrad can only be set on a leaf tensor; this one was produced by an operation");
            }

            _requiresGrad = value;
        }
    }

    /// <summary>True when the tensor was not produced by a recorded operation.</summary>
    public bool IsLeaf => GradFunction is null;

    /// <summary>The gradient accumulated by <see cref="Backward()"/>, or null when none has been computed since <see cref="ZeroGrad"/>.</summary>
    public Tensor? Grad => _gradReady ? _grad : null;

    /// <summary>True once disposed; every data access then throws.</summary>
    public bool IsDisposed => _storage is null;

    /// <summary>The elements, row-major.</summary>
    /// <exception cref="ObjectDisposedException">The tensor was disposed.</exception>
    public Span<float> Span => new(Buffer, _offset, Length);

    internal BackwardFunction? GradFunction { get; set; }

    internal float[] Buffer => _storage?.Data ?? ThrowDisposed();

    internal int Offset => _offset;

    internal TensorScope? Scope { get; set; }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(params ReadOnlySpan<int> dimensions) => Zeros(new TensorShape(dimensions));

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(TensorShape shape)
    {
        Tensor t = Uninitialized(shape);
        t.Span.Clear();
        return t;
    }

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    public static Tensor Full(TensorShape shape, float value)
    {
        Tensor t = Uninitialized(shape);
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params ReadOnlySpan<int> dimensions) => Full(new TensorShape(dimensions), 1f);

    /// <summary>A scalar (rank-0) tensor.</summary>
    public static Tensor Scalar(float value) => Full(default, value);

    /// <summary>A tensor holding a copy of <paramref name="values"/> with the given shape.</summary>
    /// <exception cref="ArgumentException">The number of values differs from the shape's element count.</exception>
    public static Tensor FromSpan(ReadOnlySpan<float> values, params ReadOnlySpan<int> dimensions)
    {
        var shape = new TensorShape(dimensions);
        if (values.Length != shape.ElementCount)
        {
            throw new ArgumentException($"{values.Length} values cannot fill shape {shape} ({shape.ElementCount} elements)", nameof(values));
        }

        Tensor t = Uninitialized(shape);
        values.CopyTo(t.Span);
        return t;
    }

    /// <summary>
    /// A tensor over <paramref name="array"/> without copying (the array is shared, never pooled). Not registered in
    /// the current <see cref="TensorScope"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The array is shorter than <paramref name="offset"/> plus the shape's element count.</exception>
    public static Tensor Wrap(float[] array, TensorShape shape, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if ((long)offset + shape.ElementCount > array.Length)
        {
            throw new ArgumentException(
                $"an array of {array.Length} values cannot hold shape {shape} at offset {offset}", nameof(array));
        }

        return new Tensor(shape, new TensorStorage(array, pooled: false), offset, scoped: false);
    }

    /// <summary>Uniform random values in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(TensorShape shape, float low, float high, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Tensor t = Uninitialized(shape);
        random.FillUniform(t.Span, low, high);
        return t;
    }

    /// <summary>Normal random values with the given mean and standard deviation.</summary>
    public static Tensor Normal(TensorShape shape, float mean, float standardDeviation, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Tensor t = Uninitialized(shape);
        random.FillNormal(t.Span, mean, standardDeviation);
        return t;
    }

    /// <summary>The only element of a one-element tensor.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public float Item()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Item() needs a one-element tensor; this one has shape {Shape}");
        }

        return Buffer[_offset];
    }

    /// <summary>A copy of the elements, row-major.</summary>
    public float[] ToArray() => Span.ToArray();

    /// <summary>Element at a multi-dimensional index (slow; for tests and debugging).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the shape.</exception>
    public float GetElement(params ReadOnlySpan<int> index) => Buffer[_offset + FlatIndex(index)];

    /// <summary>Sets the element at a multi-dimensional index (slow; for tests and debugging).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the shape.</exception>
    public void SetElement(float value, params ReadOnlySpan<int> index) => Buffer[_offset + FlatIndex(index)] = value;

    /// <summary>A view sharing the storage that takes no part in gradient recording. PyTorch: <c>detach()</c>.</summary>
    public Tensor Detach() => CreateView(Shape, 0, scoped: true);

    /// <summary>Forgets the accumulated gradient (the next backward pass overwrites instead of adding). PyTorch: <c>grad = None</c>.</summary>
    public void ZeroGrad() => _gradReady = false;

    /// <summary>Releases the storage reference (the memory returns to the pool with the last view) and the gradient.</summary>
    public void Dispose()
    {
        TensorStorage? storage = Interlocked.Exchange(ref _storage, null);
        storage?.Release();
        _grad?.Dispose();
        _grad = null;
        _gradReady = false;
        GradFunction = null;
    }

    /// <summary>Shape and the first few values.</summary>
    public override string ToString()
    {
        if (IsDisposed)
        {
            return $"Tensor{Shape} (disposed)";
        }

        int shown = Math.Min(Length, 6);
        var values = new string[shown];
        for (int i = 0; i < shown; i++)
        {
            values[i] = Buffer[_offset + i].ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
        }

        return $"Tensor{Shape} {{{string.Join(", ", values)}{(Length > shown ? ", ..." : string.Empty)}}}";
    }

    /// <summary>A pooled tensor with undefined contents, registered in the current scope.</summary>
    internal static Tensor Uninitialized(TensorShape shape) =>
        new(shape, new TensorStorage(TensorBufferPool.Rent(shape.ElementCount), pooled: true), 0, scoped: true);

    /// <summary>A pooled tensor with undefined contents that no scope owns (parameters, optimiser state, gradients).</summary>
    internal static Tensor UninitializedUnscoped(TensorShape shape) =>
        new(shape, new TensorStorage(TensorBufferPool.Rent(shape.ElementCount), pooled: true), 0, scoped: false);

    /// <summary>A zeroed tensor that no scope owns.</summary>
    internal static Tensor ZerosUnscoped(TensorShape shape)
    {
        Tensor t = UninitializedUnscoped(shape);
        t.Span.Clear();
        return t;
    }

    internal Tensor CreateView(TensorShape shape, int offset, bool scoped)
    {
        TensorStorage storage = _storage ?? throw new ObjectDisposedException(nameof(Tensor));
        storage.AddReference();
        return new Tensor(shape, storage, _offset + offset, scoped);
    }

    /// <summary>Called when backward consumed the graph that produced this tensor.</summary>
    internal void MarkGraphFreed()
    {
        GradFunction = null;
        _graphFreed = true;
    }

    /// <summary>Marks this tensor as the output of <paramref name="function"/> (when recording).</summary>
    internal void SetGradFunction(BackwardFunction function)
    {
        GradFunction = function;
        _requiresGrad = true;
        function.Output = this;
    }

    /// <summary>
    /// The gradient buffer to accumulate into during backward. <paramref name="fresh"/> is true when it holds no
    /// values yet, so the caller must overwrite rather than add.
    /// </summary>
    internal Span<float> GradientTarget(out bool fresh)
    {
        _grad ??= UninitializedUnscoped(Shape);
        fresh = !_gradReady;
        _gradReady = true;
        return _grad.Span;
    }

    /// <summary>Adds <paramref name="gradient"/> into this tensor's gradient.</summary>
    internal void AccumulateGradient(ReadOnlySpan<float> gradient)
    {
        Span<float> target = GradientTarget(out bool fresh);
        if (fresh)
        {
            gradient.CopyTo(target);
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Add(target, gradient, target);
        }
    }

    /// <summary>Gives a non-leaf gradient's buffer back once backward has consumed it.</summary>
    internal void ReleaseGradient()
    {
        _grad?.Dispose();
        _grad = null;
        _gradReady = false;
    }

    private int FlatIndex(ReadOnlySpan<int> index)
    {
        if (index.Length != Rank)
        {
            throw new ArgumentException($"an index of rank {index.Length} was given for shape {Shape}", nameof(index));
        }

        int flat = 0;
        for (int i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)Shape[i])
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"index {index[i]} on axis {i} is outside shape {Shape}");
            }

            flat = (flat * Shape[i]) + index[i];
        }

        return flat;
    }

    [DoesNotReturn]
    private static float[] ThrowDisposed() => throw new ObjectDisposedException(nameof(Tensor), "the tensor was disposed (directly or by its TensorScope)");
}
