using HepMl.Io;
using HepMl.Io.Csv;
using HepMl.Io.Hdf5;

namespace HepMl.Samples.Anomaly.Data;

/// <summary>
/// Reads dijet feature tables in the layout of the peers' <c>dijet_train</c> / <c>dijet_test</c> files
/// (<c>../shared/peers/README.md</c>): HDF5 with <c>features</c> float32 [N, 10] and <c>labels</c>, or CSV with
/// columns <c>label, weight, f0..f9</c>. The features are in the order of <see cref="DijetSample.FeatureNames"/>.
/// </summary>
internal static class DijetFile
{
    /// <summary>Reads the first <paramref name="maxEvents"/> events (all when 0).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMlFormatException">The table does not have 10 features, or a label is not 0/1.</exception>
    /// <exception cref="ObjectNotFoundException">A dataset or column is missing (nearest names listed).</exception>
    public static DijetSample Read(string path, int maxEvents)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the dijet file {path} does not exist", path);
        }

        (float[] features, long[] labels) = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(path, maxEvents)
            : ReadHdf5(path, maxEvents);
        var checkedLabels = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            checkedLabels[i] = labels[i] is 0 or 1
                ? (int)labels[i]
                : throw new HepMlFormatException($"expected labels 0 (background) or 1 (signal); event {i} has {labels[i]}", path, objectPath: "labels");
        }

        return new DijetSample($"{labels.Length} events from {path}", features, checkedLabels);
    }

    private static (float[] Features, long[] Labels) ReadHdf5(string path, int maxEvents)
    {
        using Hdf5File file = Hdf5File.Open(path);
        Hdf5Dataset features = Dataset(file, "features", path);
        Hdf5Dataset labels = Dataset(file, "labels", path);
        int width = DijetSample.FeatureNames.Count;
        if (features.Rank != 2 || features.Shape[1] != width || labels.RowCount != features.RowCount)
        {
            throw new HepMlFormatException(
                $"expected features [N, {width}] and N labels; found [{string.Join(", ", features.Shape)}] and {labels.RowCount} labels",
                path, objectPath: features.Path);
        }

        long rows = maxEvents > 0 ? Math.Min(maxEvents, features.RowCount) : features.RowCount;
        return (features.ReadRows<float>(0, rows), labels.ReadRows<long>(0, rows));
    }

    /// <summary>The dataset <paramref name="name"/>; when missing, the error names the file (HDF5's own names only the group).</summary>
    private static Hdf5Dataset Dataset(Hdf5File file, string name, string path) =>
        file.Exists(name) ? file.GetDataset(name) : throw new ObjectNotFoundException(name, path, file.Root.Names);

    private static (float[] Features, long[] Labels) ReadCsv(string path, int maxEvents)
    {
        CsvTable table = CsvFile.Read(path, new CsvReadOptions { FloatsAsSingle = true });
        int width = DijetSample.FeatureNames.Count;
        string[] names = table.Columns.Select(c => c.Name).ToArray();
        int rows = maxEvents > 0 ? Math.Min(maxEvents, table.RowCount) : table.RowCount;
        var features = new float[(long)rows * width];
        for (int j = 0; j < width; j++)
        {
            double[] column = Column(table, names, $"f{j}", path).ToDoubles();
            for (int i = 0; i < rows; i++)
            {
                features[(i * width) + j] = (float)column[i];
            }
        }

        double[] labelColumn = Column(table, names, "label", path).ToDoubles();
        var labels = new long[rows];
        for (int i = 0; i < rows; i++)
        {
            labels[i] = labelColumn[i] is 0 or 1 ? (long)labelColumn[i] : -1;
        }

        return (features, labels);
    }

    private static CsvColumn Column(CsvTable table, string[] names, string name, string path) =>
        Array.IndexOf(names, name) >= 0 ? table[name] : throw new ObjectNotFoundException(name, path, names);
}
