using System.Buffers;
using System.Numerics;
using HepMl.Analysis.Expressions;
using HepMl.Io;
using HepMl.Io.Compression;
using HepMl.Io.Conversion;
using HepMl.Io.Hdf5;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Application;

/// <summary>Streaming application over CSV files, ROOT trees and HDF5 groups.</summary>
public static partial class TmvaApplication
{
    /// <summary>String attributes of a 2-D HDF5 dataset that name its columns (tried in this order).</summary>
    public static readonly IReadOnlyList<string> Hdf5ColumnNameAttributes = ["columns", "column_names", "variables", "feature_names"];

    /// <summary>
    /// Evaluates <paramref name="weights"/> on every event of <paramref name="options"/>' input and writes the output,
    /// block by block (memory bounded by one block). Variables are found as columns named by their expression or label
    /// (whitespace ignored); otherwise the expression is computed from the columns it names (TMVA's formula syntax).
    /// </summary>
    /// <param name="weights">The weight file.</param>
    /// <param name="options">Input, output and evaluation settings.</param>
    /// <param name="progress">Receives (events done, events in total or -1 when unknown, as for CSV).</param>
    /// <exception cref="ArgumentException">
    /// An unknown extension or an object path on a CSV file (<see cref="ArgumentException.ParamName"/> is
    /// <c>Input</c> or <c>Output</c>), the output would overwrite the input, Cuts without a signal efficiency.
    /// </exception>
    /// <exception cref="ObjectNotFoundException">A variable (or a name in its expression) has no column; the nearest column names are listed.</exception>
    /// <exception cref="HepMlFormatException">A variable's column holds text or arrays rather than one number per event.</exception>
    public static TmvaApplyResult Apply(TmvaWeightFile weights, TmvaApplyOptions options, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockEntries, 1);
        double auxiliary = Auxiliary(weights, options.SignalEfficiency);
        (string inputPath, string? inputObject) = SplitObject(options.Input);
        (string outputPath, string? outputObject) = SplitObject(options.Output);
        TableFormat inputFormat = FormatOf(inputPath, nameof(TmvaApplyOptions.Input));
        TableFormat outputFormat = FormatOf(outputPath, nameof(TmvaApplyOptions.Output));
        if (inputFormat == TableFormat.Csv && inputObject is not null)
        {
            throw new ArgumentException($"'{options.Input}': a CSV file has no objects inside; drop ':{inputObject}'", nameof(TmvaApplyOptions.Input));
        }

