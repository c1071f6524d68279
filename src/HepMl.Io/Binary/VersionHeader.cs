namespace HepMl.Io.Binary;

/// <summary>
/// The header ROOT writes before most objects: an optional 4-byte byte count (flagged with 0x40000000) and a
/// 2-byte class version (flag 0x4000 marks member-wise streaming). ROOT: <c>TBufferFile::ReadVersion</c>.
/// </summary>
/// <param name="Start">Cursor position of the header's first byte.</param>
/// <param name="ByteCount">Bytes after the byte-count field (version and members), or -1 when absent.</param>
/// <param name="Version">Class version.</param>
/// <param name="IsMemberwise">True when the collection was streamed member-wise.</param>
internal readonly record struct VersionHeader(int Start, int ByteCount, int Version, bool IsMemberwise)
{
    /// <summary>Position just after the object, or -1 when the header carries no byte count.</summary>
    public int End => ByteCount < 0 ? -1 : Start + 4 + ByteCount;
}
