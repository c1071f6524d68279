namespace HepMl.Analysis.ModelSelection;

/// <summary>The hyperparameters a random or Bayesian search explores.</summary>
public sealed class SearchSpace
{
    private readonly List<SearchParameter> _parameters = [];

    /// <summary>The parameters, in the order added.</summary>
    public IReadOnlyList<SearchParameter> Parameters => _parameters;

    /// <summary>Adds a real parameter.</summary>
    /// <exception cref="ArgumentException">The range is empty or not finite, log-scale with Low &lt;= 0, or the name repeats.</exception>
    public SearchSpace AddReal(string name, double low, double high, bool logarithmic = false) => Add(new RealParameter(name, low, high, logarithmic));

    /// <summary>Adds an integer parameter (inclusive range).</summary>
    /// <exception cref="ArgumentException">The range is empty, log-scale with Low &lt;= 0, or the name repeats.</exception>
    public SearchSpace AddInteger(string name, int low, int high, bool logarithmic = false) => Add(new IntegerParameter(name, low, high, logarithmic));

    /// <summary>Adds a categorical parameter.</summary>
    /// <exception cref="ArgumentException">There are no choices or the name repeats.</exception>
    public SearchSpace AddCategorical(string name, params string[] choices) => Add(new CategoricalParameter(name, choices));

    /// <summary>Adds a parameter.</summary>
    /// <exception cref="ArgumentException">The parameter is invalid or its name repeats.</exception>
    public SearchSpace Add(SearchParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (string.IsNullOrWhiteSpace(parameter.Name) || _parameters.Any(p => p.Name == parameter.Name))
        {
            throw new ArgumentException($"parameter name '{parameter.Name}' is empty or already in the search space", nameof(parameter));
        }

        string? problem = parameter switch
        {
            RealParameter r when !(double.IsFinite(r.Low) && double.IsFinite(r.High) && r.Low < r.High) => $"range [{r.Low}, {r.High}] is empty or not finite",
            RealParameter { Logarithmic: true, Low: <= 0 } r => $"a log-scale range must be positive; Low = {r.Low}",
            IntegerParameter i when i.Low > i.High => $"range [{i.Low}, {i.High}] is empty",
            IntegerParameter { Logarithmic: true, Low: <= 0 } i => $"a log-scale range must be positive; Low = {i.Low}",
            CategoricalParameter c when c.Choices is null || c.Choices.Count == 0 => "no choices were given",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"parameter '{parameter.Name}': {problem}", nameof(parameter));
        }

        _parameters.Add(parameter);
        return this;
    }
}
