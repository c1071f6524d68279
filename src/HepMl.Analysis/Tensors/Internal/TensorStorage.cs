namespace HepMl.Analysis.Tensors.Internal;

/// <summary>The float array behind one or more tensors (views share it); reference-counted, pooled when owned.</summary>
internal sealed class TensorStorage
{
    private readonly bool _pooled;
    private float[]? _data;
    private int _references = 1;

    public TensorStorage(float[] data, bool pooled)
    {
        _data = data;
        _pooled = pooled;
    }

    public float[]? Data => _data;

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            float[]? data = Interlocked.Exchange(ref _data, null);
            if (_pooled && data is not null)
            {
                TensorBufferPool.Return(data);
            }
        }
    }
}
