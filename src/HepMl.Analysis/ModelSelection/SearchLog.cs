using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HepMl.Analysis.ModelSelection;

/// <summary>
/// The record of a hyperparameter search: every trial with its parameters and fold scores, in proposal order, and
/// the best trial. Re-running the search with the same seed and options reproduces it (except the durations).
/// </summary>
public sealed class SearchLog
{
    internal SearchLog(string method, SearchOptions options, IReadOnlyList<TrialRecord> trials)
    {
        Method = method;
        Seed = options.Seed;
        Folds = options.Folds;
        Maximize = options.Maximize;
        Trials = trials;
        Best = trials.Where(t => !double.IsNaN(t.MeanScore))
            .OrderBy(t => Maximize ? -t.MeanScore : t.MeanScore).ThenBy(t => t.Index).FirstOrDefault();
    }

    /// <summary>"grid", "random" or "tpe".</summary>
    public string Method { get; }

    /// <summary>The search seed.</summary>
    public int Seed { get; }

    /// <summary>Cross-validation folds per trial.</summary>
    public int Folds { get; }

    /// <summary>Whether higher scores were better.</summary>
    public bool Maximize { get; }

    /// <summary>All trials, by index.</summary>
    public IReadOnlyList<TrialRecord> Trials { get; }

    /// <summary>The trial with the best mean score (ties: the earliest), or null if every trial scored NaN.</summary>
    public TrialRecord? Best { get; }

    /// <summary>The log as JSON: method, seed, folds, direction, best index and each trial (parameters, fold scores, mean, std, seconds).</summary>
    public string ToJson(bool includeDurations = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("method", Method);
            writer.WriteNumber("seed", Seed);
            writer.WriteNumber("folds", Folds);
            writer.WriteBoolean("maximize", Maximize);
            if (Best is not null)
            {
                writer.WriteNumber("best", Best.Index);
            }
            else
            {
                writer.WriteNull("best");
            }

            writer.WriteStartArray("trials");
            foreach (TrialRecord trial in Trials)
            {
                writer.WriteStartObject();
                writer.WriteNumber("index", trial.Index);
                writer.WriteStartObject("parameters");
                foreach (string name in trial.Parameters.Names)
                {
                    switch (trial.Parameters[name])
                    {
                        case string s: writer.WriteString(name, s); break;
                        case int i: writer.WriteNumber(name, i); break;
                        default: writer.WriteNumber(name, trial.Parameters.GetDouble(name)); break;
                    }
                }

                writer.WriteEndObject();
                writer.WriteStartArray("fold_scores");
                foreach (double score in trial.FoldScores)
                {
                    WriteNumber(writer, score);
                }

                writer.WriteEndArray();
                writer.WritePropertyName("mean");
                WriteNumber(writer, trial.MeanScore);
                writer.WritePropertyName("std");
                WriteNumber(writer, trial.StandardDeviation);
                if (includeDurations)
                {
                    writer.WriteNumber("seconds", Math.Round(trial.Duration.TotalSeconds, 3));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
    public void WriteJson(string path) => File.WriteAllText(path, ToJson());

    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
