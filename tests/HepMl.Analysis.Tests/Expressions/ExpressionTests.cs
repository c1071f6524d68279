using HepMl.Analysis.Data;
using HepMl.Analysis.Expressions;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Expressions;

public class ExpressionTests
{
    private static IEnumerable<TestCaseData> ReferenceCases()
    {
        var fixture = ClassicFixture.Load("expressions.json");
        foreach (var c in fixture.GetProperty("cases").EnumerateArray())
        {
            yield return new TestCaseData(c.GetProperty("expression").GetString()).SetArgDisplayNames(c.GetProperty("expression").GetString()!);
        }
    }

    [TestCaseSource(nameof(ReferenceCases))]
    public void Evaluate_Dataset_MatchesNumpy(string text)
    {
        var fixture = ClassicFixture.Load("expressions.json");
        var columns = fixture.GetProperty("columns");
        string[] names = ["px", "py", "eta", "pt", "m"];
        var data = new Dataset(names, names.Select(n => columns.GetProperty(n).Floats()).ToArray());
        double[] expected = fixture.GetProperty("cases").EnumerateArray()
            .First(c => c.GetProperty("expression").GetString() == text).GetProperty("expected").Doubles();

        var expression = Expression.Parse(text);
        var bound = expression.Variables.Select(v => (ReadOnlyMemory<float>)columns.GetProperty(v).Floats()).ToArray();
        var chunked = new double[data.RowCount];
        expression.Evaluate(bound, chunked);

        for (int i = 0; i < data.RowCount; i++)
        {
            var row = expression.Variables.Select(v => (double)columns.GetProperty(v).Floats()[i]).ToArray();
            Tolerance.AssertClose(expected[i], expression.Evaluate(row), 1e-13, 1e-13, $"row {i} (one event)");
            Tolerance.AssertClose(expected[i], chunked[i], 1e-13, 1e-13, $"row {i} (chunked)");
        }

        float[] asFloat = expression.Evaluate(data);
        Assert.That(asFloat[3], Is.EqualTo((float)expected[3]));
    }

    [Test]
    public void Parse_Precedence_FollowsC()
    {
        Assert.That(Expression.Parse("1 + 2 * 3").Evaluate([]), Is.EqualTo(7));
        Assert.That(Expression.Parse("-2^2").Evaluate([]), Is.EqualTo(-4));
        Assert.That(Expression.Parse("2^3^2").Evaluate([]), Is.EqualTo(512));
        Assert.That(Expression.Parse("2^-1").Evaluate([]), Is.EqualTo(0.5));
        Assert.That(Expression.Parse("1 < 2 == 1").Evaluate([]), Is.EqualTo(1));
        Assert.That(Expression.Parse("0 || 1 && 0").Evaluate([]), Is.EqualTo(0));
        Assert.That(Expression.Parse("!0 + 1").Evaluate([]), Is.EqualTo(2));
        Assert.That(Expression.Parse("7 % -3").Evaluate([]), Is.EqualTo(1));
        Assert.That(Expression.Parse("1 ? 2 : 3 ? 4 : 5").Evaluate([]), Is.EqualTo(2));
        Assert.That(Expression.Parse("2 * TMath::Pi()").IsConstant, Is.True);
    }

    [Test]
    public void Parse_NamesWithIndicesDotsAndQuotes_AreVariables()
    {
        var expression = Expression.Parse("jet_pt[0] + lep.eta * `weird name-1` + jet_pt[0]");
        Assert.That(expression.Variables, Is.EqualTo(new[] { "jet_pt[0]", "lep.eta", "weird name-1" }));
        Assert.That(expression.Evaluate([1, 2, 3]), Is.EqualTo(8));
    }

    [Test]
    public void Evaluate_NaN_ComparesFalse()
    {
        var expression = Expression.Parse("x > 0 || x <= 0");
        Assert.That(expression.Evaluate([double.NaN]), Is.EqualTo(0));
    }

    [TestCase("abs(eta<2.5", 11, "expected ',' or ')' in the call of 'abs'")]
    [TestCase("pt >", 4, "found the end of the expression")]
    [TestCase("pt > = 3", 5, "found '='; write '==' to compare")]
    [TestCase("pt = 3", 3, "write '==' to compare")]
    [TestCase("pt & eta", 3, "write '&&'")]
    [TestCase("foo(pt)", 0, "unknown function 'foo'")]
    [TestCase("pow(pt)", 0, "'pow' takes 2 arguments, found 1")]
    [TestCase("(pt + 1", 7, "expected ')' to close the '(' at column 1")]
    [TestCase("pt + 1)", 6, "found ')' without a matching '('")]
    [TestCase("pt 2", 3, "expected an operator or the end of the expression, found number '2'")]
    [TestCase("1.5e+", 5, "expected digits after the exponent")]
    [TestCase("3pt", 1, "expected an operator after the number '3'")]
    [TestCase("", 0, "expected an expression, found nothing")]
    [TestCase("pt > 20 ? 1", 11, "expected the ':' of the conditional")]
    [TestCase("TMath::Abs + 1", 10, "is a function name")]
    [TestCase("x $ y", 2, "found '$'")]
    [TestCase("`unclosed", 9, "closing '`'")]
    [TestCase("jet[x]", 4, "non-negative integer index")]
    public void Parse_Malformed_ThrowsWithPosition(string text, int position, string message)
    {
        var exception = Assert.Throws<ExpressionException>(() => Expression.Parse(text))!;
        Assert.That(exception.Position, Is.EqualTo(position), exception.Message);
        Assert.That(exception.Message, Does.Contain(message));
        Assert.That(exception.Message, Does.Contain($"at column {position + 1}"));
        Assert.That(exception.Message, Does.EndWith(new string(' ', position + 2) + "^"));
    }

    [Test]
    public void Evaluate_UnknownColumn_NamesNearestAndPosition()
    {
        var data = new Dataset(["pt", "eta"], [[1f], [2f]]);
        var exception = Assert.Throws<ExpressionException>(() => Expression.Parse("pt + 2*etaa").Evaluate(data))!;
        Assert.That(exception.Position, Is.EqualTo(7));
        Assert.That(exception.Message, Does.Contain("'etaa' does not exist").And.Contain("nearest names: eta"));
    }

    [Test]
    public void Evaluate_WrongValueCount_Throws()
    {
        Assert.That(() => Expression.Parse("a + b").Evaluate([1.0]), Throws.ArgumentException.With.Message.Contains("reads 2 variables (a, b); 1 values"));
    }
}
