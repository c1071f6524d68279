using HepMl.Samples.Anomaly.Detectors;

namespace HepMl.Samples.Anomaly;

/// <summary>The outcome of a run: the data used and one entry per anomaly score.</summary>
/// <param name="TrainSource">Where the training events came from.</param>
/// <param name="TestSource">Where the test events came from.</param>
/// <param name="TrainEvents">Background events trained on.</param>
/// <param name="TestEvents">Test events.</param>
/// <param name="TestSignalEvents">Signal events among the test events.</param>
/// <param name="Scores">The results.</param>
/// <param name="ScoreFile">The per-event score file.</param>
/// <param name="OutputDirectory">Where the files were written.</param>
public sealed record AnomalyReport(string TrainSource, string TestSource, int TrainEvents, int TestEvents, int TestSignalEvents,
    IReadOnlyList<AnomalyScore> Scores, string ScoreFile, string OutputDirectory)
{
    /// <summary>The score called <paramref name="name"/>.</summary>
    public AnomalyScore this[string name] => Scores.Single(s => s.Name == name);
}
