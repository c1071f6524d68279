namespace HepMl.Io.Sources;

/// <summary>A seekable <see cref="Stream"/>; reads are serialised with a lock because a stream has one position.</summary>
public sealed class StreamByteSource : IByteSource
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Lock _lock = new();

    /// <summary>Wraps <paramref name="stream"/>, which must be readable and seekable.</summary>
    /// <exception cref="ArgumentException">The stream cannot seek or read.</exception>
    public StreamByteSource(Stream stream, bool leaveOpen = false, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("the stream must be readable and seekable", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        Path = path ?? (stream as FileStream)?.Name;
        Length = stream.Length;
    }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public string? Path { get; }

    /// <inheritdoc />
    public SourceCounters Counters { get; } = new();

    /// <inheritdoc />
    public void ReadExactly(long offset, Span<byte> destination)
    {
        ByteSourceChecks.CheckRange(this, offset, destination.Length);
        lock (_lock)
        {
            _stream.Position = offset;
            int done = 0;
            while (done < destination.Length)
            {
                int read = _stream.Read(destination[done..]);
                if (read <= 0)
                {
                    throw new HepMlFormatException(
                        $"the stream ended after {offset + done} bytes while {destination.Length - done} more were expected",
                        Path,
                        offset + done);
                }

                done += read;
            }
        }

        Counters.Add(destination.Length);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
