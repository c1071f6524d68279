using System.CommandLine;
using System.Globalization;
using HepMl.Tmva.Application;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
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

            CsvTable table = CsvTable.Load(inputPath);
            double[] responses;
            try
            {
                responses = TmvaApplication.Evaluate(file, table, workingPoint, threadCount);
            }
            catch (ArgumentException error) when (error is not TmvaVariableMismatchException)
            {
                throw new CommandLineUsageException(error.Message);
            }

            using (var writer = new StreamWriter(outputPath))
            {
                TmvaApplication.WriteCsv(table, file.MethodTitle, responses, writer);
            }

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
