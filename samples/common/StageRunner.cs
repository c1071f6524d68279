using System.Diagnostics;
using Spectre.Console;

namespace HepMl.Samples.Common;

/// <summary>
/// Runs the stages of the analysis with a Spectre.Console progress bar when a person is watching, or one line per
/// stage otherwise, and prints each stage's wall-clock time.
/// </summary>
internal sealed class StageRunner
{
    private readonly IAnsiConsole _console;
    private readonly bool _showProgress;

    /// <summary>Creates a runner writing to <paramref name="console"/>.</summary>
    public StageRunner(IAnsiConsole console, bool showProgress)
    {
        _console = console;
        _showProgress = showProgress && console.Profile.Capabilities.Interactive;
    }

    /// <summary>True when progress bars are drawn.</summary>
    public bool ShowsProgress => _showProgress;

    /// <summary>The console.</summary>
    public IAnsiConsole Console => _console;

    /// <summary>Runs <paramref name="work"/>, which reports steps done out of <paramref name="total"/>.</summary>
    public T Run<T>(string title, double total, Func<IProgress<double>, T> work)
    {
        var clock = Stopwatch.StartNew();
        T result;
        if (_showProgress)
        {
            result = _console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context => work(new TaskProgress(context.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1)))));
        }
        else
        {
            _console.WriteLine($"{title} ...");
            result = work(new TaskProgress(null));
        }

        _console.MarkupLine($"[grey]{Markup.Escape(title)}: {clock.Elapsed.TotalSeconds:F1} s[/]");
        return result;
    }

    /// <summary>Runs <paramref name="work"/> that draws its own progress (neural-network training).</summary>
    public T RunUnwrapped<T>(string title, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        _console.WriteLine($"{title} ...");
        T result = work();
        _console.MarkupLine($"[grey]{Markup.Escape(title)}: {clock.Elapsed.TotalSeconds:F1} s[/]");
        return result;
    }

    /// <summary>Adds reported steps to a progress task (thread-safe: Spectre locks the task).</summary>
    private sealed class TaskProgress(ProgressTask? task) : IProgress<double>
    {
        public void Report(double value) => task?.Increment(value);
    }
}
