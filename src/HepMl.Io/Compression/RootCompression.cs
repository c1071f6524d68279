using System.Globalization;

namespace HepMl.Io.Compression;

/// <summary>
/// A ROOT compression setting: algorithm and level 1-9 (ROOT's <c>fCompress</c> = 100 × algorithm + level), or none.
/// Parses the CLI form <c>zlib:4</c>, <c>lz4:4</c>, <c>zstd:5</c>, <c>none</c>.
/// </summary>
/// <param name="Algorithm">Zlib, Lz4, Zstd or None.</param>
/// <param name="Level">1 to 9 (0 with <see cref="CompressionAlgorithm.None"/>).</param>
public readonly record struct RootCompression(CompressionAlgorithm Algorithm, int Level)
{
    /// <summary>ROOT's default: zlib level 1 (<c>fCompress</c> = 101).</summary>
    public static RootCompression Default => new(CompressionAlgorithm.Zlib, 1);

    /// <summary>No compression.</summary>
    public static RootCompression None => new(CompressionAlgorithm.None, 0);

    /// <summary>ROOT's <c>fCompress</c> code.</summary>
    public int Code => Algorithm == CompressionAlgorithm.None ? 0 : (100 * (int)Algorithm) + Level;

    /// <summary>Parses <c>zlib:4</c>, <c>lz4:4</c>, <c>zstd:5</c>, <c>none</c> (a missing level means 1 for zlib, 4 for lz4, 5 for zstd).</summary>
    /// <exception cref="ArgumentException">Unknown algorithm or a level outside 1-9.</exception>
    public static RootCompression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Trim().ToLowerInvariant().Split(':');
        CompressionAlgorithm algorithm = parts[0] switch
        {
            "zlib" or "zl" => CompressionAlgorithm.Zlib,
            "lz4" or "l4" => CompressionAlgorithm.Lz4,
            "zstd" or "zs" => CompressionAlgorithm.Zstd,
            "none" or "0" => CompressionAlgorithm.None,
            _ => throw new ArgumentException($"unknown compression '{text}'; expected zlib:LEVEL, lz4:LEVEL, zstd:LEVEL or none", nameof(text)),
        };
        if (algorithm == CompressionAlgorithm.None)
        {
            return None;
        }

        int level = algorithm switch { CompressionAlgorithm.Zlib => 1, CompressionAlgorithm.Lz4 => 4, _ => 5 };
        if (parts.Length > 1 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out level) || level is < 1 or > 9))
        {
            throw new ArgumentException($"compression level in '{text}' must be 1 to 9", nameof(text));
        }

        return new RootCompression(algorithm, level);
    }

    /// <inheritdoc/>
    public override string ToString() => Algorithm == CompressionAlgorithm.None ? "none" : $"{Algorithm.ToString().ToLowerInvariant()}:{Level}";
}
