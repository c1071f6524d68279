namespace HepMl.Io.Compression;

/// <summary>The algorithms ROOT names in its 9-byte block headers (ROOT: <c>core/zip/inc/Compression.h</c>).</summary>
public enum CompressionAlgorithm
{
    /// <summary>Stored without compression.</summary>
    None = 0,

    /// <summary>zlib (<c>ZL</c>).</summary>
    Zlib = 1,

    /// <summary>LZMA in an .xz stream (<c>XZ</c>).</summary>
    Lzma = 2,

    /// <summary>Legacy ROOT algorithm (<c>CS</c>), not supported.</summary>
    OldRoot = 3,

    /// <summary>LZ4 block with an xxHash64 checksum (<c>L4</c>).</summary>
    Lz4 = 4,

    /// <summary>Zstandard frame (<c>ZS</c>).</summary>
    Zstd = 5,
}
