namespace HepMl.Cli;

/// <summary>An option or argument value is invalid; the message names the option and says what is accepted.</summary>
public sealed class CommandLineUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CommandLineUsageException(string message)
        : base(message)
    {
    }
}
