namespace HepMl.Io.Root.Objects;

/// <summary>
/// A TBasket stored inside its TBranch's record (in the TTree key) rather than under its own key
/// (ROOT: <c>TBasket::Streamer</c>); its data are never compressed.
/// </summary>
internal sealed class EmbeddedBasket
{
    public EmbeddedBasket(int entries, byte[] data, int[]? entryOffsets, int keyLength)
    {
        Entries = entries;
        Data = data;
        EntryOffsets = entryOffsets;
        KeyLength = keyLength;
    }

    /// <summary>Number of entries (<c>fNevBuf</c>).</summary>
    public int Entries { get; }

    /// <summary>The entry data, without key or offsets.</summary>
    public byte[] Data { get; }

    /// <summary>Start of each entry in <see cref="Data"/>, plus the end (length entries + 1), or null for fixed-size entries.</summary>
    public int[]? EntryOffsets { get; }

    /// <summary>The basket's key length (<c>fKeylen</c>), the origin of object references in the data.</summary>
    public int KeyLength { get; }
}
