using System.Runtime.ExceptionServices;
using HepMl.Io.Compression;

namespace HepMl.Io.Root.Writing;

/// <summary>
/// Writes a new ROOT file the way ROOT 6 does (uproot: <c>uproot.recreate</c>): the file header, the top directory
/// and nested directories with their key lists, objects (TObjString, TH1D/TH1F/TH2D, TTrees streamed basket by
/// basket), the TStreamerInfo list ROOT needs, and the free-segments record. Objects and baskets are written as they
/// come; directory key lists, streamers and the header are written when the file is disposed.
/// </summary>
/// <remarks>ROOT: <c>io/doc/TFile/header.md</c>, <c>tdirectory.md</c>, <c>tkey.md</c>. Not thread-safe: one writer per file.</remarks>
public sealed class RootFileWriter : IDisposable
{
    /// <summary>Where the top directory starts (ROOT's <c>fBEGIN</c>).</summary>
    internal const int Begin = 100;

    /// <summary>The ROOT version the file claims (6.24/00; every class version written matches it).</summary>
    internal const int RootVersion = 62400;

    private readonly FileStream _stream;
    private readonly List<RootTreeWriter> _openTrees = [];
    private long _end;
    private bool _closed;

    private RootFileWriter(string path, RootCompression compression, string title)
    {
        FilePath = Path.GetFullPath(path);
        Compression = compression;
        Title = title;
        Datime = RootKeyHeader.Encode(DateTime.Now);
        Uuid = Guid.NewGuid();
        _stream = new FileStream(FilePath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        string fileName = Path.GetFileName(FilePath);
        int keyLength = RootKeyHeader.Size("TFile", fileName, title);
        int topBytes = keyLength + RootBuffer.StringSize(fileName) + RootBuffer.StringSize(title) + TDirectoryRecord.Size;
        _stream.Write(new byte[Begin + topBytes]);
        _end = Begin + topBytes;
        Root = new RootDirectoryWriter(this, null, fileName, title, Begin, keyLength + RootBuffer.StringSize(fileName) + RootBuffer.StringSize(title));
    }

    /// <summary>The file being written.</summary>
    public string FilePath { get; }

    /// <summary>The compression of objects and baskets.</summary>
    public RootCompression Compression { get; }

    /// <summary>The file title.</summary>
    public string Title { get; }

    /// <summary>The top directory.</summary>
    public RootDirectoryWriter Root { get; }

    /// <summary>Bytes written so far.</summary>
    public long Length => _end;

    internal uint Datime { get; }

    internal Guid Uuid { get; }

    /// <summary>Creates (or overwrites) a ROOT file; compression defaults to ROOT's zlib level 1.</summary>
    public static RootFileWriter Create(string path, RootCompression? compression = null, string title = "")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(title);
        return new RootFileWriter(path, compression ?? RootCompression.Default, title);
    }

    /// <summary>Finishes every open tree, writes the directories' key lists, the streamers and the header, and closes the file.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        ExceptionDispatchInfo? refused = null;
        try
        {
            foreach (RootTreeWriter tree in _openTrees.ToArray())
            {
                try
                {
                    tree.Complete();
                }
                catch (InvalidOperationException error)
                {
                    // A friend tree short of entries is left out; the rest of the file is still finished.
                    refused ??= ExceptionDispatchInfo.Capture(error);
                }
            }

            Root.Finish();
            Finish();
        }
        finally
        {
            _closed = true;
            _stream.Dispose();
        }

