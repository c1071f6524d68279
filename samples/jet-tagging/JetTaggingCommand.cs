using System.CommandLine;
using HepMl.Samples.JetTagging.Reporting;
using HepMl.Samples.Common;
using Spectre.Console;

namespace HepMl.Samples.JetTagging;

/// <summary>The command line of the sample: options map one to one onto <see cref="JetTaggingSettings"/>.</summary>
public static class JetTaggingCommand
{
    /// <summary>Parses <paramref name="args"/>, runs the study and prints the results; returns the exit code.</summary>
    public static int Run(string[] args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var jets = new Option<int>("--jets") { Description = "Toy jets to generate when no --input is given (half W-like, half QCD-like on average).", DefaultValueFactory = _ => JetTaggingSettings.Defaults.Jets };
        var input = new Option<string?>("--input") { Description = "HDF5 file of jet images (the peers' jetimages.h5 layout) or of hls4ml constituent lists (jetConstituentList)." };
        var maxJets = new Option<int>("--max-jets") { Description = "Read at most this many jets from --input (0: all)." };
        var epochs = new Option<int>("--epochs") { Description = "CNN training epochs.", DefaultValueFactory = _ => JetTaggingSettings.Defaults.Epochs };
        var batchSize = new Option<int>("--batch-size") { Description = "CNN mini-batch size.", DefaultValueFactory = _ => JetTaggingSettings.Defaults.BatchSize };
        var seed = new Option<int>("--seed") { Description = "Seed of the toy generator and the CNN.", DefaultValueFactory = _ => JetTaggingSettings.Defaults.Seed };
        var trainFraction = new Option<double>("--train-fraction") { Description = "Share of the jets used for training (the first rows); the rest is the test set.", DefaultValueFactory = _ => JetTaggingSettings.Defaults.TrainFraction };
        var bdtTrees = new Option<int>("--bdt-trees") { Description = "Boosting rounds of the substructure BDT.", DefaultValueFactory = _ => JetTaggingSettings.Defaults.BdtTrees };
        var output = new Option<string>("--output") { Description = "Folder for ROC curves, models and summary.json.", DefaultValueFactory = _ => JetTaggingSettings.Defaults.OutputDirectory };
        var noProgress = new Option<bool>("--no-progress") { Description = "Print one line per stage instead of progress bars." };
        var root = new RootCommand(
            "W-tagging with jet images (de Oliveira, Kagan, Mackey, Nachman, Schwartzman, JHEP 07 (2016) 069): anti-kt R=1.0 jets, "
            + "25x25 images and substructure (mass, tau21, D2); cut-based taggers, Fisher on images, a BDT on substructure "
            + "and a CNN on images, compared by ROC AUC and background rejection at 50% signal efficiency.")
        {
            jets, input, maxJets, epochs, batchSize, seed, trainFraction, bdtTrees, output, noProgress,
        };
        root.SetAction(parse =>
        {
            var settings = new JetTaggingSettings
            {
                Jets = parse.GetValue(jets), Input = parse.GetValue(input), MaxJets = parse.GetValue(maxJets), Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batchSize), Seed = parse.GetValue(seed), TrainFraction = parse.GetValue(trainFraction), BdtTrees = parse.GetValue(bdtTrees),
                OutputDirectory = parse.GetValue(output)!, ShowProgress = !parse.GetValue(noProgress),
            };
            JetTaggingReport report = JetTaggingPipeline.Run(settings, console);
            ReportPrinter.Print(report, console);
            return 0;
        });

        return SampleCommandLine.Invoke(root, args, console, "hepml-jet-tagging");
    }
}
