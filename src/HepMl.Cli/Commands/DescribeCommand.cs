using System.CommandLine;
using System.Globalization;
using HepMl.Cli.Inspection;
using HepMl.Io.Inspection;
using Spectre.Console;

namespace HepMl.Cli.Commands;

/// <summary>
/// <c>hepml describe FILE [OBJECT] [--json] [--branches GLOB] [--entries A:B]</c>: per column the type, entries,
/// element count, sum, min, max and first entries; per histogram the bins, range, stored sum and entries.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "A ROOT or HDF5 file." };
        var target = new Argument<string?>("OBJECT")
        {
            Description = "A tree, histogram or directory (ROOT), or a group or dataset (HDF5) inside the file (default: everything).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of tables." };
        var branches = new Option<string?>("--branches") { Description = "Only branches whose name or path matches this glob (* ? [abc])." };
        var entries = new Option<string?>("--entries") { Description = "Entry range A:B (half-open; A: or :B allowed), clipped to the tree." };
        var command = new Command("describe", "Summarise every branch (type, entries, count, sum, min, max, first entries) and histogram of a file.")
        {
            file,
            target,
            json,
            branches,
            entries,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            (long start, long? stop) = ParseEntries(parse.GetValue(entries));
            IFileInspector inspector = FileInspectors.ForFile(path);
            var options = new DescribeOptions(parse.GetValue(target), parse.GetValue(branches), start, stop);
            FileDescription description = environment.Interactive
                ? environment.Console.Status().Start("reading", context =>
                    inspector.Describe(path, options with { Progress = what => context.Status(Markup.Escape(what)) }))
                : inspector.Describe(path, options);
            if (parse.GetValue(json))
            {
                environment.Output.WriteLine(DescriptionJsonWriter.ToJson(description));
            }
            else
            {
                DescriptionPrinter.Print(description, environment.Output);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Parses <c>A:B</c>, <c>A:</c>, <c>:B</c> (half-open, non-negative).</summary>
    internal static (long Start, long? Stop) ParseEntries(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (0, null);
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new CommandLineUsageException($"--entries '{text}' must be A:B, A: or :B (a half-open entry range)");
        }

        long start = 0;
        long? stop = null;
        string first = text[..colon].Trim();
        string second = text[(colon + 1)..].Trim();
        if (first.Length > 0 && !long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            throw new CommandLineUsageException($"--entries '{text}': the start '{first}' is not a non-negative integer");
        }

        if (second.Length > 0)
        {
            if (!long.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
            {
                throw new CommandLineUsageException($"--entries '{text}': the stop '{second}' is not a non-negative integer");
            }

            stop = parsed;
        }

        if (stop < start)
        {
            throw new CommandLineUsageException($"--entries '{text}': the stop is before the start");
        }

        return (start, stop);
    }
}
