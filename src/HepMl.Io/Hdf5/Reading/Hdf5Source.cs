using Microsoft.Win32.SafeHandles;

namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Random-access bytes of one HDF5 file: a file handle read with positional reads (thread-safe, so chunks can be
/// fetched and decompressed in parallel), or an in-memory copy. Every read is checked against the real length.
/// </summary>
internal sealed class Hdf5Source : IDisposable
{
    private readonly SafeFileHandle? _handle;
    private readonly byte[]? _memory;

    private Hdf5Source(string? filePath, SafeFileHandle? handle, byte[]? memory, long length)
    {
        FilePath = filePath;
        _handle = handle;
        _memory = memory;
        Length = length;
    }

    /// <summary>The file path, or null for an in-memory source.</summary>
    public string? FilePath { get; }

    /// <summary>The number of bytes in the source.</summary>
    public long Length { get; }

    /// <summary>Bytes read so far (all threads).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Read requests so far (all threads).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    private long _bytesRead;
    private long _requests;

    public static Hdf5Source OpenFile(string path)
    {
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            return new Hdf5Source(Path.GetFullPath(path), handle, null, RandomAccess.GetLength(handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public static Hdf5Source FromStream(Stream stream, string? name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is FileStream fileStream)
        {
            return OpenFile(fileStream.Name);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        return new Hdf5Source(name, null, bytes, bytes.LongLength);
    }

    /// <summary>Fills <paramref name="destination"/> from absolute file offset <paramref name="offset"/>.</summary>
    /// <exception cref="HepMlFormatException">The range lies (partly) beyond the end of the file.</exception>
    public void Read(long offset, Span<byte> destination, string? objectPath, string what)
    {
        if (offset < 0 || offset > Length - destination.Length)
        {
            throw new HepMlFormatException(
                $"{what} needs bytes {offset}..{offset + destination.Length} but the file has only {Length} bytes (truncated file?)",
                FilePath, offset, objectPath);
        }

        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytesRead, destination.Length);
        if (_memory is not null)
        {
            _memory.AsSpan(checked((int)offset), destination.Length).CopyTo(destination);
            return;
        }

        int total = 0;
        while (total < destination.Length)
        {
            int read = RandomAccess.Read(_handle!, destination[total..], offset + total);
            if (read <= 0)
            {
                throw new HepMlFormatException(
                    $"{what}: the file ended after {total} of {destination.Length} bytes", FilePath, offset + total, objectPath);
            }

            total += read;
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes into a new array.</summary>
    public byte[] ReadBytes(long offset, long length, string? objectPath, string what)
    {
        if (length < 0 || length > Array.MaxLength)
        {
            throw new HepMlFormatException($"{what} declares an impossible length of {length} bytes", FilePath, offset, objectPath);
        }

        if (offset < 0 || offset > Length - length)
        {
            throw new HepMlFormatException(
                $"{what} needs bytes {offset}..{offset + length} but the file has only {Length} bytes (truncated file?)",
                FilePath, offset, objectPath);
        }

        byte[] buffer = new byte[length];
        Read(offset, buffer, objectPath, what);
        return buffer;
    }

    public void Dispose() => _handle?.Dispose();
}
