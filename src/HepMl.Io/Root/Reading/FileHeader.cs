using HepMl.Io.Binary;

namespace HepMl.Io.Root.Reading;

/// <summary>
/// The TFile header at byte 0 (ROOT: <c>TFile::ReadBuffer</c>/<c>TFile::Init</c>; layout:
/// https://root.cern/doc/master/classTFile.html). Files whose version is at least 1000000 use 64-bit seek fields.
/// </summary>
internal sealed record FileHeader(
    int Version,
    int Begin,
    long End,
    long SeekFree,
    int BytesFree,
    int FreeSegments,
    int BytesName,
    byte Units,
    int Compression,
    long SeekInfo,
    int BytesInfo)
{
    /// <summary>Bytes to read to be sure the whole header is there.</summary>
    public const int MaximumSize = 4 + 4 + 4 + 8 + 8 + 4 + 4 + 4 + 1 + 4 + 8 + 4 + 18;

    /// <summary>True when seek fields are 64-bit.</summary>
    public bool IsLargeFile => Version >= 1000000;

    /// <summary>ROOT version as written (e.g. 61804), without the large-file flag.</summary>
    public int RootVersion => Version % 1000000;

    /// <summary>ROOT version as text, e.g. "6.18/04".</summary>
    public string RootVersionText => $"{RootVersion / 10000}.{RootVersion / 100 % 100:D2}/{RootVersion % 100:D2}";

    public static FileHeader Read(ref RootCursor cursor)
    {
        ReadOnlySpan<byte> magic = cursor.ReadBytes(4);
        if (!magic.SequenceEqual("root"u8))
        {
            string found = Convert.ToHexString(magic);
            throw cursor.Context.Error($"not a ROOT file: expected the magic bytes 'root' at offset 0 but found 0x{found}", 0);
        }

        int version = cursor.ReadInt32();
        int begin = cursor.ReadInt32();
        bool large = version >= 1000000;
        long end = large ? cursor.ReadInt64() : cursor.ReadInt32();
        long seekFree = large ? cursor.ReadInt64() : cursor.ReadInt32();
        int bytesFree = cursor.ReadInt32();
        int freeSegments = cursor.ReadInt32();
        int bytesName = cursor.ReadInt32();
        byte units = cursor.ReadByte();
        int compression = cursor.ReadInt32();
        long seekInfo = large ? cursor.ReadInt64() : cursor.ReadInt32();
        int bytesInfo = cursor.ReadInt32();
        return new FileHeader(version, begin, end, seekFree, bytesFree, freeSegments, bytesName, units, compression, seekInfo, bytesInfo);
    }
}
