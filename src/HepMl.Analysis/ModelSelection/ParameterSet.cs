using System.Globalization;

namespace HepMl.Analysis.ModelSelection;

/// <summary>One point of a search space: a value per parameter (a number or a categorical choice).</summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, object> _values;
    private readonly List<string> _names = [];

    /// <summary>Creates a set from name → value pairs (values are doubles, integers or strings).</summary>
    public ParameterSet(IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            _values[name] = value switch
            {
                int i => i,
                double d => d,
                float f => (double)f,
                string s => s,
                _ => throw new ArgumentException($"parameter '{name}' has a value of type {value?.GetType().Name ?? "null"}; use double, int or string", nameof(values)),
            };
            if (!_names.Contains(name))
            {
                _names.Add(name);
            }
        }
    }

    /// <summary>Parameter names, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The raw value of a parameter (double, int or string).</summary>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public object this[string name] => _values.TryGetValue(name, out object? v) ? v
        : throw new KeyNotFoundException($"the parameter set has no '{name}'; it has: {string.Join(", ", Names)}");

    /// <summary>A numeric parameter as a double.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    /// <exception cref="InvalidCastException">The parameter is categorical.</exception>
    public double GetDouble(string name) => this[name] switch
    {
        double d => d,
        int i => i,
        _ => throw new InvalidCastException($"parameter '{name}' is categorical ('{this[name]}'), not a number"),
    };

    /// <summary>A numeric parameter as an integer (rounded to nearest).</summary>
    public int GetInt32(string name) => this[name] is int i ? i : (int)Math.Round(GetDouble(name));

    /// <summary>A parameter as text (categorical value, or the number in invariant culture).</summary>
    public string GetString(string name) => this[name] switch
    {
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    /// <summary><c>name=value</c> pairs, comma-separated.</summary>
    public override string ToString() => string.Join(", ", Names.Select(n => $"{n}={GetString(n)}"));
}
