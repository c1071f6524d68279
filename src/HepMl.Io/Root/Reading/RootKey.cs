using HepMl.Io.Binary;

namespace HepMl.Io.Root.Reading;

/// <summary>
/// A TKey: the header in front of every object stored in a ROOT file (ROOT: <c>TKey::Streamer</c>; layout:
/// https://root.cern/doc/master/classTKey.html). Names drop ROOT's <c>f</c> prefix.
/// </summary>
public sealed class RootKey
{
    private RootKey(
        int totalBytes, int version, int objectLength, uint datime, int keyLength, int cycle, long seekKey, long seekParent,
        string className, string name, string title)
    {
        TotalBytes = totalBytes;
        Version = version;
        ObjectLength = objectLength;
        Datime = datime;
        KeyLength = keyLength;
        Cycle = cycle;
        SeekKey = seekKey;
        SeekParentDirectory = seekParent;
        ClassName = className;
        Name = name;
        Title = title;
    }

    /// <summary>Key plus stored (possibly compressed) object, in bytes (<c>fNbytes</c>).</summary>
    public int TotalBytes { get; }

    /// <summary>Key version; above 1000 the seek fields are 64-bit (<c>fVersion</c>).</summary>
    public int Version { get; }

    /// <summary>Uncompressed object length (<c>fObjlen</c>).</summary>
    public int ObjectLength { get; }

    /// <summary>Packed date and time (<c>fDatime</c>).</summary>
    public uint Datime { get; }

    /// <summary>Length of this key header (<c>fKeylen</c>).</summary>
    public int KeyLength { get; }

    /// <summary>Cycle number (<c>fCycle</c>): several versions of one name may be stored.</summary>
    public int Cycle { get; }

    /// <summary>File offset of the key (<c>fSeekKey</c>).</summary>
    public long SeekKey { get; }

    /// <summary>File offset of the directory holding the key (<c>fSeekPdir</c>).</summary>
    public long SeekParentDirectory { get; }

    /// <summary>Class of the stored object (<c>fClassName</c>).</summary>
    public string ClassName { get; }

    /// <summary>Object name (<c>fName</c>).</summary>
    public string Name { get; }

    /// <summary>Object title (<c>fTitle</c>).</summary>
    public string Title { get; }

    /// <summary>Bytes the object occupies on disk after the key.</summary>
    public int StoredBytes => TotalBytes - KeyLength;

    /// <summary>True when the stored object is compressed.</summary>
    public bool IsCompressed => StoredBytes != ObjectLength;

    /// <summary>True when the key holds a directory.</summary>
    public bool IsDirectory => ClassName is "TDirectory" or "TDirectoryFile";

    internal static RootKey Read(ref RootCursor cursor)
    {
        int totalBytes = cursor.ReadInt32();
        int version = cursor.ReadInt16();
        int objectLength = cursor.ReadInt32();
        uint datime = cursor.ReadUInt32();
        int keyLength = cursor.ReadInt16();
        int cycle = cursor.ReadInt16();
        bool large = version > 1000;
        long seekKey = large ? cursor.ReadInt64() : cursor.ReadInt32();
        long seekParent = large ? cursor.ReadInt64() : cursor.ReadInt32();
        string className = cursor.ReadString();
        string name = cursor.ReadString();
        string title = cursor.ReadString();
        if (totalBytes < 0 || objectLength < 0 || keyLength < 0 || (keyLength > totalBytes && totalBytes > 0))
        {
            throw cursor.Error(
                $"key '{name}' has inconsistent sizes: fNbytes {totalBytes}, fObjlen {objectLength}, fKeylen {keyLength}");
        }

        return new RootKey(totalBytes, version, objectLength, datime, keyLength, cycle, seekKey, seekParent, className, name, title);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name};{Cycle} ({ClassName})";
}
