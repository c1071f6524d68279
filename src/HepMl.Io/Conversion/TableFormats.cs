using HepMl.Io.Hdf5;

namespace HepMl.Io.Conversion;

/// <summary>Recognises formats: inputs by their first bytes (CSV by extension), outputs by extension.</summary>
public static class TableFormats
{
    /// <summary>The format of an existing file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnsupportedFormatException">Neither ROOT, HDF5 nor CSV.</exception>
    public static TableFormat OfInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }

        byte[] header = new byte[2056];
        int read;
        using (FileStream stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (header.AsSpan(0, read).StartsWith("root"u8))
        {
            return TableFormat.Root;
        }

        if (new Hdf5Inspector().CanRead(header.AsSpan(0, read)))
        {
            return TableFormat.Hdf5;
        }

        if (Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".txt" or ".tsv")
        {
            return TableFormat.Csv;
        }

        throw new UnsupportedFormatException($"{Path.GetFileName(path)} is neither ROOT, HDF5 nor CSV (.csv)", path, 0);
    }

    /// <summary>The format to write, from the extension: .root, .h5/.hdf5/.he5/.hdf, .csv.</summary>
    /// <exception cref="ArgumentException">Unknown extension.</exception>
    public static TableFormat OfOutput(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".root" => TableFormat.Root,
        ".h5" or ".hdf5" or ".he5" or ".hdf" => TableFormat.Hdf5,
        ".csv" => TableFormat.Csv,
        var other => throw new ArgumentException($"cannot tell the output format from '{other}'; use .root, .h5 or .csv", nameof(path)),
    };
}
