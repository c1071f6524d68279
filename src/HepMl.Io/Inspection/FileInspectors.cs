using HepMl.Io.Root;

namespace HepMl.Io.Inspection;

/// <summary>The registered <see cref="IFileInspector"/>s; picks one by the file's magic bytes.</summary>
public static class FileInspectors
{
    private static readonly List<IFileInspector> s_inspectors = [new RootInspector(), new Hdf5.Hdf5Inspector()];
    private static readonly Lock s_lock = new();

    /// <summary>The registered inspectors.</summary>
    public static IReadOnlyList<IFileInspector> All
    {
        get
        {
            lock (s_lock)
            {
                return [.. s_inspectors];
            }
        }
    }

    /// <summary>Adds an inspector (a later registration for the same format replaces the earlier one).</summary>
    public static void Register(IFileInspector inspector)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        lock (s_lock)
        {
            s_inspectors.RemoveAll(existing => existing.Format == inspector.Format);
            s_inspectors.Add(inspector);
        }
    }

    /// <summary>The inspector that reads <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnsupportedFormatException">No registered format recognises the file.</exception>
    public static IFileInspector ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }

        byte[] header = new byte[2056]; // HDF5 may start at 512, 1024 or 2048 after a user block
        int read;
        using (FileStream stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        foreach (IFileInspector inspector in All)
        {
            if (inspector.CanRead(header.AsSpan(0, read)))
            {
                return inspector;
            }
        }

        string formats = string.Join(", ", All.Select(i => i.Format));
        throw new UnsupportedFormatException(
            $"the file is none of the formats HepMl inspects ({formats}): its first bytes are 0x{Convert.ToHexString(header, 0, Math.Min(read, 8))}",
            path, 0);
    }
}
