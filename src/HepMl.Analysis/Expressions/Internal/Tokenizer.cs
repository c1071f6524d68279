using System.Globalization;

namespace HepMl.Analysis.Expressions.Internal;

/// <summary>Splits an expression into tokens; see docs/expressions.md for the lexical rules.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(ReadIdentifier(text, ref i));
                continue;
            }

            if (c == '`')
            {
                int close = text.IndexOf('`', i + 1);
                if (close < 0)
                {
                    throw new ExpressionException("expected a closing '`' for the quoted name, found the end of the expression", text, text.Length);
                }

                if (close == i + 1)
                {
                    throw new ExpressionException("expected a name between the quotes '``', found nothing", text, i);
                }

                tokens.Add(new Token(TokenKind.Identifier, text[(i + 1)..close], start));
                i = close + 1;
                continue;
            }

            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            (TokenKind kind, int length) = (c, next) switch
            {
                ('(', _) => (TokenKind.LeftParenthesis, 1),
                (')', _) => (TokenKind.RightParenthesis, 1),
                (',', _) => (TokenKind.Comma, 1),
                ('+', _) => (TokenKind.Plus, 1),
                ('-', _) => (TokenKind.Minus, 1),
                ('*', '*') => (TokenKind.Power, 2),
                ('*', _) => (TokenKind.Star, 1),
                ('/', _) => (TokenKind.Slash, 1),
                ('%', _) => (TokenKind.Percent, 1),
                ('^', _) => (TokenKind.Power, 1),
                ('<', '=') => (TokenKind.LessOrEqual, 2),
                ('<', _) => (TokenKind.Less, 1),
                ('>', '=') => (TokenKind.GreaterOrEqual, 2),
                ('>', _) => (TokenKind.Greater, 1),
                ('=', '=') => (TokenKind.Equal, 2),
                ('!', '=') => (TokenKind.NotEqual, 2),
                ('!', _) => (TokenKind.Not, 1),
                ('&', '&') => (TokenKind.And, 2),
                ('|', '|') => (TokenKind.Or, 2),
                ('?', _) => (TokenKind.Question, 1),
                (':', _) => (TokenKind.Colon, 1),
                _ => (TokenKind.End, 0),
            };
            if (length == 0)
            {
                string hint = c switch
                {
                    '=' => "; write '==' to compare",
                    '&' => "; write '&&' for a logical and",
                    '|' => "; write '||' for a logical or",
                    _ => string.Empty,
                };
                throw new ExpressionException($"expected an operator, a number or a name, found '{c}'{hint}", text, i);
            }

            tokens.Add(new Token(kind, text.Substring(i, length), start));
            i += length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int exponent = i + 1;
            if (exponent < text.Length && (text[exponent] == '+' || text[exponent] == '-'))
            {
                exponent++;
            }

            if (exponent >= text.Length || !char.IsAsciiDigit(text[exponent]))
            {
                throw new ExpressionException("expected digits after the exponent 'e' of a number", text, exponent);
            }

            i = exponent;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        string literal = text[start..i];

        // C++ float literals such as 20.f or 2.5F appear in TMVA cut strings.
        if (i < text.Length && (text[i] == 'f' || text[i] == 'F') && (i + 1 >= text.Length || !IsIdentifierPart(text[i + 1])))
        {
            i++;
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            throw new ExpressionException($"expected an operator after the number '{literal}', found '{text[i]}'", text, i);
        }

        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Token(TokenKind.Number, text[start..i], start, value);
    }

    private static Token ReadIdentifier(string text, ref int i)
    {
        int start = i;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsIdentifierPart(c))
            {
                i++;
            }
            else if (c == ':' && i + 2 < text.Length && text[i + 1] == ':' && (char.IsAsciiLetter(text[i + 2]) || text[i + 2] == '_'))
            {
                i += 2; // namespace prefix such as TMath::Abs or std::abs
            }
            else if (c == '.' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                i++; // member-style branch names such as jet.pt
            }
            else if (c == '[')
            {
                // Indexed leaf names such as jet_pt[0] name a column of their own.
                int close = i + 1;
                while (close < text.Length && char.IsAsciiDigit(text[close]))
                {
                    close++;
                }

                if (close == i + 1 || close >= text.Length || text[close] != ']')
                {
                    throw new ExpressionException("expected a non-negative integer index and ']' after '['", text, close < text.Length ? close : text.Length);
                }

                i = close + 1;
            }
            else
            {
                break;
            }
        }

        return new Token(TokenKind.Identifier, text[start..i], start);
    }

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
