using HepMl.Analysis.Trees;
using HepMl.Samples.Common;
using HepMl.Samples.JetTagging.Data;
using HepMl.Samples.JetTagging.Reporting;
using HepMl.Samples.JetTagging.Taggers;
using Spectre.Console;

namespace HepMl.Samples.JetTagging;

/// <summary>
/// The W-tagging study end to end: jets (toy or file) → images and substructure → cut-based taggers, Fisher on
/// images, BDT on substructure, CNN on images → ROC curves, AUC and background rejection at ε_S = 50%, written to
/// the output folder (ROC CSVs, models, <c>summary.json</c>).
/// </summary>
public static class JetTaggingPipeline
{
    /// <summary>Runs the study and returns the results; progress and stage times go to <paramref name="console"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">The training or test part holds a single class.</exception>
    public static JetTaggingReport Run(JetTaggingSettings settings, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        settings.Validate();
        string output = Path.GetFullPath(settings.OutputDirectory);
        Directory.CreateDirectory(output);
        var stages = new StageRunner(console, settings.ShowProgress);

        JetSample jets = LoadJets(settings, stages);
        int trainCount = (int)Math.Floor(settings.TrainFraction * jets.Count);
        JetSample train = jets.Slice(0, trainCount);
        JetSample test = jets.Slice(trainCount, jets.Count - trainCount);
        RequireBothClasses(train, "training");
        RequireBothClasses(test, "test");

        var results = new List<TaggerResult>
        {
            CutBasedTaggers.MassWindow(test), CutBasedTaggers.Tau21(test), CutBasedTaggers.D2(test),
        };
        results.Add(stages.Run("Fisher discriminant on image pixels", 1, progress =>
        {
            TaggerResult fisher = FisherImageTagger.Run(train, test, settings.FisherMinimumOccupancy, Path.Combine(output, "fisher_coefficients.csv"));
            progress.Report(1);
            return fisher;
        }));
        results.Add(stages.Run("BDT on mass, tau21, D2", settings.BdtTrees, progress =>
            SubstructureBdt.Run(train, test, settings.BdtTrees, settings.BdtDepth, Path.Combine(output, "bdt.hmlbdt"),
                new RoundProgress(progress))));
        results.Add(stages.RunUnwrapped($"CNN on {train.ImagePixels}x{train.ImagePixels} images ({settings.Epochs} epochs)", () =>
            ImageCnnTagger.Run(train, test, settings.Epochs, settings.BatchSize, settings.Seed, stages.ShowsProgress, Path.Combine(output, "cnn.hepnn"))));

        foreach (TaggerResult result in results)
        {
            RocCurveCsv.Write(result.Roc, Path.Combine(output, $"roc_{result.Name}.csv"));
        }

        var report = new JetTaggingReport(jets.Description, train.Count, test.Count, test.SignalCount, results, output);
        SummaryJson.Write(report, Path.Combine(output, "summary.json"));
        return report;
    }

    private static JetSample LoadJets(JetTaggingSettings settings, StageRunner stages)
    {
        if (settings.Input is null)
        {
            return stages.Run($"Generating {settings.Jets} toy jets, clustering, images, substructure", settings.Jets,
                progress => ToyJetSource.Generate(settings.Jets, settings.Seed, new CountProgress(progress)));
        }

        if (!File.Exists(settings.Input))
        {
            throw new FileNotFoundException($"the input file {settings.Input} does not exist", settings.Input);
        }

        return stages.Run($"Reading {settings.Input}, images, substructure", JetInputFile.CountJets(settings.Input, settings.MaxJets),
            progress => JetInputFile.Read(settings.Input, settings.MaxJets, new CountProgress(progress)));
    }

    private static void RequireBothClasses(JetSample jets, string part)
    {
        int signal = jets.SignalCount;
        if (signal == 0 || signal == jets.Count)
        {
            throw new ArgumentException($"the {part} jets ({jets.Count}) hold a single class ({signal} W-like); use more jets");
        }
    }

    /// <summary>Forwards jet counts to a stage's progress.</summary>
    private sealed class CountProgress(IProgress<double> target) : IProgress<int>
    {
        public void Report(int value) => target.Report(value);
    }

    /// <summary>Forwards one step per boosting round.</summary>
    private sealed class RoundProgress(IProgress<double> target) : IProgress<BoostingProgress>
    {
        public void Report(BoostingProgress value) => target.Report(1);
    }
}
