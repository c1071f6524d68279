using System.Globalization;
using HepMl.Io;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Application;

/// <summary>
/// Applies a weight file to a table of events (what <c>hepml tmva apply</c> does): columns are found by the file's
/// variable expressions (or labels), every event is evaluated, and the output repeats the input columns followed by
/// one column named after the method title.
/// </summary>
public static class TmvaApplication
{
    /// <summary>Evaluates <paramref name="weights"/> on every row of <paramref name="table"/>.</summary>
    /// <param name="weights">The weight file.</param>
    /// <param name="table">The input events; the header must name every variable of the file.</param>
    /// <param name="signalEfficiency">For Cuts: the working point (TMVA's <c>aux</c>); must be given for Cuts.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use.</param>
    /// <exception cref="ObjectNotFoundException">A variable has no column; the message lists the nearest column names.</exception>
    /// <exception cref="ArgumentException">Cuts without a signal efficiency, or an efficiency outside (0, 1].</exception>
    public static double[] Evaluate(TmvaWeightFile weights, CsvTable table, double? signalEfficiency = null, int maxDegreeOfParallelism = 1)
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

        var columns = new int[weights.Variables.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            TmvaVariableInfo variable = weights.Variables[i];
            int column = table.IndexOf(variable.Expression);
            if (column < 0)
            {
                column = table.IndexOf(variable.Label);
            }

            if (column < 0)
            {
                throw new ObjectNotFoundException(variable.Expression, table.FilePath is null ? "the input table" : Path.GetFileName(table.FilePath), table.Header);
            }

            columns[i] = column;
        }

        float[] values = table.ToRowMajor(columns);
        TmvaBookedMethod method = TmvaReader.Create(weights)[weights.MethodTitle];
        var responses = new double[table.RowCount];
        method.EvaluateBatch(values, responses, auxiliary, maxDegreeOfParallelism);
        return responses;
    }

    /// <summary>Writes the input columns followed by a response column as CSV (responses in round-trip format).</summary>
    public static void WriteCsv(CsvTable table, string responseColumn, ReadOnlySpan<double> responses, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(",", table.Header.Select(CsvTable.Quote)));
        output.Write(',');
        output.WriteLine(CsvTable.Quote(responseColumn));
        for (int row = 0; row < table.RowCount; row++)
        {
            for (int column = 0; column < table.Header.Count; column++)
            {
                output.Write(CsvTable.Quote(table.Field(row, column)));
                output.Write(',');
            }

            output.WriteLine(responses[row].ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
