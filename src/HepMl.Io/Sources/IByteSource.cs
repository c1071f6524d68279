namespace HepMl.Io.Sources;

/// <summary>
/// Random-access bytes of one file or buffer. Implementations are safe for concurrent <see cref="ReadExactly"/>
/// calls from several threads (baskets are read and decompressed in parallel).
/// </summary>
public interface IByteSource : IDisposable
{
    /// <summary>Total number of bytes.</summary>
    long Length { get; }

    /// <summary>The file path, or null for an in-memory or stream source (used in error messages).</summary>
    string? Path { get; }

    /// <summary>Request and byte counters.</summary>
    SourceCounters Counters { get; }

    /// <summary>Fills <paramref name="destination"/> with the bytes starting at <paramref name="offset"/>.</summary>
    /// <exception cref="HepMlFormatException">The range extends past the end of the source.</exception>
    void ReadExactly(long offset, Span<byte> destination);
}
