using System.CommandLine;
using HepMl.Cli.Inspection;
using HepMl.Io.Inspection;

namespace HepMl.Cli.Commands;

/// <summary><c>hepml ls FILE</c>: directories, keys (name, class, cycle), tables with entry counts, columns with types.</summary>
internal static class LsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "A ROOT file (HDF5 when its reader is installed)." };
        var command = new Command("ls", "List the directories and objects of a file, trees with entry counts and branches with types.")
        {
            file,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            FileListing listing = FileInspectors.ForFile(path).List(path);
            ListingPrinter.Print(listing, environment.Output);
            return 0;
        });
        return command;
    }
}
