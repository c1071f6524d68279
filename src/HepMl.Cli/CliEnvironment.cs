using Spectre.Console;

namespace HepMl.Cli;

/// <summary>
/// Where a command writes: a Spectre console for human output (tables, progress bars) and plain writers for
/// machine output (JSON) and errors. Tests inject in-memory writers.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Creates an environment writing to the given writers; progress bars are off when not interactive.</summary>
    public CliEnvironment(TextWriter output, TextWriter error, bool interactive, int consoleWidth = 120)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!interactive)
        {
            Console.Profile.Width = consoleWidth;
        }
    }

    /// <summary>Human-readable output.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Machine-readable output (JSON, CSV).</summary>
    public TextWriter Output { get; }

    /// <summary>Error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>True when a person is watching (progress bars are drawn).</summary>
    public bool Interactive { get; }

    /// <summary>The process console.</summary>
    public static CliEnvironment FromSystemConsole() =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected);
}
