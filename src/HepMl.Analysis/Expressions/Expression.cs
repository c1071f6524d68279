using HepMl.Analysis.Data;
using HepMl.Analysis.Expressions.Internal;
using HepMl.Io;

namespace HepMl.Analysis.Expressions;

/// <summary>
/// A parsed arithmetic/logical expression over named variables, such as <c>sqrt(px*px + py*py)</c> or the TMVA cut
/// <c>abs(eta) &lt; 2.5 &amp;&amp; pt &gt; 20</c>. The language is described in <c>docs/expressions.md</c>.
/// </summary>
/// <remarks>
/// Arithmetic is double precision (like ROOT's TFormula); results written to float spans are rounded once at the
/// end. Comparisons and logical operators give 1 or 0; a selection passes an event when the value is non-zero
/// (NaN compares false, so <c>x &gt; 0</c> rejects a NaN <c>x</c>). An expression is immutable and thread-safe.
/// ROOT: <c>TFormula</c>/<c>TTreeFormula</c> as used by TMVA's <c>AddVariable</c> and cut strings.
/// </remarks>
public sealed class Expression
{
    private const int ChunkSize = 2048;
    private readonly ExpressionNode _root;
    private readonly IReadOnlyList<int> _variablePositions;

    private Expression(string text, ExpressionNode root, IReadOnlyList<string> variables, IReadOnlyList<int> variablePositions)
    {
        Text = text;
        _root = root;
        Variables = variables;
        _variablePositions = variablePositions;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The distinct variable names the expression reads, in order of first appearance.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>True when the expression reads no variable (it was folded to a constant).</summary>
    public bool IsConstant => _root is ConstantNode;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ExpressionException">The text is not a valid expression; the message gives the column.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, variables, positions) = Parser.Parse(text);
        return new Expression(text, root, variables, positions);
    }

    /// <summary>Evaluates one event.</summary>
    /// <param name="values">One value per entry of <see cref="Variables"/>, in that order.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of variables.</exception>
    public double Evaluate(ReadOnlySpan<double> values)
    {
        if (values.Length != Variables.Count)
        {
            throw new ArgumentException(
                $"'{Text}' reads {Variables.Count} variables ({string.Join(", ", Variables)}); {values.Length} values were given",
                nameof(values));
        }

        return _root.Evaluate(values);
    }

    /// <summary>Evaluates every event of the given columns into <paramref name="destination"/>.</summary>
    /// <param name="columns">One column per entry of <see cref="Variables"/>, in that order, all of the destination's length.</param>
    /// <param name="destination">One value per event.</param>
    /// <exception cref="ArgumentException">Column count or lengths do not match.</exception>
    public void Evaluate(IReadOnlyList<ReadOnlyMemory<float>> columns, Span<double> destination)
    {
        ReadOnlyMemory<float>[] bound = CheckColumns(columns, destination.Length);
        for (int start = 0; start < destination.Length; start += ChunkSize)
        {
            int count = Math.Min(ChunkSize, destination.Length - start);
            _root.EvaluateChunk(bound, start, destination.Slice(start, count));
        }
    }

    /// <summary>Evaluates every event of the given columns into a float <paramref name="destination"/> (rounded once).</summary>
    /// <inheritdoc cref="Evaluate(IReadOnlyList{ReadOnlyMemory{float}}, Span{double})"/>
    public void Evaluate(IReadOnlyList<ReadOnlyMemory<float>> columns, Span<float> destination)
    {
        ReadOnlyMemory<float>[] bound = CheckColumns(columns, destination.Length);
        var chunk = new double[Math.Min(ChunkSize, Math.Max(destination.Length, 1))];
        for (int start = 0; start < destination.Length; start += ChunkSize)
        {
            int count = Math.Min(ChunkSize, destination.Length - start);
            Span<double> values = chunk.AsSpan(0, count);
            _root.EvaluateChunk(bound, start, values);
            Span<float> target = destination.Slice(start, count);
            for (int i = 0; i < count; i++)
            {
                target[i] = (float)values[i];
            }
        }
    }

    /// <summary>Evaluates the expression for every event of <paramref name="data"/>, reading features and spectators by name.</summary>
    /// <exception cref="ExpressionException">A variable names no feature or spectator; the message lists the nearest names.</exception>
    public float[] Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new float[data.RowCount];
        Evaluate(Bind(data), result);
        return result;
    }

    /// <summary>Indices of the events of <paramref name="data"/> for which the expression is non-zero (a selection).</summary>
    /// <exception cref="ExpressionException">A variable names no feature or spectator.</exception>
    public int[] SelectRows(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ReadOnlyMemory<float>[] columns = Bind(data);
        var selected = new List<int>();
        var chunk = new double[ChunkSize];
        for (int start = 0; start < data.RowCount; start += ChunkSize)
        {
            int count = Math.Min(ChunkSize, data.RowCount - start);
            Span<double> values = chunk.AsSpan(0, count);
            _root.EvaluateChunk(columns, start, values);
            for (int i = 0; i < count; i++)
            {
                if (values[i] != 0 && !double.IsNaN(values[i]))
                {
                    selected.Add(start + i);
                }
            }
        }

        return [.. selected];
    }

    /// <summary>The expression text.</summary>
    public override string ToString() => Text;

    /// <summary>Finds each variable among the dataset's features, then its spectators.</summary>
    internal ReadOnlyMemory<float>[] Bind(Dataset data)
    {
        var columns = new ReadOnlyMemory<float>[Variables.Count];
        for (int v = 0; v < columns.Length; v++)
        {
            if (!data.TryGetColumnMemory(Variables[v], out columns[v]))
            {
                var notFound = new ObjectNotFoundException(Variables[v], "the dataset's features and spectators", data.FeatureNames.Concat(data.SpectatorNames));
                throw new ExpressionException(notFound.Message, Text, _variablePositions[v], notFound);
            }
        }

        return columns;
    }

    private ReadOnlyMemory<float>[] CheckColumns(IReadOnlyList<ReadOnlyMemory<float>> columns, int length)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != Variables.Count)
        {
            throw new ArgumentException(
                $"'{Text}' reads {Variables.Count} variables ({string.Join(", ", Variables)}); {columns.Count} columns were given",
                nameof(columns));
        }

        var bound = new ReadOnlyMemory<float>[columns.Count];
        for (int v = 0; v < bound.Length; v++)
        {
            if (columns[v].Length != length)
            {
                throw new ArgumentException(
                    $"column {v} ('{Variables[v]}') has {columns[v].Length} values; the destination has {length}", nameof(columns));
            }

            bound[v] = columns[v];
        }

        return bound;
    }
}
