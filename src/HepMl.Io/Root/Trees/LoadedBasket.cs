using System.Buffers;

namespace HepMl.Io.Root.Trees;

/// <summary>
/// One basket's uncompressed data and entry offsets, in a pooled buffer that <see cref="Dispose"/> returns
/// (ROOT: <c>TBasket::ReadBasketBuffers</c>).
/// </summary>
internal sealed class LoadedBasket : IDisposable
{
    private byte[]? _pooled;
    private int[]? _pooledOffsets;

    public LoadedBasket(
        BasketInfo info, byte[] buffer, int dataStart, int dataLength, int[]? offsets, int keyLength, bool pooled, bool pooledOffsets = false)
    {
        Info = info;
        Buffer = buffer;
        DataStart = dataStart;
        DataLength = dataLength;
        Offsets = offsets;
        KeyLength = keyLength;
        _pooled = pooled ? buffer : null;
        _pooledOffsets = pooledOffsets ? offsets : null;
    }

    public BasketInfo Info { get; }

    public byte[] Buffer { get; }

    /// <summary>Position of the entry data in <see cref="Buffer"/>.</summary>
    public int DataStart { get; }

    /// <summary>Bytes of entry data (the basket's <c>fLast - fKeylen</c>).</summary>
    public int DataLength { get; }

    /// <summary>
    /// Start of each entry relative to the data, plus the end (the first entries + 1 values are meaningful; the array
    /// may be longer when pooled), or null for fixed-size entries.
    /// </summary>
    public int[]? Offsets { get; }

    /// <summary>The key length: ROOT object references inside the data count from the key start.</summary>
    public int KeyLength { get; }

    public ReadOnlySpan<byte> Data => Buffer.AsSpan(DataStart, DataLength);

    public void Dispose()
    {
        byte[]? pooled = Interlocked.Exchange(ref _pooled, null);
        if (pooled is not null)
        {
            ArrayPool<byte>.Shared.Return(pooled);
        }

        int[]? offsets = Interlocked.Exchange(ref _pooledOffsets, null);
        if (offsets is not null)
        {
            ArrayPool<int>.Shared.Return(offsets);
        }
    }
}
