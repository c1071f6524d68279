namespace HepMl.Samples.Anomaly.Data;

/// <summary>Finds <c>dijet_train</c> / <c>dijet_test</c> in a data folder (HDF5 preferred over CSV, as the peer does).</summary>
internal static class DijetFolder
{
    /// <summary>The path of <c>dijet_{part}.h5</c> or <c>.csv</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    public static string Find(string folder, string part)
    {
        foreach (string extension in new[] { ".h5", ".csv" })
        {
            string path = Path.Combine(folder, $"dijet_{part}{extension}");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"neither dijet_{part}.h5 nor dijet_{part}.csv is in {folder}", Path.Combine(folder, $"dijet_{part}.h5"));
    }
}
