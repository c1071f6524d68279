using HepMl.Samples.JetTagging.Taggers;
using Spectre.Console;

namespace HepMl.Samples.JetTagging.Reporting;

/// <summary>Prints the results table.</summary>
internal static class ReportPrinter
{
    /// <summary>Writes the data summary and one row per tagger to <paramref name="console"/>.</summary>
    public static void Print(JetTaggingReport report, IAnsiConsole console)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]Jets:[/] {Markup.Escape(report.Source)}");
        console.MarkupLine($"[bold]Split:[/] {report.TrainJets} training, {report.TestJets} test jets ({report.TestSignalJets} W-like)");
        var table = new Table().AddColumns("tagger", "inputs", "ROC AUC", "1/eps_B at eps_S = 50%", "train s");
        foreach (TaggerResult tagger in report.Taggers)
        {
            table.AddRow(tagger.Name, Markup.Escape(tagger.Inputs), $"{tagger.AreaUnderRocCurve:F4}", $"{tagger.BackgroundRejection:F1}",
                tagger.TrainSeconds > 0 ? $"{tagger.TrainSeconds:F1}" : "-");
        }

        console.Write(table);
        console.MarkupLine($"ROC curves (roc_*.csv), models (bdt.hmlbdt, cnn.hepnn, fisher_coefficients.csv) and summary.json in [underline]{Markup.Escape(report.OutputDirectory)}[/]");
    }
}
