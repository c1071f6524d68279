namespace HepMl.Io.Sources;

/// <summary>Bytes already in memory.</summary>
public sealed class MemoryByteSource : IByteSource
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>Wraps <paramref name="bytes"/> (not copied).</summary>
    public MemoryByteSource(ReadOnlyMemory<byte> bytes, string? path = null)
    {
        _bytes = bytes;
        Path = path;
    }

    /// <inheritdoc />
    public long Length => _bytes.Length;

    /// <inheritdoc />
    public string? Path { get; }

    /// <inheritdoc />
    public SourceCounters Counters { get; } = new();

    /// <inheritdoc />
    public void ReadExactly(long offset, Span<byte> destination)
    {
        ByteSourceChecks.CheckRange(this, offset, destination.Length);
        _bytes.Span.Slice((int)offset, destination.Length).CopyTo(destination);
        Counters.Add(destination.Length);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
