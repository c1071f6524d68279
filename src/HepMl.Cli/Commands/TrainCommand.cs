using System.CommandLine;
using System.Globalization;
using HepMl.Physics.Statistics;
using HepMl.Tmva.Factory;
using HepMl.Tmva.Jobs;
using Spectre.Console;

namespace HepMl.Cli.Commands;

/// <summary>
/// <c>hepml train [JOB.yaml]</c>: a TMVA-style training job (DataLoader → Factory → train/test/evaluate) from a YAML
/// file, or the built-in example on generated data when no file is given. See docs/tmva.md.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var job = new Argument<string?>("job")
        {
            Description = "The YAML job file (docs/tmva.md). Without it (or with --example) the built-in example runs on generated data.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var example = new Option<bool>("--example") { Description = "Run the built-in example job (generated H→bb-like signal and background)." };
        var output = new Option<string?>("--output", "-o") { Description = "Output directory (overrides the job's 'output')." };
        var events = new Option<int>("--events")
        {
            Description = "Generated events per class of the built-in example (default 4000; at least 100).",
            DefaultValueFactory = _ => 4000,
        };
        var figure = new Option<string?>("--figure")
        {
            Description = "Figure of merit of the optimised cuts: s_over_sqrt_b, s_over_sqrt_s_plus_b or asimov (overrides the job's 'significance: figure').",
        };
        figure.AcceptOnlyFromAmong("s_over_sqrt_b", "s_over_sqrt_s_plus_b", "asimov");
        var signalYield = new Option<double?>("--signal-yield") { Description = "Expected signal S before cuts (default: the test sample's signal weight)." };
        var backgroundYield = new Option<double?>("--background-yield") { Description = "Expected background B before cuts (default: the test sample's background weight)." };
        var uncertainty = new Option<double?>("--background-uncertainty")
        {
            Description = "Relative background uncertainty σB/B for the Asimov significance (default 0).",
        };
        var search = new Option<string?>("--cut-search") { Description = "Rectangular-cut search of Cuts methods: genetic or scan." };
        search.AcceptOnlyFromAmong("genetic", "scan");
        var command = new Command(
            "train",
            "Run a TMVA-style training job: book methods with TMVA option strings, train, test, evaluate (ROC integral, "
            + "signal efficiency at 1/10/30 % background, separation, significance, KS overtraining test, variable ranking) "
            + "and find the significance-optimised cuts; writes TMVA weight files, a ROOT file with TrainTree/TestTree and a JSON summary.");
        command.Arguments.Add(job);
        command.Options.Add(example);
        command.Options.Add(output);
        command.Options.Add(events);
        command.Options.Add(figure);
        command.Options.Add(signalYield);
        command.Options.Add(backgroundYield);
        command.Options.Add(uncertainty);
        command.Options.Add(search);
        command.SetAction(parse =>
        {
            string? path = parse.GetValue(job);
            bool useExample = parse.GetValue(example) || path is null;
            if (useExample && path is not null)
            {
                throw new CommandLineUsageException("give either a job file or --example, not both");
            }

            int exampleEvents = parse.GetValue(events);
            if (exampleEvents < 100)
            {
                throw new CommandLineUsageException($"--events must be at least 100; got {exampleEvents}");
            }

            TmvaJob definition;
            try
            {
                definition = useExample ? TmvaJob.Example(events: exampleEvents) : TmvaJob.Load(path!);
            }
            catch (ArgumentException error)
            {
                // Unknown or bad TMVA options (TmvaOptionException), unsupported method types, bad source names.
                throw new CommandLineUsageException(error.Message);
            }

            if (parse.GetValue(output) is string directory)
            {
                definition = definition with { OutputDirectory = directory };
            }

            definition = definition with
            {
                Significance = Override(
                    definition.Significance, parse.GetValue(figure), parse.GetValue(signalYield), parse.GetValue(backgroundYield),
                    parse.GetValue(uncertainty), parse.GetValue(search)),
            };
            return Run(definition, useExample, environment);
        });
        return command;
    }

    /// <summary>The job's significance block with the command-line options applied (any option creates the block).</summary>
    internal static TmvaJobSignificance? Override(
        TmvaJobSignificance? job, string? figure, double? signalYield, double? backgroundYield, double? uncertainty, string? search)
    {
        if (figure is null && signalYield is null && backgroundYield is null && uncertainty is null && search is null)
        {
            return job;
        }

        CheckYield(signalYield, "--signal-yield");
        CheckYield(backgroundYield, "--background-yield");
        CheckYield(uncertainty, "--background-uncertainty");
        TmvaJobSignificance start = job ?? new TmvaJobSignificance("asimov", null, null, 0, Genetic: true);
        return start with
        {
            Figure = figure ?? start.Figure,
            SignalYield = signalYield ?? start.SignalYield,
            BackgroundYield = backgroundYield ?? start.BackgroundYield,
            BackgroundUncertainty = uncertainty ?? start.BackgroundUncertainty,
            Genetic = search is null ? start.Genetic : search == "genetic",
        };
    }

    private static void CheckYield(double? value, string option)
    {
        if (value is double v && !(v >= 0 && double.IsFinite(v)))
        {
            throw new CommandLineUsageException($"{option} must be a finite number >= 0; got {v.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>HepMl.Physics' significance formulas by the job's names.</summary>
    internal static FigureOfMerit Figure(string name, double relativeBackgroundUncertainty) => name switch
    {
        "s_over_sqrt_b" => Significance.SignalOverSqrtBackground,
        "s_over_sqrt_s_plus_b" => Significance.SignalOverSqrtSignalPlusBackground,
        "asimov" when relativeBackgroundUncertainty > 0 => (s, b) => Significance.Asimov(s, b, relativeBackgroundUncertainty * b),
        "asimov" => Significance.Asimov,
        _ => throw new CommandLineUsageException($"unknown figure of merit '{name}'"),
    };

    private static int Run(TmvaJob job, bool example, CliEnvironment environment)
    {
        IAnsiConsole console = environment.Console;
        if (example)
        {
            console.MarkupLine("[bold]HepMl TMVA-style example[/]: generated H→bb-like signal and background "
                + $"({job.ExampleEvents} events each), {job.Methods.Count} methods, output in {Markup.Escape(job.OutputDirectory)}/");
        }

        TmvaJobResult result;
        try
        {
            result = environment.Interactive
                ? console.Progress()
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .Start(context =>
                    {
                        ProgressTask task = context.AddTask("preparing", maxValue: 1);
                        TmvaJobResult done = job.Run(Figure, new ProgressBar(task));
                        task.Value = 1;
                        return done;
                    })
                : job.Run(Figure, null);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            // Options only checked against the data (split counts larger than the sample, a class without events).
            throw new CommandLineUsageException(error.Message);
        }

        Print(result, console);
        return 0;
    }

    private static void Print(TmvaJobResult result, IAnsiConsole console)
    {
        TmvaTrainingReport report = result.Report;
        console.MarkupLine(
            $"Training events: {report.TrainingEvents.Signal} signal, {report.TrainingEvents.Background} background; "
            + $"test events: {report.TestEvents.Signal} signal, {report.TestEvents.Background} background");
        var ranking = new Table().Title("Input variables ranked by separation").AddColumn("rank").AddColumn("variable").AddColumn("separation");
        int rank = 1;
        foreach ((string variable, double separation) in report.InputRanking)
        {
            ranking.AddRow((rank++).ToString(CultureInfo.InvariantCulture), Markup.Escape(variable), F(separation, "0.0000"));
        }

        console.Write(ranking);

        var table = new Table().Title("Evaluation on the test sample")
            .AddColumn("method").AddColumn("ROC integral").AddColumn("εS@εB=0.01").AddColumn("εS@εB=0.10").AddColumn("εS@εB=0.30")
            .AddColumn("separation").AddColumn("significance").AddColumn("top variable");
        var overtraining = new Table().Title("Overtraining check: test (training) sample, Kolmogorov-Smirnov probabilities")
            .AddColumn("method").AddColumn("ROC integral").AddColumn("εS@εB=0.01").AddColumn("εS@εB=0.10").AddColumn("εS@εB=0.30")
            .AddColumn("KS signal").AddColumn("KS background");
        foreach (TmvaMethodEvaluation m in report.Methods)
        {
            table.AddRow(
                Markup.Escape(m.Title), F(m.RocIntegral), Efficiency(m.SignalEfficiencyAtBackground, 0), Efficiency(m.SignalEfficiencyAtBackground, 1),
                Efficiency(m.SignalEfficiencyAtBackground, 2), F(m.Separation), F(m.Significance),
                m.Ranking.Count > 0 ? Markup.Escape(m.Ranking[0].Variable) : "—");
            if (m.TrainingSignalEfficiencyAtBackground.Count > 0)
            {
                overtraining.AddRow(
                    Markup.Escape(m.Title), $"{F(m.RocIntegral)} ({F(m.TrainingRocIntegral)})", Both(m, 0), Both(m, 1), Both(m, 2),
                    F(m.KolmogorovSmirnovSignal), F(m.KolmogorovSmirnovBackground));
            }
        }

        console.Write(table);
        console.Write(overtraining);
        if (report.FigureOfMerit is not null)
        {
            var cuts = new Table()
                .Title($"Optimised cuts maximising {Markup.Escape(report.FigureOfMerit)} for S = {F(report.SignalYield, "0.##")}, B = {F(report.BackgroundYield, "0.##")} before cuts")
                .AddColumn("method").AddColumn("cut").AddColumn("εS").AddColumn("εB").AddColumn("S").AddColumn("B").AddColumn(Markup.Escape(report.FigureOfMerit));
            foreach (TmvaMethodEvaluation m in report.Methods)
            {
                if (m.OptimisedScoreCut is ScoreCut c)
                {
                    cuts.AddRow(Markup.Escape(m.Title), $"response ≥ {F(c.Threshold, "0.####")}", F(c.SignalEfficiency), F(c.BackgroundEfficiency, "0.#####"),
                        F(c.Signal, "0.##"), F(c.Background, "0.##"), F(c.FigureOfMerit, "0.###"));
                }
                else if (m.OptimisedRectangularCut is OptimisedCut r)
                {
                    cuts.AddRow(Markup.Escape(m.Title), Markup.Escape(report.DescribeWindow(r.Window)), F(r.SignalEfficiency), F(r.BackgroundEfficiency, "0.#####"),
                        F(r.Signal, "0.##"), F(r.Background, "0.##"), F(r.FigureOfMerit, "0.###"));
                }
            }

            console.Write(cuts);
            TmvaMethodEvaluation? best = report.Methods.Where(m => m.OptimisedScoreCut is not null).MaxBy(m => m.OptimisedScoreCut!.FigureOfMerit);
            if (best is not null)
            {
                ScoreCut c = best.OptimisedScoreCut!;
                console.MarkupLine(
                    $"[bold]Best cut[/]: {Markup.Escape(best.Title)} response ≥ {F(c.Threshold, "0.####")} keeps S = {F(c.Signal, "0.##")}, "
                    + $"B = {F(c.Background, "0.##")}: {Markup.Escape(report.FigureOfMerit)} = [bold]{F(c.FigureOfMerit, "0.###")}[/]");
            }
        }

        if (result.CrossValidation is { } folds)
        {
            var cv = new Table().Title("Cross-validation (ROC integral on held-out folds)").AddColumn("method").AddColumn("mean ± std").AddColumn("folds");
            foreach (TmvaCrossValidationResult r in folds)
            {
                cv.AddRow(Markup.Escape(r.Title), $"{F(r.MeanRocIntegral)} ± {F(r.StandardDeviation, "0.0000")}", string.Join(" ", r.FoldRocIntegrals.Select(v => F(v))));
            }

            console.Write(cv);
        }

        console.MarkupLine($"Weights: {Markup.Escape(string.Join(", ", report.Methods.Select(m => m.WeightFile)))}");
        console.MarkupLine($"Output: {Markup.Escape(result.OutputFile)} (TrainTree, TestTree); summary: {Markup.Escape(result.SummaryFile)}");
    }

    /// <summary>Moves a Spectre progress task with the job's reports (called on the training thread; tasks are thread-safe).</summary>
    private sealed class ProgressBar(ProgressTask task) : IProgress<TmvaProgress>
    {
        public void Report(TmvaProgress value)
        {
            task.Description = Markup.Escape(value.Message);
            task.Value = Math.Clamp(value.Fraction, 0, 1);
        }
    }

    private static string Efficiency(IReadOnlyList<double> values, int i) => i < values.Count ? F(values[i]) : "—";

    private static string Both(TmvaMethodEvaluation m, int i) =>
        $"{Efficiency(m.SignalEfficiencyAtBackground, i)} ({Efficiency(m.TrainingSignalEfficiencyAtBackground, i)})";

    private static string F(double value, string format = "0.000") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";
}
