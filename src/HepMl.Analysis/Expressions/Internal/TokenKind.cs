namespace HepMl.Analysis.Expressions.Internal;

internal enum TokenKind
{
    Number,
    Identifier,
    LeftParenthesis,
    RightParenthesis,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Power,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,
    Question,
    Colon,
    End,
}
