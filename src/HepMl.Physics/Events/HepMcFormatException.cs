namespace HepMl.Physics.Events;

/// <summary>
/// A HepMC3 ASCII file that does not follow the format: the message states what was expected and what was found,
/// then the file and line. (HepMl.Physics references no other HepMl assembly, so this mirrors HepMl.Io.s
/// <c>HepMlFormatException</c> for text files, deriving from <see cref="IOException"/> like it.)
/// </summary>
public sealed class HepMcFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    public HepMcFormatException(string message, string filePath, long lineNumber, string? line = null, Exception? inner = null)
        : base($"{message}\n  in file {filePath} at line {lineNumber}" + (line is null ? "" : $": \"{Truncate(line)}\""), inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>The file (or the name given for a stream).</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line number (0 when the problem is the end of the file).</summary>
    public long LineNumber { get; }

    private static string Truncate(string line) => line.Length <= 120 ? line : line[..117] + "...";
}