        if (outputFormat == TableFormat.Csv && outputObject is not null)
        {
            throw new ArgumentException($"'{options.Output}': a CSV file has no objects inside; drop ':{outputObject}'", nameof(TmvaApplyOptions.Output));
        }

        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException($"{inputPath} does not exist", inputPath);
        }

        if (Path.GetFullPath(inputPath) == Path.GetFullPath(outputPath))
        {
            throw new ArgumentException($"'{options.Output}' would overwrite the input", nameof(TmvaApplyOptions.Output));
        }

        if (inputFormat == TableFormat.Hdf5 && inputObject is null)
        {
            inputObject = SoleGroup(inputPath);
        }

        using ITableSource source = inputFormat switch
        {
            TableFormat.Root => new RootTableSource(inputPath, inputObject),
            TableFormat.Hdf5 => new Hdf5TableSource(inputPath, inputObject),
            _ => new CsvTableSource(inputPath),
        };
        string where = inputObject is null ? Path.GetFileName(inputPath) : $"{Path.GetFileName(inputPath)}:{source.Name}";
        IReadOnlyList<InputColumn> columns = InputColumns(source, inputFormat, inputPath, inputObject);
        IReadOnlyList<VariableBinding> bindings = Bind(weights, source, columns, where);

        List<InputColumn> copied = options.ResponseOnly ? [] : [.. columns];
        var leftOut = new List<(string, string)>(source.Skipped);
        leftOut.AddRange(source.Columns.Where(c => !columns.Any(i => i.Source == c)).Select(c => (c.Name, $"{c.TypeName} is not one value per event")));
        if (options.ResponseOnly)
        {
            leftOut.Clear();
        }

        string responseName = weights.MethodTitle;
        while (copied.Any(c => c.Name == responseName))
        {
            responseName += "_response";
        }

        // ROOT trees hold the response as Float_t, as TMVA's TestTree does; CSV and HDF5 keep the Reader's double.
        Type responseType = outputFormat == TableFormat.Root ? typeof(float) : typeof(double);
        var outputColumns = copied.Select(c => new TableColumn(c.Name, c.Source.ElementType, TableColumnKind.Flat, [])).ToList();
        outputColumns.Add(new TableColumn(responseName, responseType, TableColumnKind.Flat, []));
        string table = outputObject ?? (outputFormat == TableFormat.Root ? source.Name : string.Empty);

        // Read what the variables need and what is copied, each source column once.
        List<TableColumn> read = bindings.SelectMany(b => b.Columns).Concat(copied).Select(c => c.Source).Distinct().ToList();
        TmvaBookedMethod method = TmvaReader.Create(weights)[weights.MethodTitle];
        int n = weights.Variables.Count;
        long total = source.Entries, done = 0, nan = 0;
        ITableSink sink;
        try
        {
            sink = CreateSink();
        }
        catch
        {
            File.Delete(outputPath); // a sink that failed to start may have created the file
            throw;
        }

        ITableSink CreateSink() => outputFormat switch
        {
            TableFormat.Root when options.ResponseOnly && inputFormat == TableFormat.Root =>
                new RootScoreFriendSink(outputPath, table, inputPath, inputObject?.Trim('/') ?? source.Name, outputColumns[^1]),
            TableFormat.Root => new RootTableSink(outputPath, table, outputColumns, RootCompression.Default),
            TableFormat.Hdf5 => new Hdf5TableSink(outputPath, table.Length == 0 ? null : table, outputColumns, deflateLevel: 4),
            _ => new CsvTableSink(outputPath, outputColumns),
        };
        try
        {
            long stop = total < 0 ? long.MaxValue : total;
            foreach (TableBlock block in source.Read(read, 0, stop, options.BlockEntries))
            {
                int count = checked((int)block.Entries);
                float[] values = ArrayPool<float>.Shared.Rent(Math.Max(1, count * n));
                var responses = new double[count];
                try
                {
                    for (int v = 0; v < n; v++)
                    {
                        float[] variable = bindings[v].Evaluate(block, count, where);
                        for (int row = 0; row < count; row++)
                        {
                            values[(row * n) + v] = variable[row];
                        }
                    }

                    method.EvaluateBatch(values.AsSpan(0, count * n), responses, auxiliary, options.MaxDegreeOfParallelism);
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(values);
                }

                var output = new Dictionary<string, (Array, int[]?)>(StringComparer.Ordinal);
                foreach (InputColumn column in copied)
                {
                    output[column.Name] = (column.Values(block), null);
                }

                output[responseName] = (responseType == typeof(float) ? Array.ConvertAll(responses, r => (float)r) : responses, null);
                sink.Write(new TableBlock(block.FirstEntry, count, output));
                nan += responses.AsSpan().Count(TmvaBookedMethod.NaNResponse);
                done += count;
                progress?.Invoke(done, total);
            }

            sink.Dispose();
        }
        catch
        {
            // Never leave a half-written file that looks complete.
            try
            {
                sink.Dispose();
            }
            finally
            {
                File.Delete(outputPath);
            }

            throw;
        }

        return new TmvaApplyResult(done, nan, responseName, table, copied.Select(c => c.Name).ToArray(), leftOut);
    }

    private static double Auxiliary(TmvaWeightFile weights, double? signalEfficiency)
    {
        if (weights.MethodType != "Cuts")
        {
            return 0;
        }

        if (signalEfficiency is not double efficiency)
        {
            throw new ArgumentException(
                $"{weights.MethodType}::{weights.MethodTitle} is a Cuts method: give the signal efficiency of the working point", nameof(signalEfficiency));
        }

        if (!(efficiency > 0 && efficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(signalEfficiency), efficiency, "the signal efficiency must lie in (0, 1]");
        }

        return efficiency;
    }

    /// <summary>A root group without datasets but with one group (what <c>hepml convert</c> writes): that group.</summary>
    private static string? SoleGroup(string path)
    {
        using Hdf5File file = Hdf5File.Open(path);
        var children = file.Root.Links.Where(l => l.Kind == Hdf5LinkKind.Hard).Select(l => file.Root.Get(l.Name)).ToList();
        return children.Count == 1 && children[0] is Hdf5Group group ? group.Name : null;
    }

    private static (string Path, string? Object) SplitObject(string specification)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specification);
        int colon = specification.LastIndexOf(':');
        return colon > 1 && !specification[(colon + 1)..].Contains(Path.DirectorySeparatorChar)
            ? (specification[..colon], specification[(colon + 1)..].Length == 0 ? null : specification[(colon + 1)..])
            : (specification, null);
    }

    private static TableFormat FormatOf(string path, string option) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => TableFormat.Csv,
        ".root" => TableFormat.Root,
        ".h5" or ".hdf5" => TableFormat.Hdf5,
        var other => throw new ArgumentException(
            $"'{path}': cannot tell the format from the extension '{other}'; use .csv, .root or .h5/.hdf5", option),
    };

    /// <summary>The columns holding one number per event: flat columns, and each column of a named 2-D HDF5 dataset.</summary>
    private static List<InputColumn> InputColumns(ITableSource source, TableFormat format, string path, string? objectPath)
    {
        var result = new List<InputColumn>();
        foreach (TableColumn column in source.Columns)
        {
            if (column.Kind == TableColumnKind.Flat || (column.Kind == TableColumnKind.Fixed && column.ItemSize == 1))
            {
                result.Add(new InputColumn(column.Name, column, 0, column.ItemSize));
            }
        }

        if (format != TableFormat.Hdf5 || !source.Columns.Any(c => c.Kind == TableColumnKind.Fixed && c.Shape.Count == 1 && c.ItemSize > 1))
        {
            return result;
        }

        using Hdf5File file = Hdf5File.Open(path);
        Hdf5Object target = file.Get("/" + (objectPath ?? string.Empty).Trim('/'));
        foreach (TableColumn column in source.Columns.Where(c => c.Kind == TableColumnKind.Fixed && c.Shape.Count == 1 && c.ItemSize > 1))
        {
            Hdf5Dataset dataset = target as Hdf5Dataset ?? ((Hdf5Group)target).GetDataset(column.Name);
            string? attribute = Hdf5ColumnNameAttributes.FirstOrDefault(dataset.HasAttribute);
            if (attribute is null)
            {
                continue;
            }

            IReadOnlyList<string> names = dataset.GetAttribute(attribute).ReadStrings();
            if (names.Count != column.ItemSize)
            {
                throw new HepMlFormatException(
                    $"attribute '{attribute}' names {names.Count} columns; the dataset has {column.ItemSize}", path, objectPath: dataset.Path);
            }

            for (int i = 0; i < names.Count; i++)
            {
                result.Add(new InputColumn(names[i], column, i, column.ItemSize));
            }
        }

        return result;
    }

    private static List<VariableBinding> Bind(TmvaWeightFile weights, ITableSource source, IReadOnlyList<InputColumn> columns, string where)
    {
        var bindings = new List<VariableBinding>();
        foreach (TmvaVariableInfo variable in weights.Variables)
        {
            InputColumn? direct = Find(columns, variable.Expression) ?? Find(columns, variable.Label);
            if (direct is not null)
            {
                bindings.Add(new VariableBinding(variable.Expression, null, [direct]));
                continue;
            }

            RefuseUnusable(source, variable.Expression, where);
            RefuseUnusable(source, variable.Label, where);
            Expression? expression = null;
            try
            {
                expression = Expression.Parse(variable.Expression);
            }
            catch (ExpressionException)
            {
                // Not a formula: report the variable itself as missing below.
            }

            string? missing = expression is null ? variable.Expression
                : expression.Variables.FirstOrDefault(name => Find(columns, name) is null);
            if (missing is not null || expression!.Variables.Count == 0)
            {
                missing ??= variable.Expression;
                RefuseUnusable(source, missing, where);
                string container = missing == variable.Expression ? where : $"{where} (needed by variable '{variable.Expression}')";
                throw new ObjectNotFoundException(missing, container, columns.Select(c => c.Name));
            }

            bindings.Add(new VariableBinding(variable.Expression, expression, expression.Variables.Select(name => Find(columns, name)!).ToArray()));
        }

        return bindings;
    }

    /// <summary>A column of this name exists but cannot be a variable (text, arrays): say so rather than "not found".</summary>
    private static void RefuseUnusable(ITableSource source, string name, string where)
    {
        string key = Normalise(name);
        foreach ((string column, string reason) in source.Skipped)
        {
            if (Normalise(column) == key)
            {
                throw new HepMlFormatException($"expected one number per event in column '{column}'; {reason}", where);
            }
        }

        TableColumn? array = source.Columns.FirstOrDefault(c => Normalise(c.Name) == key && (c.ItemSize != 1 || c.Kind == TableColumnKind.Jagged));
        if (array is not null)
        {
            throw new HepMlFormatException($"expected one number per event in column '{array.Name}'; it is {array.TypeName}", where);
        }
    }

    private static InputColumn? Find(IReadOnlyList<InputColumn> columns, string name)
    {
        foreach (InputColumn column in columns)
        {
            if (column.Name == name)
            {
                return column;
            }
        }

        string key = Normalise(name);
        return columns.FirstOrDefault(c => Normalise(c.Name) == key);
    }

    /// <summary>A column with one number per event: a flat source column, or component <c>Component</c> of a 2-D dataset of <c>Width</c> columns.</summary>
    private sealed record InputColumn(string Name, TableColumn Source, int Component, int Width)
    {
        public Array Values(TableBlock block)
        {
            Array values = block.Columns[Source.Name].Values;
            return Width == 1 ? values : Strided(values, Component, Width);
        }

        public float[] Single(TableBlock block, string where)
        {
            Array values = block.Columns[Source.Name].Values;
            Type element = values.GetType().GetElementType()!;
            // Dispatch on the exact element type: the runtime lets a byte[] pass as sbyte[] (and uint[] as int[]...).
            if (element == typeof(float) && Width == 1) return (float[])values;
            if (element == typeof(float)) return ToSingle((float[])values);
            if (element == typeof(double)) return ToSingle((double[])values);
            if (element == typeof(int)) return ToSingle((int[])values);
            if (element == typeof(long)) return ToSingle((long[])values);
            if (element == typeof(short)) return ToSingle((short[])values);
            if (element == typeof(sbyte)) return ToSingle((sbyte[])values);
            if (element == typeof(byte)) return ToSingle((byte[])values);
            if (element == typeof(ushort)) return ToSingle((ushort[])values);
            if (element == typeof(uint)) return ToSingle((uint[])values);
            if (element == typeof(ulong)) return ToSingle((ulong[])values);
            if (element == typeof(bool)) return Array.ConvertAll(((bool[])Strided(values, Component, Width)), b => b ? 1f : 0f);
            throw new HepMlFormatException($"expected numbers in column '{Name}'; it holds {element.Name} values", where);
        }

        public double[] Doubles(TableBlock block, string where)
        {
            Array values = block.Columns[Source.Name].Values;
            Type element = values.GetType().GetElementType()!;
            if (element == typeof(double)) return ToDouble((double[])values);
            if (element == typeof(float)) return ToDouble((float[])values);
            if (element == typeof(int)) return ToDouble((int[])values);
            if (element == typeof(long)) return ToDouble((long[])values);
            if (element == typeof(short)) return ToDouble((short[])values);
            if (element == typeof(sbyte)) return ToDouble((sbyte[])values);
            if (element == typeof(byte)) return ToDouble((byte[])values);
            if (element == typeof(ushort)) return ToDouble((ushort[])values);
            if (element == typeof(uint)) return ToDouble((uint[])values);
            if (element == typeof(ulong)) return ToDouble((ulong[])values);
            if (element == typeof(bool)) return Array.ConvertAll(((bool[])Strided(values, Component, Width)), b => b ? 1.0 : 0.0);
            throw new HepMlFormatException($"expected numbers in column '{Name}'; it holds {element.Name} values", where);
        }

        private double[] ToDouble<T>(T[] values)
            where T : INumberBase<T>
        {
            var result = new double[values.Length / Width];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = double.CreateTruncating(values[(i * Width) + Component]);
            }

            return result;
        }

        private float[] ToSingle<T>(T[] values)
            where T : INumberBase<T>
        {
            var result = new float[values.Length / Width];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = float.CreateTruncating(values[(i * Width) + Component]);
            }

            return result;
        }

        private static Array Strided(Array values, int component, int width)
        {
            Type element = values.GetType().GetElementType()!;
            if (element == typeof(float)) return StridedOf((float[])values, component, width);
            if (element == typeof(double)) return StridedOf((double[])values, component, width);
            int rows = values.Length / width;
            Array result = Array.CreateInstance(values.GetType().GetElementType()!, rows);
            for (int i = 0; i < rows; i++)
            {
                Array.Copy(values, (i * width) + component, result, i, 1);
            }

            return result;
        }

        private static T[] StridedOf<T>(T[] values, int component, int width)
        {
            var result = new T[values.Length / width];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = values[(i * width) + component];
            }

            return result;
        }
    }

    /// <summary>How one variable is computed: a column as it is, or an expression over columns.</summary>
    private sealed record VariableBinding(string Variable, Expression? Expression, IReadOnlyList<InputColumn> Columns)
    {
        public float[] Evaluate(TableBlock block, int count, string where)
        {
            if (Expression is null)
            {
                return Columns[0].Single(block, where);
            }

            // Like TTreeFormula, the expression sees the branches in their own precision (double branches stay double);
            // only its result is rounded to float, as TMVA's DataLoader stores variables.
            var destination = new float[count];
            var inputs = new double[Columns.Count][];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = Columns[i].Doubles(block, where);
            }

            var arguments = new double[inputs.Length];
            for (int row = 0; row < count; row++)
            {
                for (int i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = inputs[i][row];
                }

                destination[row] = (float)Expression.Evaluate(arguments);
            }

            return destination;
        }
    }
}
