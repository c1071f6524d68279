using HepMl.Io.Binary;
using HepMl.Io.Compression;
using HepMl.Io.Root.Histograms;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Streamers;
using HepMl.Io.Root.Trees;
using HepMl.Io.Sources;

namespace HepMl.Io.Root.Reading;

/// <summary>
/// A ROOT file opened for reading: header, directories and keys, the class layouts it carries, and access to its
/// trees, histograms and other objects. Thread-safe for reading; dispose to close the file.
/// </summary>
/// <example>
/// <code>
/// using RootFile file = RootFile.Open("ttbar.root");
/// TreeReader events = file.GetTree("Events");
/// </code>
/// </example>
public sealed class RootFile : IDisposable
{
    private readonly Lazy<StreamerInfoSet> _streamers;
    private readonly FileHeader _header;

    private RootFile(IByteSource source)
    {
        Source = source;
        var context = new DecodeContext(source.Path, "(file header)");
        if (source.Length < 4)
        {
            throw context.Error($"not a ROOT file: it has only {source.Length} bytes", 0);
        }

        byte[] headerBytes = new byte[(int)Math.Min(FileHeader.MaximumSize, source.Length)];
        source.ReadExactly(0, headerBytes);
        var cursor = new RootCursor(headerBytes, context, 0, decompressed: false, origin: 0);
        _header = FileHeader.Read(ref cursor);
        if (_header.Begin <= 0 || _header.Begin >= source.Length)
        {
            throw context.Error($"the header's fBEGIN ({_header.Begin}) lies outside the {source.Length}-byte file", 8);
        }

        Root = RootDirectory.Read(this, string.Empty, (long)_header.Begin + _header.BytesName);
        _streamers = new Lazy<StreamerInfoSet>(ReadStreamers, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Opens the ROOT file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMlFormatException">The file is not a ROOT file or its header is corrupt.</exception>
    public static RootFile Open(string path)
    {
        var source = new FileByteSource(path);
        try
        {
            return new RootFile(source);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Opens a ROOT file from a readable, seekable stream.</summary>
    /// <exception cref="HepMlFormatException">The data are not a ROOT file or the header is corrupt.</exception>
    public static RootFile Open(Stream stream, bool leaveOpen = false)
    {
        var source = new StreamByteSource(stream, leaveOpen);
        try
        {
            return new RootFile(source);
        }
        catch
        {
            if (!leaveOpen)
            {
                source.Dispose();
            }

            throw;
        }
    }

    /// <summary>Opens a ROOT file from any byte source.</summary>
    public static RootFile Open(IByteSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RootFile(source);
    }

    /// <summary>The bytes of the file.</summary>
    public IByteSource Source { get; }

    /// <summary>The file path, or null for a stream.</summary>
    public string? Path => Source.Path;

    /// <summary>File size in bytes.</summary>
    public long Length => Source.Length;

    /// <summary>The ROOT version that wrote the file, e.g. 61804 (<c>fVersion</c> without the large-file flag).</summary>
    public int RootVersion => _header.RootVersion;

    /// <summary>The ROOT version as text, e.g. "6.18/04".</summary>
    public string RootVersionText => _header.RootVersionText;

    /// <summary>True when the header uses 64-bit seek fields (<c>fVersion</c> &gt;= 1000000).</summary>
    public bool IsLargeFile => _header.IsLargeFile;

    /// <summary>The default compression setting (<c>fCompress</c>: algorithm * 100 + level).</summary>
    public int CompressionSetting => _header.Compression;

    /// <summary>The top directory.</summary>
    public RootDirectory Root { get; }

    /// <summary>The keys of the top directory.</summary>
    public IReadOnlyList<RootKey> Keys => Root.Keys;

    /// <summary>The class layouts (TStreamerInfo) the file carries, read on first use.</summary>
    public StreamerInfoSet Streamers => _streamers.Value;

    /// <summary>Finds a key by path: <c>name</c>, <c>dir/sub/name</c>, optionally <c>;cycle</c> (highest cycle by default).</summary>
    /// <exception cref="ObjectNotFoundException">Some part of the path does not exist.</exception>
    public RootKey GetKey(string path)
    {
        (RootDirectory directory, string name, int? cycle) = Resolve(path);
        return directory.GetKey(name, cycle);
    }

    /// <summary>The directory at <paramref name="path"/> ("" for the top directory).</summary>
    public RootDirectory GetDirectory(string path)
    {
        RootDirectory directory = Root;
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            directory = directory.GetDirectory(part);
        }

        return directory;
    }

    /// <summary>Reads the object at <paramref name="path"/> generically (see <see cref="RootObject"/>).</summary>
    public object? ReadObject(string path)
    {
        (RootDirectory directory, string name, int? cycle) = Resolve(path);
        RootKey key = directory.GetKey(name, cycle);
        return ReadObject(key, RootDirectory.Combine(directory.Path, name));
    }

    /// <summary>Opens the tree at <paramref name="path"/> (a TTree or TNtuple key).</summary>
    /// <exception cref="ObjectNotFoundException">No such key.</exception>
    /// <exception cref="HepMlFormatException">The key is not a tree or its record is corrupt.</exception>
    public TreeReader GetTree(string path)
    {
        (RootDirectory directory, string name, int? cycle) = Resolve(path);
        RootKey key = directory.GetKey(name, cycle);
        string objectPath = RootDirectory.Combine(directory.Path, name);
        object? value = ReadObject(key, objectPath);
        if (value is not RootObject tree || !tree.InheritsFrom("TTree"))
        {
            throw new HepMlFormatException($"'{objectPath}' is a {key.ClassName}, not a TTree", Path, key.SeekKey, objectPath);
        }

        return new TreeReader(this, tree, objectPath, key);
    }

    /// <summary>Reads the histogram (TH1/TH2/TH3/TProfile*) at <paramref name="path"/>.</summary>
    /// <exception cref="HepMlFormatException">The key is not a histogram or its record is corrupt.</exception>
    public RootHistogram GetHistogram(string path)
    {
        (RootDirectory directory, string name, int? cycle) = Resolve(path);
        RootKey key = directory.GetKey(name, cycle);
        string objectPath = RootDirectory.Combine(directory.Path, name);
        object? value = ReadObject(key, objectPath);
        if (value is not RootObject histogram || !histogram.InheritsFrom("TH1"))
        {
            throw new HepMlFormatException($"'{objectPath}' is a {key.ClassName}, not a histogram", Path, key.SeekKey, objectPath);
        }

        return RootHistogram.FromObject(histogram, objectPath);
    }

    /// <summary>Reads the object stored under <paramref name="key"/>.</summary>
    public object? ReadObject(RootKey key, string? objectPath = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        objectPath ??= key.Name;
        if (key.IsDirectory)
        {
            throw new HepMlFormatException($"'{objectPath}' is a directory; use GetDirectory", Path, key.SeekKey, objectPath);
        }

        byte[] payload = ReadPayload(key, objectPath);
        var context = new DecodeContext(Path, $"{objectPath};{key.Cycle}");
        var cursor = new RootCursor(payload, context, key.SeekKey, key.IsCompressed, key.KeyLength);
        var reader = new ObjectReader(Streamers);
        object? value = reader.ReadClass(ref cursor, key.ClassName);
        return value;
    }

    /// <summary>The uncompressed object bytes stored under <paramref name="key"/>, checked against the file before allocating.</summary>
    internal byte[] ReadPayload(RootKey key, string objectPath)
    {
        var context = new DecodeContext(Path, $"{objectPath};{key.Cycle}");
        long dataStart = key.SeekKey + key.KeyLength;
        if (key.SeekKey <= 0 || key.StoredBytes < 0 || dataStart > Length - key.StoredBytes)
        {
            throw context.Error(
                $"the key's data ({key.StoredBytes} bytes at offset {dataStart}) lie outside the {Length}-byte file; "
                + "the file is truncated or the key is corrupt",
                key.SeekKey);
        }

        byte[] stored = new byte[key.StoredBytes];
        Source.ReadExactly(dataStart, stored);
        if (!key.IsCompressed)
        {
            return stored;
        }

        CheckDeclaredLength(stored, key.ObjectLength, context, dataStart);
        byte[] payload = new byte[key.ObjectLength];
        RootDecompressor.Decompress(stored, payload, context, dataStart);
        return payload;
    }

    /// <summary>Walks the block headers so that a corrupt length is caught before a large allocation.</summary>
    internal static void CheckDeclaredLength(ReadOnlySpan<byte> stored, int objectLength, DecodeContext context, long offset)
    {
        long declared = 0;
        int position = 0;
        while (position + RootDecompressor.BlockHeaderSize <= stored.Length && declared < objectLength)
        {
            int compressed = stored[position + 3] | (stored[position + 4] << 8) | (stored[position + 5] << 16);
            declared += stored[position + 6] | (stored[position + 7] << 8) | (stored[position + 8] << 16);
            position += RootDecompressor.BlockHeaderSize + compressed;
        }

        if (declared != objectLength)
        {
            throw context.Error(
                $"the compressed blocks declare {declared} bytes but the key declares an object of {objectLength} bytes",
                offset);
        }
    }

    private (RootDirectory Directory, string Name, int? Cycle) Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        int? cycle = null;
        int semicolon = path.LastIndexOf(';');
        if (semicolon > 0 && int.TryParse(path.AsSpan(semicolon + 1), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out int parsed))
        {
            cycle = parsed;
            path = path[..semicolon];
        }

        path = path.TrimStart('/');
        int slash = path.LastIndexOf('/');
        RootDirectory directory = slash < 0 ? Root : GetDirectory(path[..slash]);
        string name = slash < 0 ? path : path[(slash + 1)..];
        return (directory, name, cycle);
    }

    private StreamerInfoSet ReadStreamers()
    {
        if (_header.SeekInfo <= 0)
        {
            return new StreamerInfoSet([]);
        }

        var context = new DecodeContext(Path, "(streamer info)");
        long available = Length - _header.SeekInfo;
        if (available <= 0)
        {
            throw context.Error($"the streamer-info key offset {_header.SeekInfo} lies outside the {Length}-byte file", _header.SeekInfo);
        }

        byte[] keyBytes = new byte[(int)Math.Min(available, 1024)];
        Source.ReadExactly(_header.SeekInfo, keyBytes);
        var keyCursor = new RootCursor(keyBytes, context, _header.SeekInfo, decompressed: false, origin: 0);
        RootKey key = RootKey.Read(ref keyCursor);
        byte[] payload = ReadPayload(key, "StreamerInfo");
        var cursor = new RootCursor(payload, context, key.SeekKey, key.IsCompressed, key.KeyLength);
        var reader = new ObjectReader(null);
        object? list = reader.ReadClass(ref cursor, "TList");
        var infos = new List<StreamerInfo>();
        if (list is RootCollection collection)
        {
            foreach (object? item in collection.Items)
            {
                if (item is StreamerInfo info)
                {
                    infos.Add(info);
                }
            }
        }

        return new StreamerInfoSet(infos);
    }

    /// <inheritdoc />
    public void Dispose() => Source.Dispose();
}
