namespace HepMl.Tmva.Factory;

/// <summary>
/// A TMVA option string (or a YAML option) holds an option the method does not declare, a value outside the
/// accepted ones, or a value HepMl's trainer cannot honour. The message names the option and what is accepted.
/// </summary>
public sealed class TmvaOptionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public TmvaOptionException(string context, string option, string problem)
        : base($"{context}: option '{option}' {problem}")
    {
        Context = context;
        Option = option;
    }

    /// <summary>Where the option was given (method, data-loader split, ...).</summary>
    public string Context { get; }

    /// <summary>The option name.</summary>
    public string Option { get; }
}
