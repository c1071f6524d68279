using HepMl.Io;
using HepMl.Io.Columns;
using HepMl.Io.Csv;
using HepMl.Io.Hdf5;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;

namespace HepMl.Tmva.Factory;

/// <summary>
/// Where a data loader reads events from: a table of named numeric columns (a ROOT tree, a CSV file, an HDF5 group of
/// 1-D datasets, or arrays in memory). Only the columns the variables, weights and cuts use are read.
/// </summary>
public abstract class TmvaEventSource
{
    /// <summary>A short description for messages (file and tree).</summary>
    public abstract string Description { get; }

    /// <summary>Reads the named columns as float32 arrays of equal length.</summary>
    /// <exception cref="ObjectNotFoundException">A column does not exist; the nearest names are listed.</exception>
    /// <exception cref="HepMlFormatException">A column is not numeric or not scalar per event.</exception>
    public abstract IReadOnlyDictionary<string, float[]> ReadColumns(IReadOnlyCollection<string> names);

    /// <summary>Arrays in memory.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static TmvaEventSource FromColumns(IReadOnlyDictionary<string, float[]> columns, string description = "memory") =>
        new MemorySource(columns, description);

    /// <summary>A CSV file whose header names the columns.</summary>
    public static TmvaEventSource FromCsv(string path) => new CsvSource(path);

    /// <summary>A TTree in a ROOT file.</summary>
    public static TmvaEventSource FromRootTree(string path, string tree) => new RootTreeSource(path, tree);

    /// <summary>An HDF5 group holding one 1-D dataset per column.</summary>
    public static TmvaEventSource FromHdf5(string path, string group) => new Hdf5Source(path, group);

    /// <summary>Parses <c>FILE[:OBJECT]</c>: <c>.root</c> (OBJECT = tree), <c>.h5/.hdf5</c> (OBJECT = group, default root) or <c>.csv</c>.</summary>
    /// <exception cref="ArgumentException">The extension is not recognised or a ROOT file has no tree name.</exception>
    public static TmvaEventSource Open(string specification)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specification);
        string path = specification, inner = "";
        int colon = specification.LastIndexOf(':');
        if (colon > 1)
        {
            path = specification[..colon];
            inner = specification[(colon + 1)..];
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => FromCsv(path),
            ".root" when inner.Length > 0 => FromRootTree(path, inner),
            ".root" => throw new ArgumentException($"'{specification}': name the tree as FILE.root:TREE", nameof(specification)),
            ".h5" or ".hdf5" => FromHdf5(path, inner.Length == 0 ? "/" : inner),
            _ => throw new ArgumentException($"'{specification}': expected a .root, .h5/.hdf5 or .csv file", nameof(specification)),
        };
    }

    private static float[] ToSingle(Array values, string column, string where) => values switch
    {
        float[] f => f,
        double[] d => Array.ConvertAll(d, v => (float)v),
        int[] i => Array.ConvertAll(i, v => (float)v),
        long[] l => Array.ConvertAll(l, v => (float)v),
        short[] s => Array.ConvertAll(s, v => (float)v),
        uint[] u => Array.ConvertAll(u, v => (float)v),
        ulong[] u => Array.ConvertAll(u, v => (float)v),
        ushort[] u => Array.ConvertAll(u, v => (float)v),
        byte[] b => Array.ConvertAll(b, v => (float)v),
        sbyte[] b => Array.ConvertAll(b, v => (float)v),
        bool[] b => Array.ConvertAll(b, v => v ? 1f : 0f),
        _ => throw new HepMlFormatException($"expected a numeric column '{column}'; it holds {values.GetType().GetElementType()?.Name}", where),
    };

    private sealed class MemorySource(IReadOnlyDictionary<string, float[]> columns, string description) : TmvaEventSource
    {
        public override string Description => description;

        public override IReadOnlyDictionary<string, float[]> ReadColumns(IReadOnlyCollection<string> names)
        {
            var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (string name in names)
            {
                result[name] = columns.TryGetValue(name, out float[]? column)
                    ? column
                    : throw new ObjectNotFoundException(name, description, columns.Keys);
            }

            return result;
        }
    }

    private sealed class CsvSource(string path) : TmvaEventSource
    {
        public override string Description => path;

        public override IReadOnlyDictionary<string, float[]> ReadColumns(IReadOnlyCollection<string> names)
        {
            CsvTable table = CsvFile.Read(path, new CsvReadOptions { FloatsAsSingle = true });
            var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (string name in names)
            {
                result[name] = ToSingle(table[name].Values, name, path);
            }

            return result;
        }
    }

    private sealed class RootTreeSource(string path, string tree) : TmvaEventSource
    {
        public override string Description => $"{path}:{tree}";

        public override IReadOnlyDictionary<string, float[]> ReadColumns(IReadOnlyCollection<string> names)
        {
            using RootFile file = RootFile.Open(path);
            TreeReader reader = file.GetTree(tree);
            var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (string name in names)
            {
                ColumnData column = reader.ReadColumn(name);
                if (column.Type.ListDepth != 0 || column.Type.ItemSize != 1)
                {
                    throw new HepMlFormatException(
                        $"expected one value per event in branch '{name}'; it is {column.Type.Name}", path, objectPath: $"{tree}/{name}");
                }

                result[name] = ToSingle(column.Values, name, Description);
            }

            return result;
        }
    }

    private sealed class Hdf5Source(string path, string group) : TmvaEventSource
    {
        public override string Description => $"{path}:{group}";

        public override IReadOnlyDictionary<string, float[]> ReadColumns(IReadOnlyCollection<string> names)
        {
            using Hdf5File file = Hdf5File.Open(path);
            Hdf5Group parent = group is "/" or "" ? file.Root : file.GetGroup(group);
            var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (string name in names)
            {
                Hdf5Dataset dataset = parent.GetDataset(name);
                if (dataset.Rank != 1)
                {
                    throw new HepMlFormatException($"expected a 1-D dataset '{name}'; it has rank {dataset.Rank}", path, objectPath: $"{group}/{name}");
                }

                result[name] = dataset.Read<float>();
            }

            return result;
        }
    }
}
