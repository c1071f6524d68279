using System.CommandLine;

namespace HepMl.Cli;

/// <summary>Every top-level <c>hepml</c> command, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliEnvironment environment)
    {
        yield return Commands.InfoCommand.Create(environment);
        yield return Commands.LsCommand.Create(environment);
        yield return Commands.DescribeCommand.Create(environment);
        yield return Commands.ConvertCommand.Create(environment);
        yield return Commands.TmvaCommand.Create(environment);
    }
}
