using HepMl.Samples.Anomaly.Data;
using HepMl.Samples.Anomaly.Detectors;
using HepMl.Samples.Anomaly.Reporting;
using HepMl.Samples.Common;
using Spectre.Console;

namespace HepMl.Samples.Anomaly;

/// <summary>
/// LHC Olympics 2020-style unsupervised anomaly detection end to end: dijet features (toy or files) → log and
/// standardise with the background training statistics → autoencoder, VAE and isolation forest trained on
/// background → anomaly scores of the test events → ROC AUC, ε_S and significance improvement at a fixed ε_B, Asimov
/// significance before and after the cut → scores (ROOT or CSV), ROC CSVs, models and <c>summary.json</c>.
/// </summary>
public static class AnomalyPipeline
{
    /// <summary>Runs the study and returns the results; progress and stage times go to <paramref name="console"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">Only one file given, no background to train on, or no signal or no background in the test events.</exception>
    public static AnomalyReport Run(AnomalySettings settings, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        settings.Validate();
        string output = Path.GetFullPath(settings.OutputDirectory);
        Directory.CreateDirectory(output);
        var stages = new StageRunner(console, settings.ShowProgress);

        (DijetSample trainSample, DijetSample test) = stages.Run("Loading dijet events", 2, progress => Load(settings, progress));
        DijetSample train = trainSample.BackgroundOnly();
        int testSignal = test.SignalCount;
        if (train.Count == 0 || testSignal == 0 || testSignal == test.Count)
        {
            throw new ArgumentException(
                $"need background to train on and both classes to test on; got {train.Count} background training events and {testSignal} signal of {test.Count} test events");
        }

        var preprocessing = DijetPreprocessing.Fit(train);
        float[] trainFeatures = preprocessing.Transform(train);
        float[] testFeatures = preprocessing.Transform(test);
        bool bars = stages.ShowsProgress;
        AnomalySettings trainingSettings = settings with { ShowProgress = bars };

        var scores = new List<AnomalyScore>
        {
            stages.RunUnwrapped($"Autoencoder ({settings.Epochs} epochs)", () => AutoencoderDetectors.Autoencoder(
                trainFeatures, train.Count, testFeatures, test.Labels, trainingSettings, Path.Combine(output, "autoencoder.hepnn"))),
        };
        scores.AddRange(stages.RunUnwrapped($"VAE ({settings.Epochs} epochs)", () => AutoencoderDetectors.VariationalAutoencoder(
            trainFeatures, train.Count, testFeatures, test.Labels, trainingSettings, Path.Combine(output, "vae.hepnn"))));
        scores.Add(stages.Run("Isolation forest", 1, progress =>
        {
            AnomalyScore forest = IsolationForestDetector.Run(trainFeatures, train.Count, testFeatures, test.Labels, settings);
            progress.Report(1);
            return forest;
        }));

        foreach (AnomalyScore score in scores)
        {
            RocCurveCsv.Write(score.Roc, Path.Combine(output, $"roc_{score.Name}.csv"));
        }

        string scoreFile = ScoreFileWriter.Write(test, scores, settings.ScoreFormat, output);
        var report = new AnomalyReport(trainSample.Description, test.Description, train.Count, test.Count, testSignal, scores, scoreFile, output);
        SummaryJson.Write(report, Path.Combine(output, "summary.json"));
        return report;
    }

    private static (DijetSample Train, DijetSample Test) Load(AnomalySettings settings, IProgress<double> progress)
    {
        DijetSample train = settings.TrainFile is null
            ? DijetToy.Generate(settings.TrainEvents, 0, settings.Seed)
            : DijetFile.Read(settings.TrainFile, settings.MaxEvents);
        progress.Report(1);
        DijetSample test = settings.TestFile is null
            ? DijetToy.Generate(settings.TestEvents, settings.SignalFraction, settings.Seed + 1)
            : DijetFile.Read(settings.TestFile, settings.MaxEvents);
        progress.Report(1);
        return (train, test);
    }
}
