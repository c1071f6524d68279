namespace HepMl.Io.Hdf5.Reading;

/// <summary>One element of an array-based chunk index (fixed or extensible array): the chunk's linear index
/// in the index's own ordering, its address, stored size and filter mask.</summary>
internal readonly record struct ChunkElement(long Index, long Address, long Size, uint FilterMask);
