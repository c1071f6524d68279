namespace HepMl.Analysis.Expressions;

/// <summary>
/// An expression could not be parsed or bound: the message says what was expected, what was found, and where
/// (a 1-based column and a caret under the offending character).
/// </summary>
public sealed class ExpressionException : FormatException
{
    /// <summary>Creates the exception for <paramref name="expression"/> with the problem at <paramref name="position"/>.</summary>
    /// <param name="problem">What was expected and what was found.</param>
    /// <param name="expression">The whole expression text.</param>
    /// <param name="position">0-based character offset of the problem (may equal the length: the end).</param>
    /// <param name="innerException">The cause, if any.</param>
    public ExpressionException(string problem, string expression, int position, Exception? innerException = null)
        : base(Format(problem, expression, position), innerException)
    {
        Problem = problem;
        Expression = expression;
        Position = position;
    }

    /// <summary>What went wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The expression text.</summary>
    public string Expression { get; }

    /// <summary>0-based character offset of the problem; equal to the text length when the expression ended early.</summary>
    public int Position { get; }

    /// <summary>1-based column of the problem, as printed in the message.</summary>
    public int Column => Position + 1;

    private static string Format(string problem, string expression, int position) =>
        $"{problem} at column {position + 1} of expression '{expression}'{Environment.NewLine}" +
        $"  {expression}{Environment.NewLine}  {new string(' ', Math.Clamp(position, 0, expression.Length))}^";
}
