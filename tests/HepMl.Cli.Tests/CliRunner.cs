using HepMl.Cli;

namespace HepMl.Cli.Tests;

/// <summary>Runs <c>hepml</c> in process on in-memory writers.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = HepMlCommandLine.Run(args, new CliEnvironment(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }
}
