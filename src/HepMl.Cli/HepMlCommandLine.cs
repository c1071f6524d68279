using System.CommandLine;
using HepMl.Io;

namespace HepMl.Cli;

/// <summary>Builds the <c>hepml</c> command tree and runs it.</summary>
public static class HepMlCommandLine
{
    /// <summary>Exit code when the input data are bad (corrupt file, missing object).</summary>
    public const int DataErrorExitCode = 2;

    /// <summary>Exit code when the command line is bad.</summary>
    public const int UsageErrorExitCode = 64;

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        RootCommand root = Build(environment);
        ParseResult parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            int code = parse.Invoke(configuration);
            return parse.Errors.Count > 0 ? UsageErrorExitCode : code;
        }
        catch (Exception error) when (error is HepMlFormatException or ObjectNotFoundException or FileNotFoundException
                                          or DirectoryNotFoundException)
        {
            environment.Error.WriteLine($"hepml: {error.GetType().Name}: {error.Message}");
            return DataErrorExitCode;
        }
        catch (CommandLineUsageException error)
        {
            environment.Error.WriteLine($"hepml: {error.Message}");
            return UsageErrorExitCode;
        }
    }

    /// <summary>The command tree.</summary>
    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand(
            "HepMl: machine learning for high-energy physics. Reads ROOT and HDF5, trains and evaluates models, "
            + "replaces TMVA.");
        foreach (Command command in CommandCatalog.Create(environment))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
