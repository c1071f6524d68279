namespace HepMl.Io.Hdf5.Writing;

/// <summary>A chunk already in the file: its element offset, address, stored size and filter mask.</summary>
internal readonly record struct WrittenChunk(long[] Offset, long Address, int Size, uint FilterMask);
