using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Reader;

/// <summary>
/// Evaluates TMVA weight files like <c>TMVA::Reader</c>: declare the input variables (<see cref="AddVariable"/>),
/// book one or more weight files under tags (<see cref="BookMva(string, string)"/>), then evaluate events.
/// </summary>
/// <remarks>
/// <para>
/// Inputs are single precision, as in TMVA. Variables are bound to a file's variables by expression (then label), so
/// the order may differ from the file's; a missing or unused variable is an error, as in TMVA. When no variable
/// was declared, events are taken in the file's order.
/// </para>
/// <para>
/// Unlike <c>TMVA::Reader</c>, evaluation does not touch shared state: once booked, a method can be evaluated from
/// any number of threads at once (booking itself is synchronised). Declaring variables after the first booking is
/// an error, since booked methods are bound to the declared order.
/// </para>
/// </remarks>
public sealed class TmvaReader
{
    private readonly List<string> _variables = [];
    private readonly List<string> _spectators = [];
    private readonly object _gate = new();
    private volatile Dictionary<string, TmvaBookedMethod> _methods = new(StringComparer.Ordinal);

    /// <summary>The declared variables, in the order events give their values.</summary>
    public IReadOnlyList<string> Variables => _variables;

    /// <summary>The declared spectators (documentation only; they never enter an evaluation).</summary>
    public IReadOnlyList<string> Spectators => _spectators;

    /// <summary>The booked methods by tag.</summary>
    public IReadOnlyDictionary<string, TmvaBookedMethod> Methods => _methods;

    /// <summary>Builds a reader for one weight file, booked under the file's method title.</summary>
    /// <param name="weights">The weight file.</param>
    /// <param name="inputOrder">The order in which events give the variables (expressions or labels), or null for the file's order.</param>
    /// <exception cref="TmvaVariableMismatchException">The names do not match the file's variables.</exception>
    public static TmvaReader Create(TmvaWeightFile weights, IReadOnlyList<string>? inputOrder = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var reader = new TmvaReader();
        foreach (string name in inputOrder ?? weights.Variables.Select(v => v.Expression).ToArray())
        {
            reader.AddVariable(name);
        }

        reader.BookMva(weights.MethodTitle, weights);
        return reader;
    }

    /// <summary>Declares the next input variable (TMVA: <c>AddVariable(expression, &amp;value)</c>).</summary>
    /// <exception cref="InvalidOperationException">A method is already booked.</exception>
    /// <exception cref="ArgumentException">The name is empty or already declared.</exception>
    public void AddVariable(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        lock (_gate)
        {
            if (_methods.Count > 0)
            {
                throw new InvalidOperationException($"cannot add variable '{expression}' after a method was booked");
            }

            if (_variables.Contains(expression))
            {
                throw new ArgumentException($"variable '{expression}' is already declared", nameof(expression));
            }

            _variables.Add(expression);
        }
    }

    /// <summary>Declares a spectator (TMVA: <c>AddSpectator</c>); spectators are not used by methods.</summary>
    public void AddSpectator(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        lock (_gate)
        {
            _spectators.Add(expression);
        }
    }

    /// <summary>Reads a weight file and books it under <paramref name="tag"/> (TMVA: <c>BookMVA</c>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMl.Io.HepMlFormatException">The file is malformed.</exception>
    /// <exception cref="HepMl.Io.UnsupportedFormatException">The method or an option is not supported.</exception>
    /// <exception cref="TmvaVariableMismatchException">The declared variables do not match the file's.</exception>
    public TmvaBookedMethod BookMva(string tag, string weightFile)
    {
        ArgumentNullException.ThrowIfNull(weightFile);
        return BookMva(tag, TmvaWeightFile.Load(weightFile));
    }

    /// <summary>Books an already parsed weight file under <paramref name="tag"/>.</summary>
    /// <exception cref="ArgumentException">The tag is already used.</exception>
    public TmvaBookedMethod BookMva(string tag, TmvaWeightFile weights)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentNullException.ThrowIfNull(weights);
        lock (_gate)
        {
            if (_methods.ContainsKey(tag))
            {
                throw new ArgumentException($"a method is already booked as '{tag}'", nameof(tag));
            }

            var booked = new TmvaBookedMethod(tag, weights, _variables.ToArray());
            var next = new Dictionary<string, TmvaBookedMethod>(_methods, StringComparer.Ordinal) { [tag] = booked };
            _methods = next;
            return booked;
        }
    }

    /// <summary>The method booked as <paramref name="tag"/>.</summary>
    /// <exception cref="KeyNotFoundException">No method has that tag; the message lists the booked tags.</exception>
    public TmvaBookedMethod this[string tag] =>
        _methods.TryGetValue(tag, out TmvaBookedMethod? method)
            ? method
            : throw new KeyNotFoundException($"no method is booked as '{tag}'; booked: {string.Join(", ", _methods.Keys)}");

    /// <summary>The response of the method booked as <paramref name="tag"/> (TMVA: <c>EvaluateMVA</c>);
    /// -999 when an input is NaN.</summary>
    /// <param name="tag">The booking tag.</param>
    /// <param name="values">The event's values in declaration order.</param>
    /// <param name="auxiliary">The signal efficiency for Cuts; unused by other methods.</param>
    public double EvaluateMva(string tag, ReadOnlySpan<float> values, double auxiliary = 0) =>
        this[tag].Evaluate(values, auxiliary);

    /// <summary>Class probabilities of a multi-class method (TMVA: <c>EvaluateMulticlass</c>).</summary>
    public float[] EvaluateMulticlass(string tag, ReadOnlySpan<float> values) => this[tag].EvaluateMulticlass(values);

    /// <summary>Regression targets (TMVA: <c>EvaluateRegression</c>).</summary>
    public float[] EvaluateRegression(string tag, ReadOnlySpan<float> values) => this[tag].EvaluateRegression(values);

    /// <summary>Evaluates row-major events into <paramref name="responses"/>; see
    /// <see cref="TmvaBookedMethod.EvaluateBatch(ReadOnlySpan{float}, Span{double}, double, int)"/>.</summary>
    public void EvaluateBatch(string tag, ReadOnlySpan<float> values, Span<double> responses, double auxiliary = 0, int maxDegreeOfParallelism = 1) =>
        this[tag].EvaluateBatch(values, responses, auxiliary, maxDegreeOfParallelism);
}
