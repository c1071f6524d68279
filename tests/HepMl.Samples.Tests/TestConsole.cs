using Spectre.Console;

namespace HepMl.Samples.Tests;

/// <summary>A plain, non-interactive console that records what a sample prints.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _writer = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 400;
    }

    /// <summary>The console to hand to the sample.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Everything printed so far.</summary>
    public string Text => _writer.ToString();
}
