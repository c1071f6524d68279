using System.Text.Json;
using HepMl.Samples.JetTagging.Taggers;

namespace HepMl.Samples.JetTagging.Reporting;

/// <summary>Writes the run's figures as JSON (<c>summary.json</c>) for scripts and plots.</summary>
internal static class SummaryJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(JetTaggingReport report, string path)
    {
        using FileStream stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("source", report.Source);
        json.WriteNumber("train_jets", report.TrainJets);
        json.WriteNumber("test_jets", report.TestJets);
        json.WriteNumber("test_signal_jets", report.TestSignalJets);
        json.WriteStartArray("taggers");
        foreach (TaggerResult tagger in report.Taggers)
        {
            json.WriteStartObject();
            json.WriteString("name", tagger.Name);
            json.WriteString("inputs", tagger.Inputs);
            json.WriteNumber("auc", tagger.AreaUnderRocCurve);
            WriteFinite(json, "background_rejection_at_signal_efficiency_0.5", tagger.BackgroundRejection);
            json.WriteNumber("train_s", tagger.TrainSeconds);
            json.WriteString("roc_csv", $"roc_{tagger.Name}.csv");
            if (tagger.ModelPath is not null)
            {
                json.WriteString("model", Path.GetFileName(tagger.ModelPath));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFinite(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