        refused?.Throw();
    }

    internal void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    internal void Register(RootTreeWriter tree) => _openTrees.Add(tree);

    internal void Unregister(RootTreeWriter tree) => _openTrees.Remove(tree);

    /// <summary>Appends raw bytes; returns their position.</summary>
    internal long Append(ReadOnlySpan<byte> bytes)
    {
        ThrowIfClosed();
        long position = _end;
        _stream.Write(bytes);
        _end += bytes.Length;
        return position;
    }

    /// <summary>Overwrites bytes already written.</summary>
    internal void WriteAt(long position, ReadOnlySpan<byte> bytes)
    {
        _stream.Seek(position, SeekOrigin.Begin);
        _stream.Write(bytes);
        _stream.Seek(_end, SeekOrigin.Begin);
    }

    /// <summary>
    /// Writes one key with its (optionally compressed) payload at the end of the file; returns its header. The
    /// payload's object references must already count the key length (see <see cref="RootKeyHeader.Size"/>).
    /// </summary>
    internal RootKeyHeader WriteKey(long parentDirectory, string className, string name, string title, ReadOnlySpan<byte> payload, short cycle, bool compress = true)
    {
        byte[] stored = compress ? RootCompressor.Compress(payload, Compression) : payload.ToArray();
        int keyLength = RootKeyHeader.Size(className, name, title);
        var header = new RootKeyHeader(keyLength + stored.Length, payload.Length, Datime, cycle, _end, parentDirectory, className, name, title);
        var buffer = new RootBuffer(keyLength + stored.Length);
        header.WriteTo(buffer);
        buffer.Bytes(stored);
        Append(buffer.Span);
        return header;
    }

    private void Finish()
    {
        string fileName = Path.GetFileName(FilePath);
        RootKeyHeader streamers = WriteKey(Begin, "TList", "StreamerInfo", "Doubly linked list", StreamerCatalog.Payload, cycle: 1);

        // The free-segments record lists the space after the end of the file as free, like ROOT.
        long freeStart = _end;
        int freeKeyLength = RootKeyHeader.Size("TFile", fileName, Title);
        bool bigFile = freeStart + freeKeyLength + 18 > int.MaxValue;
        int freeBytes = bigFile ? 2 + 8 + 8 : 2 + 4 + 4;
        long end = freeStart + freeKeyLength + freeBytes;
        var free = new RootBuffer(freeBytes);
        if (bigFile)
        {
            long infinity = 2_000_000_000L;
            while (infinity <= end)
            {
                infinity *= 2;
            }

            free.Int16(1001);
            free.Int64(end);
            free.Int64(infinity);
        }
        else
        {
            free.Int16(1);
            free.Int32((int)end);
            free.Int32(2_000_000_000);
        }

        RootKeyHeader freeKey = WriteKey(Begin, "TFile", fileName, Title, free.Span, cycle: 1, compress: false);

        // The top directory (key, name, title, TDirectory record) at fBEGIN.
        var top = new RootBuffer(256);
        int keyLength = RootKeyHeader.Size("TFile", fileName, Title);
        int objectLength = RootBuffer.StringSize(fileName) + RootBuffer.StringSize(Title) + TDirectoryRecord.Size;
        new RootKeyHeader(keyLength + objectLength, objectLength, Datime, 1, Begin, 0, "TFile", fileName, Title).WriteTo(top);
        top.String(fileName);
        top.String(Title);
        TDirectoryRecord.Write(top, Datime, Root.KeyListBytes, Root.NameBytes, Begin, 0, Root.KeyListPosition, Uuid);
        WriteAt(Begin, top.Span);

        // The file header.
        var header = new RootBuffer(Begin);
        header.Bytes("root"u8);
        bool big = _end > int.MaxValue;
        header.Int32(big ? RootVersion + 1_000_000 : RootVersion);
        header.Int32(Begin);
        if (big)
        {
            header.Int64(_end);
            header.Int64(freeKey.SeekKey);
        }
        else
        {
            header.Int32((int)_end);
            header.Int32((int)freeKey.SeekKey);
        }

        header.Int32(freeKey.TotalBytes);
        header.Int32(1); // free segments
        header.Int32(Root.NameBytes);
        header.Byte(big ? (byte)8 : (byte)4);
        header.Int32(Compression.Code);
        if (big)
        {
            header.Int64(streamers.SeekKey);
        }
        else
        {
            header.Int32((int)streamers.SeekKey);
        }

        header.Int32(streamers.TotalBytes);
        header.Int16(1); // TUUID version
        header.Bytes(Uuid.ToByteArray());
        while (header.Length < Begin)
        {
            header.Byte(0);
        }

        WriteAt(0, header.Span);
        _stream.Flush();
    }
}
