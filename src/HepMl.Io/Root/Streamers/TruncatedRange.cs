using System.Globalization;

namespace HepMl.Io.Root.Streamers;

/// <summary>
/// How a Double32_t or Float16_t value is packed, from the <c>[low, high, bits]</c> spec at the start of the member
/// or leaf title (ROOT: <c>TStreamerElement::GetRange</c>, <c>TBufferFile::ReadDouble32</c>/<c>ReadFloat16</c>).
/// Without brackets a Double32_t is a float32 on disk and a Float16_t keeps 12 mantissa bits; with low = high = 0
/// the value keeps <see cref="Bits"/> mantissa bits (truncated float); otherwise it is an unsigned
/// <see cref="Bits"/>-bit integer scaled onto [low, high].
/// </summary>
internal readonly record struct TruncatedRange(bool HasBrackets, double Low, double High, int Bits)
{
    /// <summary>True when values are stored as exponent + truncated mantissa (3 bytes).</summary>
    public bool IsTruncatedMantissa => HasBrackets && Low == 0 && High == 0;

    /// <summary>Parses the title; constants <c>pi</c> and <c>twopi</c> and + - * / are understood (as uproot does).</summary>
    public static TruncatedRange Parse(string title)
    {
        int left = title.IndexOf('[', StringComparison.Ordinal);
        int right = left < 0 ? -1 : title.IndexOf(']', left);
        if (left < 0 || right < 0)
        {
            return default;
        }

        string[] parts = title.Substring(left + 1, right - left - 1).Split(',');
        if (parts.Length is < 2 or > 3)
        {
            return default;
        }

        if (!ExpressionParser.TryEvaluate(parts[0], out double low) || !ExpressionParser.TryEvaluate(parts[1], out double high))
        {
            return default;
        }

        int bits = 32;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out bits))
            {
                return default;
            }

            if (bits is < 2 or > 32)
            {
                bits = 32;
            }
        }

        return new TruncatedRange(true, low, high, bits);
    }

    /// <summary>A tiny recursive-descent evaluator for the range expressions.</summary>
    private ref struct ExpressionParser
    {
        private readonly ReadOnlySpan<char> _text;
        private int _position;

        private ExpressionParser(ReadOnlySpan<char> text)
        {
            _text = text;
            _position = 0;
        }

        public static bool TryEvaluate(string text, out double value)
        {
            var parser = new ExpressionParser(text.AsSpan());
            try
            {
                value = parser.Sum();
                parser.SkipSpaces();
                return parser._position == parser._text.Length && double.IsFinite(value);
            }
            catch (FormatException)
            {
                value = 0;
                return false;
            }
        }

        private void SkipSpaces()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        private double Sum()
        {
            double value = Product();
            while (true)
            {
                SkipSpaces();
                if (_position < _text.Length && _text[_position] is '+' or '-')
                {
                    char op = _text[_position++];
                    double right = Product();
                    value = op == '+' ? value + right : value - right;
                }
                else
                {
                    return value;
                }
            }
        }

        private double Product()
        {
            double value = Unary();
            while (true)
            {
                SkipSpaces();
                if (_position < _text.Length && _text[_position] is '*' or '/')
                {
                    char op = _text[_position++];
                    double right = Unary();
                    value = op == '*' ? value * right : value / right;
                }
                else
                {
                    return value;
                }
            }
        }

        private double Unary()
        {
            SkipSpaces();
            if (_position < _text.Length && _text[_position] == '-')
            {
                _position++;
                return -Unary();
            }

            if (_position < _text.Length && _text[_position] == '+')
            {
                _position++;
                return Unary();
            }

            if (_position < _text.Length && _text[_position] == '(')
            {
                _position++;
                double inner = Sum();
                SkipSpaces();
                if (_position >= _text.Length || _text[_position] != ')')
                {
                    throw new FormatException();
                }

                _position++;
                return inner;
            }

            int start = _position;
            if (_position < _text.Length && char.IsLetter(_text[_position]))
            {
                while (_position < _text.Length && char.IsLetterOrDigit(_text[_position]))
                {
                    _position++;
                }

                string name = _text[start.._position].ToString().ToLowerInvariant();
                return name switch
                {
                    "pi" => Math.PI,
                    "twopi" => 2 * Math.PI,
                    _ => throw new FormatException(),
                };
            }

            while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '.' or 'e' or 'E'
                       || (_text[_position] is '+' or '-' && _position > start && _text[_position - 1] is 'e' or 'E')))
            {
                _position++;
            }

            if (!double.TryParse(_text[start.._position], NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                throw new FormatException();
            }

            return number;
        }
    }
}
