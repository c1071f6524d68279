namespace HepMl.Analysis.Expressions.Internal;

/// <summary>One lexical token: its kind, its text and where it starts.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Value = 0)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.Number => $"number '{Text}'",
        TokenKind.Identifier => $"name '{Text}'",
        _ => $"'{Text}'",
    };
}
