using System.CommandLine;
using HepMl.Samples.Anomaly.Data;
using HepMl.Samples.Anomaly.Reporting;
using HepMl.Samples.Common;
using Spectre.Console;

namespace HepMl.Samples.Anomaly;

/// <summary>The command line of the sample: options map one to one onto <see cref="AnomalySettings"/>.</summary>
public static class AnomalyCommand
{
    /// <summary>Parses <paramref name="args"/>, runs the study and prints the results; returns the exit code.</summary>
    public static int Run(string[] args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var input = new Option<string?>("--input") { Description = "Folder holding dijet_train.h5 and dijet_test.h5 (or .csv), as written by the peers' gen_data.py." };
        var train = new Option<string?>("--train") { Description = "Training file (HDF5 features/labels or CSV label,weight,f0..f9); only its background events are used." };
        var test = new Option<string?>("--test") { Description = "Test file in the same layout, with signal labelled 1." };
        var maxEvents = new Option<int>("--max-events") { Description = "Read at most this many events from each file (0: all)." };
        var trainEvents = new Option<int>("--train-events") { Description = "Toy background events to train on when no files are given.", DefaultValueFactory = _ => AnomalySettings.Defaults.TrainEvents };
        var testEvents = new Option<int>("--test-events") { Description = "Toy test events when no files are given.", DefaultValueFactory = _ => AnomalySettings.Defaults.TestEvents };
        var signalFraction = new Option<double>("--signal-fraction") { Description = "Share of W'->XY signal in the toy test events.", DefaultValueFactory = _ => AnomalySettings.Defaults.SignalFraction };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs of the autoencoder and the VAE.", DefaultValueFactory = _ => AnomalySettings.Defaults.Epochs };
        var batchSize = new Option<int>("--batch-size") { Description = "Mini-batch size.", DefaultValueFactory = _ => AnomalySettings.Defaults.BatchSize };
        var beta = new Option<float>("--beta") { Description = "Weight of the VAE's KL term.", DefaultValueFactory = _ => AnomalySettings.Defaults.Beta };
        var seed = new Option<int>("--seed") { Description = "Seed of the toy, the networks and the isolation forest.", DefaultValueFactory = _ => AnomalySettings.Defaults.Seed };
        var backgroundEfficiency = new Option<double>("--background-efficiency") { Description = "Background efficiency of the working point for eps_S, SIC and Z_A.", DefaultValueFactory = _ => AnomalySettings.Defaults.BackgroundEfficiency };
        var format = new Option<ScoreFileFormat>("--format") { Description = "Per-event score file: Root (scores.root, TTree 'scores') or Csv (scores.csv).", DefaultValueFactory = _ => ScoreFileFormat.Root };
        var output = new Option<string>("--output") { Description = "Folder for scores, ROC curves, models and summary.json.", DefaultValueFactory = _ => AnomalySettings.Defaults.OutputDirectory };
        var noProgress = new Option<bool>("--no-progress") { Description = "Print one line per stage instead of progress bars." };
        var root = new RootCommand(
            "Unsupervised anomaly detection on dijet events in the style of the LHC Olympics 2020: an autoencoder and a VAE "
            + "(10-32-32-4) and an isolation forest trained on background, scored by reconstruction error, KL and both; "
            + "ROC AUC, significance improvement at fixed background efficiency and Asimov significance.")
        {
            input, train, test, maxEvents, trainEvents, testEvents, signalFraction, epochs, batchSize, beta, seed, backgroundEfficiency, format, output, noProgress,
        };
        root.Validators.Add(result =>
        {
            if ((result.GetValue(train) is null) != (result.GetValue(test) is null))
            {
                result.AddError("--train and --test go together: give both, or neither (to generate the toy)");
            }
        });
        root.SetAction(parse =>
        {
            string? folder = parse.GetValue(input);
            var settings = new AnomalySettings
            {
                TrainFile = parse.GetValue(train) ?? (folder is null ? null : DijetFolder.Find(folder, "train")),
                TestFile = parse.GetValue(test) ?? (folder is null ? null : DijetFolder.Find(folder, "test")),
                MaxEvents = parse.GetValue(maxEvents), TrainEvents = parse.GetValue(trainEvents), TestEvents = parse.GetValue(testEvents),
                SignalFraction = parse.GetValue(signalFraction), Epochs = parse.GetValue(epochs), BatchSize = parse.GetValue(batchSize),
                Beta = parse.GetValue(beta), Seed = parse.GetValue(seed), BackgroundEfficiency = parse.GetValue(backgroundEfficiency),
                ScoreFormat = parse.GetValue(format), OutputDirectory = parse.GetValue(output)!, ShowProgress = !parse.GetValue(noProgress),
            };
            AnomalyReport report = AnomalyPipeline.Run(settings, console);
            ReportPrinter.Print(report, console);
            return 0;
        });

        return SampleCommandLine.Invoke(root, args, console, "hepml-anomaly");
    }
}
