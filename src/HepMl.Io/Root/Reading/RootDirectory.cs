using HepMl.Io.Binary;

namespace HepMl.Io.Root.Reading;

/// <summary>
/// A TDirectory: the keys stored under one directory of a ROOT file (ROOT: <c>TDirectoryFile::ReadKeys</c>; record
/// layout: https://root.cern/doc/master/classTDirectoryFile.html). Subdirectories are read when first asked for.
/// </summary>
public sealed class RootDirectory
{
    private const int LargeRecordSize = 2 + 4 + 4 + 4 + 4 + 8 + 8 + 8;
    private readonly RootFile _file;
    private readonly Dictionary<string, RootDirectory> _subdirectories = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private RootDirectory(RootFile file, string path, IReadOnlyList<RootKey> keys)
    {
        _file = file;
        Path = path;
        Keys = keys;
    }

    /// <summary>Slash-separated path from the top directory ("" for the top).</summary>
    public string Path { get; }

    /// <summary>The keys in file order (all cycles).</summary>
    public IReadOnlyList<RootKey> Keys { get; }

    /// <summary>The key named <paramref name="name"/> with the highest cycle, or the given cycle.</summary>
    /// <exception cref="ObjectNotFoundException">No such key; the message lists the nearest names.</exception>
    public RootKey GetKey(string name, int? cycle = null)
    {
        RootKey? best = null;
        foreach (RootKey key in Keys)
        {
            if (key.Name == name && (cycle is null ? best is null || key.Cycle > best.Cycle : key.Cycle == cycle))
            {
                best = key;
            }
        }

        if (best is null)
        {
            var names = new List<string>();
            foreach (RootKey key in Keys)
            {
                names.Add(cycle is null ? key.Name : $"{key.Name};{key.Cycle}");
            }

            throw new ObjectNotFoundException(cycle is null ? name : $"{name};{cycle}", DescribeContainer(), names);
        }

        return best;
    }

    /// <summary>True when a key named <paramref name="name"/> exists here.</summary>
    public bool Contains(string name)
    {
        foreach (RootKey key in Keys)
        {
            if (key.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The subdirectory <paramref name="name"/> (highest cycle).</summary>
    /// <exception cref="ObjectNotFoundException">No such key.</exception>
    /// <exception cref="HepMlFormatException">The key is not a directory or its record is corrupt.</exception>
    public RootDirectory GetDirectory(string name)
    {
        lock (_lock)
        {
            if (_subdirectories.TryGetValue(name, out RootDirectory? known))
            {
                return known;
            }
        }

        RootKey key = GetKey(name);
        if (!key.IsDirectory)
        {
            throw new HepMlFormatException(
                $"'{name}' is a {key.ClassName}, not a directory", _file.Path, key.SeekKey, Combine(Path, name));
        }

        RootDirectory directory = Read(_file, Combine(Path, name), key.SeekKey + key.KeyLength);
        lock (_lock)
        {
            _subdirectories[name] = directory;
        }

        return directory;
    }

    /// <summary>Every key below this directory, depth first, with its slash-separated path (directories included).</summary>
    public IEnumerable<(string Path, RootKey Key)> Walk()
    {
        foreach (RootKey key in Keys)
        {
            string path = Combine(Path, key.Name);
            yield return (path, key);
            if (key.IsDirectory && IsHighestCycle(key))
            {
                foreach ((string Path, RootKey Key) inner in GetDirectory(key.Name).Walk())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>True when no other key of the same name has a higher cycle.</summary>
    public bool IsHighestCycle(RootKey key)
    {
        foreach (RootKey other in Keys)
        {
            if (other.Name == key.Name && other.Cycle > key.Cycle)
            {
                return false;
            }
        }

        return true;
    }

    internal static string Combine(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    private string DescribeContainer() => Path.Length == 0 ? $"file {System.IO.Path.GetFileName(_file.Path ?? "<memory>")}" : $"directory {Path}";

    /// <summary>Reads the directory record at <paramref name="offset"/> and its list of keys.</summary>
    internal static RootDirectory Read(RootFile file, string path, long offset)
    {
        var context = new DecodeContext(file.Path, path.Length == 0 ? "(top directory)" : path);
        long available = file.Length - offset;
        if (offset <= 0 || available < 2)
        {
            throw context.Error($"directory record offset {offset} lies outside the {file.Length}-byte file", offset);
        }

        byte[] record = new byte[(int)Math.Min(LargeRecordSize, available)];
        file.Source.ReadExactly(offset, record);
        var cursor = new RootCursor(record, context, offset, decompressed: false, origin: 0);
        int version = cursor.ReadInt16();
        bool large = version > 1000;
        cursor.ReadUInt32(); // fDatimeC
        cursor.ReadUInt32(); // fDatimeM
        int bytesKeys = cursor.ReadInt32();
        cursor.ReadInt32(); // fNbytesName
        long seekDirectory = large ? cursor.ReadInt64() : cursor.ReadInt32();
        _ = seekDirectory;
        long seekParent = large ? cursor.ReadInt64() : cursor.ReadInt32();
        _ = seekParent;
        long seekKeys = large ? cursor.ReadInt64() : cursor.ReadInt32();
        if (seekKeys == 0)
        {
            return new RootDirectory(file, path, []);
        }

        if (bytesKeys <= 0 || seekKeys < 0 || seekKeys > file.Length - bytesKeys)
        {
            throw context.Error(
                $"the list of keys ({bytesKeys} bytes at offset {seekKeys}) lies outside the {file.Length}-byte file",
                offset);
        }

        byte[] keyBytes = new byte[bytesKeys];
        file.Source.ReadExactly(seekKeys, keyBytes);
        var keyCursor = new RootCursor(keyBytes, context, seekKeys, decompressed: false, origin: 0);
        RootKey.Read(ref keyCursor); // the key of the key list itself
        int count = keyCursor.ReadCount(20, "key");
        var keys = new List<RootKey>(count);
        for (int i = 0; i < count; i++)
        {
            keys.Add(RootKey.Read(ref keyCursor));
        }

        return new RootDirectory(file, path, keys);
    }
}
