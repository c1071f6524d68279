using System.CommandLine;
using HepMl.Io.Compression;
using HepMl.Io.Conversion;
using Spectre.Console;

namespace HepMl.Cli.Commands;

/// <summary>
/// <c>hepml convert IN[:OBJECT] OUT [--branches GLOB] [--entries A:B] [--compression zlib:4|lz4:4|zstd:5|none]</c>:
/// converts an event table between ROOT trees, HDF5 groups of datasets and CSV, streaming block by block.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var input = new Argument<string>("IN") { Description = "Input file, optionally with the tree (ROOT) or group/dataset (HDF5): events.root:Events, jets.h5:/jets." };
        var output = new Argument<string>("OUT") { Description = "Output file; the extension picks the format: .root, .h5 (.hdf5), .csv." };
        var branches = new Option<string?>("--branches") { Description = "Only columns whose name matches this glob (* ? [abc]; several separated by commas)." };
        var entries = new Option<string?>("--entries") { Description = "Entry range A:B (half-open; A: or :B allowed)." };
        var compression = new Option<string>("--compression")
        {
            Description = "ROOT: zlib:LEVEL (default zlib:1), lz4:LEVEL, zstd:LEVEL or none. HDF5: zlib:LEVEL (deflate + shuffle) or none.",
            DefaultValueFactory = _ => "zlib:1",
        };
        var command = new Command("convert", "Convert an event table between ROOT, HDF5 and CSV, streaming in blocks.")
        {
            input,
            output,
            branches,
            entries,
            compression,
        };
        command.SetAction(parse =>
        {
            (string inputPath, string? objectPath) = SplitObject(parse.GetValue(input)!);
            (long start, long? stop) = DescribeCommand.ParseEntries(parse.GetValue(entries));
            RootCompression codec;
            try
            {
                codec = RootCompression.Parse(parse.GetValue(compression)!);
            }
            catch (ArgumentException error)
            {
                throw new CommandLineUsageException("--compression: " + error.Message);
            }

            var request = new ConversionRequest(inputPath, objectPath, parse.GetValue(output)!)
            {
                ColumnGlob = parse.GetValue(branches),
                EntryStart = start,
                EntryStop = stop,
                Compression = codec,
            };
            ConversionResult result;
            try
            {
                result = Run(environment, request);
            }
            catch (ArgumentException error)
            {
                throw new CommandLineUsageException(error.Message);
            }

            environment.Output.WriteLine(
                $"wrote {result.Entries:N0} entries of {result.Columns.Count} columns ({result.InputFormat} {result.TableName} -> {result.OutputFormat} {request.Output})");
            foreach ((string name, string reason) in result.Skipped)
            {
                environment.Error.WriteLine($"left out {name}: {reason}");
            }

            return 0;
        });
        return command;
    }

    private static ConversionResult Run(CliEnvironment environment, ConversionRequest request)
    {
            ConversionResult result;
            if (environment.Interactive)
            {
                result = environment.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(context =>
                    {
                        ProgressTask task = context.AddTask("converting", maxValue: 1);
                        return TableConverter.Convert(request, (done, total) =>
                        {
                            if (total > 0)
                            {
                                task.MaxValue = total;
                                task.Value = done;
                            }
                            else
                            {
                                task.IsIndeterminate = true;
                                task.Description = $"converting ({done:N0} entries)";
                            }
                        });
                    });
            }
            else
            {
                result = TableConverter.Convert(request);
            }

            return result;
    }

    /// <summary>Splits <c>FILE:OBJECT</c>; a colon that is part of an existing path (or a drive letter) stays in the file name.</summary>
    internal static (string File, string? Object) SplitObject(string text)
    {
        if (File.Exists(text))
        {
            return (text, null);
        }

        int colon = text.LastIndexOf(':');
        if (colon > 1 && File.Exists(text[..colon]))
        {
            string target = text[(colon + 1)..];
            return (text[..colon], target.Length == 0 ? null : target);
        }

        return (text, null);
    }
}
