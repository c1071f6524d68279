using HepMl.Io.Binary;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Objects;

/// <summary>
/// Reads objects generically from ROOT's serialisation, driven by the file's class layouts (TStreamerInfo), with
/// built-in readers for the classes ROOT streams by hand (TObject, TString, TList, TObjArray, TClonesArray, TArray*,
/// TBasket, TStreamerInfo and its elements). One reader serves one buffer: it remembers the objects and classes
/// already read there, which later object references point back to (ROOT: <c>TBufferFile::ReadObjectAny</c>,
/// <c>TStreamerInfo::ReadBuffer</c>).
/// </summary>
internal sealed partial class ObjectReader
{
    private const uint ByteCountMask = 0x40000000;
    private const uint NewClassTag = 0xFFFFFFFF;
    private const uint ClassMask = 0x80000000;
    private const int MapOffset = 2;
    private const int MaximumDepth = 128;

    private readonly StreamerInfoSet? _streamers;
    private readonly Dictionary<long, object> _references = [];
    private int _depth;

    public ObjectReader(StreamerInfoSet? streamers)
    {
        _streamers = streamers;
    }

    /// <summary>Forgets the objects seen so far (each TTree entry starts a fresh reference map).</summary>
    public void ResetReferences() => _references.Clear();

    /// <summary>A pointer: null, a reference to an object read earlier, or a new object preceded by its class.</summary>
    public object? ReadObjectAny(ref RootCursor cursor)
    {
        int begin = cursor.Position;
        uint byteCount = cursor.ReadUInt32();
        uint tag;
        bool counted;
        int start = 0;
        if ((byteCount & ByteCountMask) == 0 || byteCount == NewClassTag)
        {
            tag = byteCount;
            counted = false;
            byteCount = 0;
        }
        else
        {
            counted = true;
            byteCount &= ~ByteCountMask;
            if (byteCount < 4 || byteCount > cursor.Length - begin - 4)
            {
                throw cursor.Error($"an object reference declares {byteCount} bytes but only {cursor.Length - begin - 4} remain");
            }

            start = cursor.Position;
            tag = cursor.ReadUInt32();
        }

        int end = begin + 4 + (int)byteCount;
        if ((tag & ClassMask) == 0)
        {
            if (tag is 0 or 1)
            {
                return null;
            }

            if (_references.TryGetValue(tag, out object? known))
            {
                return known is ClassReference ? throw cursor.Error($"object reference {tag} points at a class, not an object") : known;
            }

            // An unresolved forward reference: ROOT skips past it.
            if (counted)
            {
                cursor.Position = end;
            }

            return null;
        }

        string className;
        if (tag == NewClassTag)
        {
            className = cursor.ReadCString();
            _references[counted ? start + cursor.Origin + MapOffset : _references.Count + 1] = new ClassReference(className);
        }
        else
        {
            long reference = tag & ~ClassMask;
            if (!_references.TryGetValue(reference, out object? known) || known is not ClassReference classReference)
            {
                throw cursor.Error($"class reference {reference} does not point at a class read earlier in this buffer");
            }

            className = classReference.Name;
        }

        long objectKey = counted ? begin + cursor.Origin + MapOffset : -1;
        object? value = ReadClass(ref cursor, className, objectKey);
        if (value is not null && !counted)
        {
            _references[_references.Count + 1] = value;
        }

        if (counted && cursor.Position != end)
        {
            throw cursor.Error($"{className} referenced here declares {byteCount + 4} bytes but {cursor.Position - begin} were read");
        }

        return value;
    }

    /// <summary>An object of a known class, with its own version header (when the class writes one).</summary>
    public object? ReadClass(ref RootCursor cursor, string className, long referenceKey = -1)
    {
        if (++_depth > MaximumDepth)
        {
            throw cursor.Error($"objects nest deeper than {MaximumDepth} levels (reading {className})");
        }

        try
        {
            object? value = ReadBuiltIn(ref cursor, TypeNames.Normalize(className), referenceKey, out bool handled);
            if (handled)
            {
                if (value is not null && referenceKey >= 0)
                {
                    _references[referenceKey] = value;
                }

                return value;
            }

            return ReadWithStreamer(ref cursor, className, referenceKey);
        }
        finally
        {
            _depth--;
        }
    }

    private RootObject ReadWithStreamer(ref RootCursor cursor, string className, long referenceKey)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        StreamerInfo info;
        if (header.Version == 0 && (header.ByteCount < 0 ? cursor.Remaining >= 4 : header.End - cursor.Position >= 4))
        {
            // A class without ClassDef: version 0, then the layout checksum (ROOT: TBufferFile::ReadVersion).
            uint checkSum = cursor.ReadUInt32();
            info = _streamers?.FindByCheckSum(className, checkSum)
                ?? throw cursor.Unsupported($"class {className} with layout checksum 0x{checkSum:X8} is not described in this file");
        }
        else
        {
            info = FindStreamer(ref cursor, className, header.Version);
        }

        var obj = new RootObject(className, header.Version);
        if (referenceKey >= 0)
        {
            _references[referenceKey] = obj;
        }

        if (header.IsMemberwise)
        {
            throw cursor.Unsupported($"{className} v{header.Version} is streamed member-wise on its own, which is not supported");
        }

        cursor.Context.Push($"{className} v{header.Version}");
        ReadMembers(ref cursor, info, obj);
        cursor.CheckEnd(header, className);
        cursor.Context.Pop();
        return obj;
    }

    /// <summary>The layout of <paramref name="className"/> at <paramref name="version"/>, or an exception naming the class.</summary>
    public StreamerInfo FindStreamer(ref RootCursor cursor, string className, int version)
    {
        if (_streamers is null)
        {
            throw cursor.Unsupported($"class {className} cannot be read before the file's class layouts are known");
        }

        StreamerInfo? info = _streamers.Find(className, version);
        if (info is not null)
        {
            return info;
        }

        StreamerInfo? latest = _streamers.FindLatest(className);
        if (latest is null)
        {
            throw cursor.Unsupported(
                $"class {className} (version {version}) is not described by any TStreamerInfo in this file, and HepMl has no built-in reader for it");
        }

        throw cursor.Unsupported(
            $"class {className} version {version} is not described in this file (it describes version {latest.ClassVersion})");
    }

    /// <summary>Reads every member of <paramref name="info"/> into <paramref name="obj"/>.</summary>
    public void ReadMembers(ref RootCursor cursor, StreamerInfo info, RootObject obj)
    {
        foreach (StreamerElement element in info.Elements)
        {
            ReadMember(ref cursor, element, obj);
        }
    }

    private sealed record ClassReference(string Name);
}
