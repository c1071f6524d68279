namespace HepMl.Analysis.Tensors;

/// <summary>
/// Collects the tensors created on this thread while it is active and disposes them when it ends, so a training
/// step's temporaries go back to the pool. Scopes nest; <see cref="Keep"/> moves a tensor to the enclosing scope
/// (or out of all scopes). TorchSharp: <c>DisposeScope</c>.
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? t_current;

    private readonly List<Tensor> _tensors = new(64);
    private readonly TensorScope? _outer;
    private bool _disposed;

    private TensorScope(TensorScope? outer) => _outer = outer;

    /// <summary>The innermost active scope on this thread, or null.</summary>
    public static TensorScope? Current => t_current;

    /// <summary>Starts a scope on this thread; dispose it to free what was created inside.</summary>
    public static TensorScope Begin()
    {
        var scope = new TensorScope(t_current);
        t_current = scope;
        return scope;
    }

    /// <summary>Moves <paramref name="tensor"/> to the enclosing scope (or none), so this one does not dispose it.</summary>
    /// <returns>The same tensor.</returns>
    public static Tensor Keep(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        TensorScope? owner = tensor.Scope;
        tensor.Scope = null;
        TensorScope? outer = owner?._outer;
        if (outer is not null)
        {
            tensor.Scope = outer;
            outer._tensors.Add(tensor);
        }

        return tensor;
    }

    /// <summary>Disposes every tensor created in this scope and not kept.</summary>
    /// <exception cref="InvalidOperationException">An inner scope is still active.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (t_current != this)
        {
            throw new InvalidOperationException("TensorScope disposed out of order: an inner scope is still active on this thread");
        }

        _disposed = true;
        t_current = _outer;
        foreach (Tensor t in _tensors)
        {
            if (t.Scope == this)
            {
                t.Dispose();
            }
        }

        _tensors.Clear();
    }

    internal static void Register(Tensor tensor)
    {
        TensorScope? scope = t_current;
        if (scope is not null)
        {
            tensor.Scope = scope;
            scope._tensors.Add(tensor);
        }
    }
}
