namespace HepMl.Io;

/// <summary>
/// The bytes are well formed but use a feature, version, class or codec this reader does not implement.
/// Raised instead of guessing, so that an unsupported file never yields wrong numbers.
/// </summary>
public class UnsupportedFormatException : HepMlFormatException
{
    /// <summary>Creates the exception with its location.</summary>
    public UnsupportedFormatException(
        string problem,
        string? filePath = null,
        long offset = -1,
        string? objectPath = null,
        IReadOnlyList<string>? trail = null,
        Exception? innerException = null)
        : base(problem, filePath, offset, objectPath, trail, innerException)
    {
    }
}
