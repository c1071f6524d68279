using System.CommandLine;
using System.Globalization;
using HepMl.Io.Csv;
using HepMl.Tmva.Application;
using HepMl.Tmva.Import;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using HepMl.Tmva.Writing;
using Spectre.Console;

namespace HepMl.Cli.Commands;

/// <summary><c>hepml tmva</c>: work with TMVA weight files (apply, inspect, convert). See docs/tmva.md.</summary>
internal static class TmvaCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("tmva", "Read, apply and convert TMVA weight files (*.weights.xml).");
        command.Subcommands.Add(CreateApply(environment));
        command.Subcommands.Add(CreateInspect(environment));
        command.Subcommands.Add(CreateConvert(environment));
        return command;
    }

    private static Command CreateConvert(CliEnvironment environment)
    {
        var model = new Argument<string>("model") { Description = "An XGBoost JSON model (Booster.save_model) or JSON dump (get_dump(dump_format='json'))." };
        var output = new Option<string>("--output", "-o") { Description = "The TMVA weight file to write.", Required = true };
        var title = new Option<string>("--title") { Description = "Method title in the file (BDT::TITLE).", DefaultValueFactory = _ => "BDTG" };
        var variables = new Option<string?>("--variables")
        {
            Description = "Comma-separated variable expressions in feature order (default: the model's feature names).",
        };
        var objective = new Option<string>("--objective")
        {
            Description = "For JSON dumps, which do not store it: the objective.",
            DefaultValueFactory = _ => "binary:logistic",
        };
        var baseScore = new Option<float>("--base-score")
        {
            Description = "For JSON dumps: the model's base_score.",
            DefaultValueFactory = _ => 0.5f,
        };
        var command = new Command(
            "convert",
            "Convert an XGBoost model into a TMVA BDT weight file (BoostType=Grad). Classification: TMVA's score is 2p-1 "
            + "with p XGBoost's probability. Regression: identical values. TMVA answers -999 for NaN inputs.");
        command.Arguments.Add(model);
        command.Options.Add(output);
        command.Options.Add(title);
        command.Options.Add(variables);
        command.Options.Add(objective);
        command.Options.Add(baseScore);
        command.SetAction(parse =>
        {
            string? names = parse.GetValue(variables);
            IReadOnlyList<string>? nameList = names?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var settings = new XgboostDumpSettings
            {
                Objective = parse.GetValue(objective)!,
                BaseScore = parse.GetValue(baseScore),
                FeatureNames = nameList,
            };
            XgboostModel xgboost = XgboostModel.Load(parse.GetValue(model)!, settings);
            if (nameList is not null && nameList.Count != xgboost.FeatureCount)
            {
                throw new CommandLineUsageException($"--variables names {nameList.Count} variables; the model has {xgboost.FeatureCount} features");
            }

            System.Xml.Linq.XDocument document;
            try
            {
                document = xgboost.ToTmvaWeightFile(parse.GetValue(title)!, nameList);
            }
            catch (NotSupportedException error)
            {
                throw new CommandLineUsageException(error.Message);
            }

            string path = parse.GetValue(output)!;
            TmvaWeightFileWriter.Save(document, path);
            environment.Console.MarkupLine(
                $"Wrote {Markup.Escape(path)}: {xgboost.Trees.Count} trees, {xgboost.FeatureCount} variables "
                + $"({Markup.Escape(string.Join(", ", nameList ?? xgboost.FeatureNames))}), objective {xgboost.Objective}");
            if (xgboost.IsLogistic)
            {
                environment.Console.MarkupLine("TMVA's response y relates to XGBoost's probability p by p = (y + 1) / 2.");
            }

            return 0;
        });
        return command;
    }

    private static Command CreateApply(CliEnvironment environment)
    {
        var weights = new Argument<string>("weights") { Description = "The TMVA weight file (*.weights.xml)." };
        var input = new Option<string>("--input", "-i")
        {
            Description = "Events to evaluate: a CSV file whose header names the variables (FILE[:TREE] for ROOT/HDF5 once supported).",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write the input columns plus one column named after the method (CSV).",
            Required = true,
        };
        var efficiency = new Option<double?>("--signal-efficiency")
        {
            Description = "Working point of a Cuts method: the signal efficiency in (0, 1] (TMVA's EvaluateMVA aux).",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads for the evaluation.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("apply", "Evaluate a TMVA weight file on every event of a table, exactly as TMVA::Reader does.");
        command.Arguments.Add(weights);
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(efficiency);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            string inputPath = parse.GetValue(input)!;
            string outputPath = parse.GetValue(output)!;
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                throw new CommandLineUsageException($"--threads must be at least 1; got {threadCount}");
            }

            if (!inputPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                throw new CommandLineUsageException(
                    $"--input {inputPath}: only CSV input is supported so far (ROOT trees and HDF5 come with their readers)");
            }

            if (!outputPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                throw new CommandLineUsageException($"--output {outputPath}: only CSV output is supported so far");
            }

            TmvaWeightFile file = TmvaWeightFile.Load(parse.GetValue(weights)!);
            double? workingPoint = parse.GetValue(efficiency);
            if (file.MethodType != "Cuts" && workingPoint is not null)
            {
                throw new CommandLineUsageException(
                    $"--signal-efficiency only applies to Cuts methods; {file.MethodType}::{file.MethodTitle} is not one");
            }

            CsvTable table = TmvaApplication.ReadCsv(inputPath);
            double[] responses;
            try
            {
                responses = TmvaApplication.Evaluate(file, table, workingPoint, threadCount, inputPath);
            }
            catch (ArgumentException error) when (error is not TmvaVariableMismatchException)
            {
                throw new CommandLineUsageException(error.Message);
            }

            TmvaApplication.WriteCsv(table, file.MethodTitle, responses, outputPath);

            int nan = responses.Count(r => r == TmvaBookedMethod.NaNResponse);
            environment.Console.MarkupLine(
                $"Evaluated [bold]{Markup.Escape(file.MethodType)}::{Markup.Escape(file.MethodTitle)}[/] on {table.RowCount} events → "
                + $"{Markup.Escape(outputPath)}" + (nan > 0 ? $" ({nan} with NaN inputs got -999)" : ""));
            return 0;
        });
        return command;
    }

    private static Command CreateInspect(CliEnvironment environment)
    {
        var weights = new Argument<string>("weights") { Description = "The TMVA weight file (*.weights.xml)." };
        var command = new Command("inspect", "Show a weight file's method, releases, variables, transformations and options.");
        command.Arguments.Add(weights);
        command.SetAction(parse =>
        {
            TmvaWeightFile file = TmvaWeightFile.Load(parse.GetValue(weights)!);
            IAnsiConsole console = environment.Console;
            console.MarkupLine($"[bold]{Markup.Escape(file.MethodType)}::{Markup.Escape(file.MethodTitle)}[/] ({file.AnalysisType})");
            console.MarkupLine($"TMVA {Markup.Escape(file.TmvaRelease)}, ROOT {Markup.Escape(file.RootRelease)}");
            var table = new Table().AddColumn("#").AddColumn("expression").AddColumn("label").AddColumn("type").AddColumn("min").AddColumn("max");
            foreach (TmvaVariableInfo v in file.Variables)
            {
                table.AddRow(
                    v.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(v.Expression), Markup.Escape(v.Label), v.Type.ToString(),
                    v.Minimum.ToString("G6", CultureInfo.InvariantCulture), v.Maximum.ToString("G6", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            console.MarkupLine($"spectators: {file.Spectators.Count}, classes: {Markup.Escape(string.Join(", ", file.ClassNames))}");
            console.MarkupLine($"transformations: {Markup.Escape(file.TransformationNames.Count == 0 ? "none" : string.Join(" → ", file.TransformationNames))}");
            console.MarkupLine("options set at training: " + Markup.Escape(string.Join(":", file.Options.All.Where(o => o.Modified).Select(o => $"{o.Name}={o.Value}"))));
            TmvaReader.Create(file);
            console.MarkupLine("[green]the method loads and can be evaluated[/]");
            return 0;
        });
        return command;
    }
}
