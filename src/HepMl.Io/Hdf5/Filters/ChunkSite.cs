using HepMl.Io.Hdf5.Reading;

namespace HepMl.Io.Hdf5.Filters;

/// <summary>Where a chunk being decoded lives, for error messages: file, object, chunk offset and file offset.</summary>
internal readonly record struct ChunkSite(Hdf5Context Context, string ObjectPath, long FileOffset, long[] ChunkOffset)
{
    public HepMlFormatException Error(string problem, Exception? inner = null) =>
        new($"chunk at [{string.Join(",", ChunkOffset)}]: {problem}", Context.FilePath, FileOffset, ObjectPath, null, inner);
}
