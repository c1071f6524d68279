using Microsoft.Win32.SafeHandles;

namespace HepMl.Io.Sources;

/// <summary>
/// A file read with positional reads (<see cref="RandomAccess"/>): no shared file pointer, so concurrent reads from
/// several threads need no lock.
/// </summary>
public sealed class FileByteSource : IByteSource
{
    private readonly SafeFileHandle _handle;

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public FileByteSource(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        Length = RandomAccess.GetLength(_handle);
    }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public string? Path { get; }

    /// <inheritdoc />
    public SourceCounters Counters { get; } = new();

    /// <inheritdoc />
    public void ReadExactly(long offset, Span<byte> destination)
    {
        ByteSourceChecks.CheckRange(this, offset, destination.Length);
        int done = 0;
        while (done < destination.Length)
        {
            int read = RandomAccess.Read(_handle, destination[done..], offset + done);
            if (read <= 0)
            {
                throw new HepMlFormatException(
                    $"the file ended after {offset + done} bytes while {destination.Length - done} more were expected",
                    Path,
                    offset + done);
            }

            done += read;
        }

        Counters.Add(destination.Length);
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
