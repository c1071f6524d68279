namespace HepMl.Io.Root.Writing;

/// <summary>
/// A TKey header as written (always the 64-bit form, version 1004): total bytes, object length, date, key length,
/// cycle, position, parent directory, class name, name, title. Directories list these headers in their key list.
/// </summary>
/// <remarks>ROOT: <c>io/doc/TFile/tkey.md</c>; <c>TKey::FillBuffer</c>.</remarks>
internal sealed record RootKeyHeader(
    int TotalBytes, int ObjectLength, uint Datime, short Cycle, long SeekKey, long SeekParentDirectory,
    string ClassName, string Name, string Title)
{
    public const short Version = 1004;

    /// <summary>Bytes of the fixed fields (nbytes, version, objlen, datime, keylen, cycle, two 64-bit seeks).</summary>
    public const int FixedSize = 4 + 2 + 4 + 4 + 2 + 2 + 8 + 8;

    /// <summary>Bytes after the title that belong to the key (the TBasket header fields of basket keys).</summary>
    public int ExtraKeyBytes { get; init; }

    public short KeyLength => (short)(Size(ClassName, Name, Title) + ExtraKeyBytes);

    public static int Size(string className, string name, string title) =>
        FixedSize + RootBuffer.StringSize(className) + RootBuffer.StringSize(name) + RootBuffer.StringSize(title);

    public void WriteTo(RootBuffer buffer)
    {
        buffer.Int32(TotalBytes);
        buffer.Int16(Version);
        buffer.Int32(ObjectLength);
        buffer.UInt32(Datime);
        buffer.Int16(KeyLength);
        buffer.Int16(Cycle);
        buffer.Int64(SeekKey);
        buffer.Int64(SeekParentDirectory);
        buffer.String(ClassName);
        buffer.String(Name);
        buffer.String(Title);
    }

    /// <summary>ROOT's TDatime code of a moment: (year − 1995) &lt;&lt; 26 | month &lt;&lt; 22 | day &lt;&lt; 17 | hour &lt;&lt; 12 | minute &lt;&lt; 6 | second.</summary>
    public static uint Encode(DateTime time) =>
        (uint)(((time.Year - 1995) << 26) | (time.Month << 22) | (time.Day << 17) | (time.Hour << 12) | (time.Minute << 6) | time.Second);
}
