namespace HepMl.Analysis.Expressions.Internal;

/// <summary>
/// Recursive-descent parser with C precedence (low to high): <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>,
/// <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>+ -</c>, <c>* / %</c>, unary <c>- + !</c>, then <c>^</c>/<c>**</c>
/// (power, right-associative, as in ROOT's TFormula). Sub-expressions of constants are folded.
/// </summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<string> _variables = [];
    private readonly List<int> _variablePositions = [];
    private int _next;

    private Parser(string text)
    {
        _text = text;
        _tokens = Tokenizer.Tokenize(text);
    }

    public static (ExpressionNode Root, IReadOnlyList<string> Variables, IReadOnlyList<int> VariablePositions) Parse(string text)
    {
        var parser = new Parser(text);
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new ExpressionException("expected an expression, found nothing", text, 0);
        }

        ExpressionNode root = parser.ParseConditional();
        Token trailing = parser.Peek;
        if (trailing.Kind != TokenKind.End)
        {
            string problem = trailing.Kind == TokenKind.RightParenthesis
                ? "found ')' without a matching '('"
                : $"expected an operator or the end of the expression, found {trailing.Describe()}";
            throw parser.Error(problem, trailing.Position);
        }

        return (root, parser._variables, parser._variablePositions);
    }

    private Token Peek => _tokens[_next];

    private Token Advance() => _tokens[_next++];

    private ExpressionNode ParseConditional()
    {
        ExpressionNode condition = ParseOr();
        if (Peek.Kind != TokenKind.Question)
        {
            return condition;
        }

        Advance();
        ExpressionNode whenTrue = ParseConditional();
        Expect(TokenKind.Colon, "':' of the conditional '?:'");
        ExpressionNode whenFalse = ParseConditional();
        return Fold(new ConditionalNode(condition, whenTrue, whenFalse, condition.Position), condition, whenTrue, whenFalse);
    }

    private ExpressionNode ParseOr()
    {
        ExpressionNode left = ParseAnd();
        while (Peek.Kind == TokenKind.Or)
        {
            Advance();
            ExpressionNode right = ParseAnd();
            left = Fold(new BinaryNode(BinaryOperator.Or, left, right, left.Position), left, right);
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        ExpressionNode left = ParseEquality();
        while (Peek.Kind == TokenKind.And)
        {
            Advance();
            ExpressionNode right = ParseEquality();
            left = Fold(new BinaryNode(BinaryOperator.And, left, right, left.Position), left, right);
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        ExpressionNode left = ParseRelational();
        while (Peek.Kind is TokenKind.Equal or TokenKind.NotEqual)
        {
            BinaryOperator op = Advance().Kind == TokenKind.Equal ? BinaryOperator.Equal : BinaryOperator.NotEqual;
            ExpressionNode right = ParseRelational();
            left = Fold(new BinaryNode(op, left, right, left.Position), left, right);
        }

        return left;
    }

    private ExpressionNode ParseRelational()
    {
        ExpressionNode left = ParseAdditive();
        while (Peek.Kind is TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual)
        {
            BinaryOperator op = Advance().Kind switch
            {
                TokenKind.Less => BinaryOperator.Less,
                TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
                TokenKind.Greater => BinaryOperator.Greater,
                _ => BinaryOperator.GreaterOrEqual,
            };
            ExpressionNode right = ParseAdditive();
            left = Fold(new BinaryNode(op, left, right, left.Position), left, right);
        }

        return left;
    }

    private ExpressionNode ParseAdditive()
    {
        ExpressionNode left = ParseMultiplicative();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            BinaryOperator op = Advance().Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            ExpressionNode right = ParseMultiplicative();
            left = Fold(new BinaryNode(op, left, right, left.Position), left, right);
        }

        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        ExpressionNode left = ParseUnary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            BinaryOperator op = Advance().Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Remainder,
            };
            ExpressionNode right = ParseUnary();
            left = Fold(new BinaryNode(op, left, right, left.Position), left, right);
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        Token token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Minus:
            {
                Advance();
                ExpressionNode operand = ParseUnary();
                return Fold(new UnaryNode(UnaryOperator.Negate, operand, token.Position), operand);
            }

            case TokenKind.Not:
            {
                Advance();
                ExpressionNode operand = ParseUnary();
                return Fold(new UnaryNode(UnaryOperator.Not, operand, token.Position), operand);
            }

            case TokenKind.Plus:
                Advance();
                return ParseUnary();
            default:
                return ParsePower();
        }
    }

    private ExpressionNode ParsePower()
    {
        ExpressionNode power = ParsePrimary();
        if (Peek.Kind != TokenKind.Power)
        {
            return power;
        }

        Advance();
        ExpressionNode exponent = ParseUnary(); // right-associative: 2^3^2 = 2^(3^2); 2^-1 allowed
        return Fold(new BinaryNode(BinaryOperator.Power, power, exponent, power.Position), power, exponent);
    }

    private ExpressionNode ParsePrimary()
    {
        Token token = Advance();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new ConstantNode(token.Value, token.Position);
            case TokenKind.Identifier:
                return Peek.Kind == TokenKind.LeftParenthesis ? ParseCall(token) : Variable(token);
            case TokenKind.LeftParenthesis:
            {
                ExpressionNode inner = ParseConditional();
                if (Peek.Kind != TokenKind.RightParenthesis)
                {
                    throw Error($"expected ')' to close the '(' at column {token.Position + 1}, found {Peek.Describe()}", Peek.Position);
                }

                Advance();
                return inner;
            }

            case TokenKind.End:
                throw Error("expected a number, a name or '(', found the end of the expression", token.Position);
            default:
                throw Error($"expected a number, a name or '(', found {token.Describe()}", token.Position);
        }
    }

    private ExpressionNode Variable(Token token)
    {
        if (FunctionTable.HasPrefix(token.Text))
        {
            throw Error($"'{token.Text}' is a function name; expected '(' after it", token.Position + token.Text.Length);
        }

        int index = _variables.IndexOf(token.Text);
        if (index < 0)
        {
            index = _variables.Count;
            _variables.Add(token.Text);
            _variablePositions.Add(token.Position);
        }

        return new VariableNode(index, token.Position);
    }

    private ExpressionNode ParseCall(Token name)
    {
        if (!FunctionTable.TryFind(name.Text, out MathFunction function, out int arity))
        {
            throw Error(
                $"unknown function '{name.Text}'; known functions: {string.Join(", ", FunctionTable.Names.Order(StringComparer.Ordinal))} " +
                "(any case, optionally prefixed by TMath:: or std::)",
                name.Position);
        }

        Token open = Advance();
        var arguments = new List<ExpressionNode>();
        if (Peek.Kind != TokenKind.RightParenthesis)
        {
            arguments.Add(ParseConditional());
            while (Peek.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseConditional());
            }
        }

        if (Peek.Kind != TokenKind.RightParenthesis)
        {
            throw Error($"expected ',' or ')' in the call of '{name.Text}' opened at column {open.Position + 1}, found {Peek.Describe()}", Peek.Position);
        }

        Advance();
        if (arguments.Count != arity)
        {
            throw Error($"'{name.Text}' takes {arity} argument{(arity == 1 ? string.Empty : "s")}, found {arguments.Count}", name.Position);
        }

        ExpressionNode[] args = [.. arguments];
        return Fold(new FunctionNode(function, args, name.Position), args);
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw Error($"expected the {what}, found {Peek.Describe()}", Peek.Position);
        }

        Advance();
    }

    private static ExpressionNode Fold(ExpressionNode node, params ReadOnlySpan<ExpressionNode> children)
    {
        foreach (ExpressionNode child in children)
        {
            if (child is not ConstantNode)
            {
                return node;
            }
        }

        return new ConstantNode(node.Evaluate([]), node.Position);
    }

    private ExpressionException Error(string problem, int position) => new(problem, _text, position);
}
