using System.CommandLine;
using HepMl.Io;
using Spectre.Console;

namespace HepMl.Samples.Common;

/// <summary>Runs a sample's parsed command line and maps its failures onto exit codes and one red line each.</summary>
internal static class SampleCommandLine
{
    /// <summary>Exit code for bad input data (missing file, wrong layout).</summary>
    public const int DataErrorExitCode = 2;

    /// <summary>Exit code for a bad command line or an out-of-range setting.</summary>
    public const int UsageErrorExitCode = 64;

    /// <summary>Parses <paramref name="args"/> with <paramref name="root"/> and invokes its action.</summary>
    /// <param name="root">The sample's command, with its action set.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="console">Where errors are printed.</param>
    /// <param name="tool">The tool's name, which starts every error line.</param>
    public static int Invoke(RootCommand root, string[] args, IAnsiConsole console, string tool)
    {
        ParseResult result = root.Parse(args);
        try
        {
            int code = result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return result.Errors.Count > 0 ? UsageErrorExitCode : code;
        }
        catch (ArgumentOutOfRangeException error)
        {
            console.MarkupLineInterpolated($"[red]{tool}: {error.Message}[/]");
            return UsageErrorExitCode;
        }
        catch (Exception error) when (error is HepMlFormatException or ObjectNotFoundException or FileNotFoundException or InvalidCastException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]{tool}: {error.GetType().Name}: {error.Message}[/]");
            return DataErrorExitCode;
        }
    }
}
