using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
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
        if (result.Errors.Count > 0)
        {
            // Parse errors name the option or token themselves; print them on the sample's console, not stderr.
            foreach (ParseError parseError in result.Errors)
            {
                console.MarkupLineInterpolated($"[red]{tool}: {parseError.Message}[/]");
            }

            return UsageErrorExitCode;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentOutOfRangeException error)
        {
            string? option = OptionOf(root, error.ParamName);
            console.MarkupLineInterpolated($"[red]{tool}: {(option is null ? string.Empty : option + ": ")}{error.Message}[/]");
            return UsageErrorExitCode;
        }
        catch (Exception error) when (error is HepMlFormatException or ObjectNotFoundException or FileNotFoundException or InvalidCastException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]{tool}: {error.GetType().Name}: {error.Message}[/]");
            return DataErrorExitCode;
        }
    }

    /// <summary>The option a settings property is read from (<c>BatchSize</c> → <c>--batch-size</c>), if there is one.</summary>
    private static string? OptionOf(RootCommand root, string? property)
    {
        if (string.IsNullOrEmpty(property))
        {
            return null;
        }

        var name = new StringBuilder("--");
        for (int i = 0; i < property.Length; i++)
        {
            if (char.IsUpper(property[i]) && i > 0)
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(property[i]));
        }

        string candidate = name.ToString();
        return root.Options.Any(option => option.Name == candidate) ? candidate : null;
    }
}
