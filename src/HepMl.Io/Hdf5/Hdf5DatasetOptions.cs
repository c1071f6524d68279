namespace HepMl.Io.Hdf5;

/// <summary>How the HDF5 writer stores a dataset: contiguous, or chunked with optional shuffle + deflate.</summary>
public sealed record Hdf5DatasetOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Target uncompressed bytes per chunk when no chunk shape is given (1 MiB).</summary>
        public const int ChunkBytes = 1 << 20;

        /// <summary>Deflate level when compression is asked for without a level.</summary>
        public const int CompressionLevel = 4;
    }

    /// <summary>Contiguous storage, no filters (the default for one-shot writes).</summary>
    public static Hdf5DatasetOptions Contiguous => new();

    /// <summary>Chunked, shuffled and deflated at <paramref name="level"/> (h5py: <c>compression="gzip", shuffle=True</c>).</summary>
    public static Hdf5DatasetOptions Compressed(int level = Defaults.CompressionLevel) =>
        new() { Chunked = true, CompressionLevel = level, Shuffle = true };

    /// <summary>Store in chunks (required for compression and for streaming writers).</summary>
    public bool Chunked { get; init; }

    /// <summary>The chunk shape; null picks whole rows, about <see cref="Defaults.ChunkBytes"/> per chunk.</summary>
    public IReadOnlyList<int>? ChunkShape { get; init; }

    /// <summary>Deflate level 1 to 9, or 0 for no compression.</summary>
    public int CompressionLevel { get; init; }

    /// <summary>Apply the byte-shuffle filter before deflate (improves compression of numbers).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Largest number of threads compressing chunks (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
