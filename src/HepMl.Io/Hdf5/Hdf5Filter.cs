namespace HepMl.Io.Hdf5;

/// <summary>One filter of a dataset's pipeline, as stored: id, name, flags and client data.</summary>
/// <param name="Id">Filter id: 1 deflate, 2 shuffle, 3 fletcher32, 32000 LZF, ...</param>
/// <param name="Name">The stored name, or the well-known name of a predefined filter.</param>
/// <param name="Flags">Bit 0: optional (a chunk may skip it, recorded in its filter mask).</param>
/// <param name="ClientData">The filter's parameters (deflate: the level; shuffle: the element size).</param>
public sealed record Hdf5Filter(int Id, string Name, int Flags, IReadOnlyList<uint> ClientData)
{
    /// <summary>Deflate (zlib) compression.</summary>
    public const int Deflate = 1;

    /// <summary>Byte shuffle.</summary>
    public const int Shuffle = 2;

    /// <summary>Fletcher-32 checksum.</summary>
    public const int Fletcher32 = 3;

    /// <summary>SZIP compression (not readable here).</summary>
    public const int Szip = 4;

    /// <summary>LZF compression (the filter h5py bundles).</summary>
    public const int Lzf = 32000;

    /// <summary>True when a chunk may skip this filter.</summary>
    public bool IsOptional => (Flags & 1) != 0;
}
