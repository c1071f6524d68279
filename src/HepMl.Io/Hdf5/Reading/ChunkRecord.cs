namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Where one chunk lives: its offset in elements (per dimension), file address, stored size in bytes and filter
/// mask (bit i set = filter i was skipped for this chunk).
/// </summary>
internal sealed record ChunkRecord(long[] Offset, long Address, long Size, uint FilterMask);
