using HepMl.Io.Compression;

namespace HepMl.Io.Conversion;

/// <summary>What <see cref="TableConverter"/> converts: input (and the object inside it), output, column and entry selection, compression.</summary>
/// <param name="Input">The input file (ROOT, HDF5 or CSV).</param>
/// <param name="ObjectPath">A tree (ROOT) or group/dataset (HDF5) inside the input, or null for the first tree / the root group.</param>
/// <param name="Output">The output file; its extension picks the format (.root, .h5, .csv).</param>
public sealed record ConversionRequest(string Input, string? ObjectPath, string Output)
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Entries read and written per block (bounds memory).</summary>
        public const long BlockEntries = 200_000;
    }

    /// <summary>Only columns whose name matches this glob (<c>*</c>, <c>?</c>, <c>[abc]</c>; several patterns separated by commas), or null for all.</summary>
    public string? ColumnGlob { get; init; }

    /// <summary>First entry converted.</summary>
    public long EntryStart { get; init; }

    /// <summary>One past the last entry converted (null: to the end).</summary>
    public long? EntryStop { get; init; }

    /// <summary>Compression of the output: ROOT zlib/LZ4/ZSTD at a level; HDF5 uses the zlib level for deflate (+shuffle); CSV ignores it.</summary>
    public RootCompression Compression { get; init; } = RootCompression.Default;

    /// <summary>Entries per block.</summary>
    public long BlockEntries { get; init; } = Defaults.BlockEntries;
}
