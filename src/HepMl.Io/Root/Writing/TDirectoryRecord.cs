namespace HepMl.Io.Root.Writing;

/// <summary>
/// The TDirectory record (version 5, or 1005 with 64-bit seeks): dates, key-list and name sizes, the directory's own,
/// parent and key-list positions, and its UUID; the 32-bit form is padded so both forms take 60 bytes.
/// </summary>
/// <remarks>ROOT: <c>TDirectoryFile::FillBuffer</c>, <c>io/doc/TFile/tdirectory.md</c>.</remarks>
internal static class TDirectoryRecord
{
    public const int Size = 60;

    public static void Write(RootBuffer buffer, uint datime, int keyListBytes, int nameBytes, long seekDirectory, long seekParent, long seekKeys, Guid uuid)
    {
        bool big = seekDirectory > int.MaxValue || seekParent > int.MaxValue || seekKeys > int.MaxValue;
        int start = buffer.Length;
        buffer.Int16((short)(big ? 1005 : 5));
        buffer.UInt32(datime);
        buffer.UInt32(datime);
        buffer.Int32(keyListBytes);
        buffer.Int32(nameBytes);
        if (big)
        {
            buffer.Int64(seekDirectory);
            buffer.Int64(seekParent);
            buffer.Int64(seekKeys);
        }
        else
        {
            buffer.Int32((int)seekDirectory);
            buffer.Int32((int)seekParent);
            buffer.Int32((int)seekKeys);
        }

        buffer.Int16(1); // TUUID version
        buffer.Bytes(uuid.ToByteArray());
        while (buffer.Length - start < Size)
        {
            buffer.Byte(0);
        }
    }
}
