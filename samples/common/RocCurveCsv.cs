using HepMl.Analysis.Metrics;
using HepMl.Io.Csv;

namespace HepMl.Samples.Common;

/// <summary>Writes a ROC curve as CSV: threshold, signal_efficiency, background_efficiency, background_rejection (1/ε_B).</summary>
internal static class RocCurveCsv
{
    /// <summary>Writes every point of <paramref name="roc"/> to <paramref name="path"/>.</summary>
    public static void Write(RocCurve roc, string path)
    {
        ArgumentNullException.ThrowIfNull(roc);
        int count = roc.Thresholds.Count;
        var rejection = new double[count];
        for (int i = 0; i < count; i++)
        {
            rejection[i] = roc.BackgroundEfficiency[i] > 0 ? 1.0 / roc.BackgroundEfficiency[i] : double.PositiveInfinity;
        }

        CsvFile.Write(path, new CsvTable(
        [
            new CsvColumn("threshold", roc.Thresholds.ToArray()),
            new CsvColumn("signal_efficiency", roc.SignalEfficiency.ToArray()),
            new CsvColumn("background_efficiency", roc.BackgroundEfficiency.ToArray()),
            new CsvColumn("background_rejection", rejection),
        ]));
    }
}
