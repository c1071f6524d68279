using System.Text.Json;
using HepMl.Samples.Anomaly.Detectors;

namespace HepMl.Samples.Anomaly.Reporting;

/// <summary>Writes the run's figures as JSON (<c>summary.json</c>).</summary>
internal static class SummaryJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(AnomalyReport report, string path)
    {
        using FileStream stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("train_source", report.TrainSource);
        json.WriteString("test_source", report.TestSource);
        json.WriteNumber("train_events", report.TrainEvents);
        json.WriteNumber("test_events", report.TestEvents);
        json.WriteNumber("test_signal_events", report.TestSignalEvents);
        json.WriteString("score_file", Path.GetFileName(report.ScoreFile));
        json.WriteStartArray("scores");
        foreach (AnomalyScore score in report.Scores)
        {
            json.WriteStartObject();
            json.WriteString("name", score.Name);
            json.WriteString("method", score.Method);
            json.WriteNumber("auc", score.AreaUnderRocCurve);
            json.WriteNumber("background_efficiency", score.BackgroundEfficiency);
            json.WriteNumber("signal_efficiency", score.SignalEfficiency);
            json.WriteNumber("significance_improvement", score.SignificanceImprovement);
            json.WriteNumber("asimov_z_before_cut", score.SignificanceBeforeCut);
            json.WriteNumber("asimov_z_after_cut", score.SignificanceAfterCut);
            json.WriteNumber("train_s", score.TrainSeconds);
            json.WriteString("roc_csv", $"roc_{score.Name}.csv");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
