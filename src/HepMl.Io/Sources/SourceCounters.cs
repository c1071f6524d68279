namespace HepMl.Io.Sources;

/// <summary>How many read requests a source served and how many bytes they returned (thread-safe).</summary>
public sealed class SourceCounters
{
    private long _requests;
    private long _bytes;

    /// <summary>Number of read requests.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Number of bytes returned.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    internal void Add(long bytes)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, bytes);
    }
}
