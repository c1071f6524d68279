using Spectre.Console;

namespace HepMl.Samples.Common;

/// <summary>The console the samples write to: colours and progress bars only when a person is watching.</summary>
internal static class SampleConsole
{
    /// <summary>A console on standard output; plain text, 120 columns wide, when the output is redirected.</summary>
    public static IAnsiConsole FromSystemConsole() =>
        Console.IsOutputRedirected
            ? Plain(Console.Out)
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    /// <summary>A plain console writing to <paramref name="writer"/> (tests, logs).</summary>
    public static IAnsiConsole Plain(TextWriter writer, int width = 120)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
