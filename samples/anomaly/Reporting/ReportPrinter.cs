using HepMl.Samples.Anomaly.Detectors;
using Spectre.Console;

namespace HepMl.Samples.Anomaly.Reporting;

/// <summary>Prints the results table.</summary>
internal static class ReportPrinter
{
    /// <summary>Writes the data summary and one row per score to <paramref name="console"/>.</summary>
    public static void Print(AnomalyReport report, IAnsiConsole console)
    {
        double efficiency = report.Scores.Count > 0 ? report.Scores[0].BackgroundEfficiency : 0;
        console.WriteLine();
        console.MarkupLine($"[bold]Training:[/] {Markup.Escape(report.TrainSource)} ({report.TrainEvents} background events used)");
        console.MarkupLine($"[bold]Test:[/] {Markup.Escape(report.TestSource)} ({report.TestSignalEvents} signal of {report.TestEvents})");
        var table = new Table().AddColumns("score", "method", "ROC AUC", $"eps_S at eps_B = {efficiency:G3}", "SIC eps_S/sqrt(eps_B)", "Z_A before -> after cut", "train s");
        foreach (AnomalyScore score in report.Scores)
        {
            table.AddRow(score.Name, Markup.Escape(score.Method), $"{score.AreaUnderRocCurve:F4}", $"{score.SignalEfficiency:F3}",
                $"{score.SignificanceImprovement:F2}", $"{score.SignificanceBeforeCut:F2} -> {score.SignificanceAfterCut:F2}", $"{score.TrainSeconds:F1}");
        }

        console.Write(table);
        console.MarkupLine($"Scores ({Markup.Escape(Path.GetFileName(report.ScoreFile))}), ROC curves (roc_*.csv), models (autoencoder.hepnn, vae.hepnn) and summary.json in [underline]{Markup.Escape(report.OutputDirectory)}[/]");
    }
}
