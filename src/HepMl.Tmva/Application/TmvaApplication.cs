using HepMl.Io;
using HepMl.Io.Csv;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Application;

/// <summary>
/// Applies a weight file to a table of events (what <c>hepml tmva apply</c> does): columns are found by the file's
/// variable expressions (or labels, whitespace ignored), every event is evaluated, and the output repeats the input
/// columns followed by one column named after the method title.
/// </summary>
public static class TmvaApplication
{
    /// <summary>Reads a CSV table with floating-point columns as single precision, as TMVA reads its inputs.</summary>
    public static CsvTable ReadCsv(string path) => CsvFile.Read(path, new CsvReadOptions { FloatsAsSingle = true });

    /// <summary>Evaluates <paramref name="weights"/> on every row of <paramref name="table"/>.</summary>
    /// <param name="weights">The weight file.</param>
    /// <param name="table">The input events; the header must name every variable of the file.</param>
    /// <param name="signalEfficiency">For Cuts: the working point (TMVA's <c>aux</c>); must be given for Cuts.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use.</param>
    /// <param name="sourceName">The table's file, for messages.</param>
    /// <exception cref="ObjectNotFoundException">A variable has no column; the message lists the nearest column names.</exception>
    /// <exception cref="HepMlFormatException">A variable's column holds text.</exception>
    /// <exception cref="ArgumentException">Cuts without a signal efficiency, or an efficiency outside (0, 1].</exception>
    public static double[] Evaluate(
        TmvaWeightFile weights, CsvTable table, double? signalEfficiency = null, int maxDegreeOfParallelism = 1, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(table);
        double auxiliary = 0;
        if (weights.MethodType == "Cuts")
        {
            if (signalEfficiency is not double efficiency)
            {
                throw new ArgumentException(
                    $"{weights.MethodType}::{weights.MethodTitle} is a Cuts method: give the signal efficiency of the working point", nameof(signalEfficiency));
            }

            if (!(efficiency > 0 && efficiency <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(signalEfficiency), efficiency, "the signal efficiency must lie in (0, 1]");
            }

            auxiliary = efficiency;
        }

        int n = weights.Variables.Count;
        string where = sourceName is null ? "the input table" : Path.GetFileName(sourceName);
        var values = new float[(long)table.RowCount * n];
        for (int i = 0; i < n; i++)
        {
            TmvaVariableInfo variable = weights.Variables[i];
            CsvColumn column = Find(table, variable.Expression) ?? Find(table, variable.Label)
                ?? throw new ObjectNotFoundException(variable.Expression, where, table.Columns.Select(c => c.Name));
            float[] data = ToSingle(column, where);
            for (int row = 0; row < data.Length; row++)
            {
                values[((long)row * n) + i] = data[row];
            }
        }

        TmvaBookedMethod method = TmvaReader.Create(weights)[weights.MethodTitle];
        var responses = new double[table.RowCount];
        method.EvaluateBatch(values, responses, auxiliary, maxDegreeOfParallelism);
        return responses;
    }

    /// <summary>Writes the input columns followed by a response column named <paramref name="responseColumn"/>.</summary>
    public static void WriteCsv(CsvTable table, string responseColumn, double[] responses, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        string name = responseColumn;
        while (table.Columns.Any(c => c.Name == name))
        {
            name += "_response";
        }

        CsvFile.Write(path, new CsvTable([.. table.Columns, new CsvColumn(name, responses)]));
    }

    private static CsvColumn? Find(CsvTable table, string name)
    {
        string key = Normalise(name);
        return table.Columns.FirstOrDefault(c => Normalise(c.Name) == key);
    }

    private static float[] ToSingle(CsvColumn column, string where) => column.Values switch
    {
        float[] f => f,
        double[] d => d.Select(v => (float)v).ToArray(),
        int[] i => i.Select(v => (float)v).ToArray(),
        long[] l => l.Select(v => (float)v).ToArray(),
        _ => throw new HepMlFormatException($"expected numbers in column '{column.Name}'; it holds {column.ElementType.Name} values", where),
    };

    private static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
