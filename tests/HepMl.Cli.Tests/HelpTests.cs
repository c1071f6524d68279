using NUnit.Framework;

namespace HepMl.Cli.Tests;

public class HelpTests
{
    [Test]
    public void Help_ListsCommands()
    {
        (int code, string output, _) = CliRunner.Run("--help");

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("info"));
    }

    [Test]
    public void UnknownCommand_IsAUsageError()
    {
        (int code, _, string error) = CliRunner.Run("no-such-command");

        Assert.That(code, Is.EqualTo(HepMl.Cli.HepMlCommandLine.UsageErrorExitCode));
        Assert.That(error, Does.Contain("no-such-command"));
    }

    [Test]
    public void Info_PrintsRuntimeAndCores()
    {
        (int code, string output, _) = CliRunner.Run("info");

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain($"cores {Environment.ProcessorCount}"));
    }
}
