using HepMl.Io.Binary;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Objects;

/// <summary>Objects stored as TTree branch entries, where ROOT may omit the class's own version header.</summary>
internal sealed partial class ObjectReader
{
    private const uint ByteCountFlag = 0x40000000;

    /// <summary>
    /// Reads an object of <paramref name="className"/> from a branch entry. With a byte count, or with a bare
    /// version equal to a version the file describes, the object has its header; otherwise ROOT wrote the members
    /// directly (split-level 0 objects), and the latest layout is used (uproot: <c>Model.read</c> with
    /// <c>in_TBranch</c>).
    /// </summary>
    public object? ReadClassInBranch(ref RootCursor cursor, string className, bool allowHeader = true)
    {
        string name = TypeNames.Normalize(className);
        if (_streamers is null || !_streamers.Contains(name))
        {
            return ReadClass(ref cursor, className);
        }

        StreamerInfo latest = _streamers.FindLatest(name)!;
        if (allowHeader && cursor.Remaining >= 2)
        {
            uint first = cursor.PeekUInt32();
            int version = (cursor.Data[cursor.Position] << 8) | cursor.Data[cursor.Position + 1];
            if ((first & ByteCountFlag) != 0 || _streamers.Find(name, version) is not null)
            {
                return ReadClass(ref cursor, className);
            }
        }

        var obj = new RootObject(className, latest.ClassVersion);
        cursor.Context.Push($"{className} v{latest.ClassVersion} (no header)");
        ReadMembers(ref cursor, latest, obj);
        cursor.Context.Pop();
        return obj;
    }
}
