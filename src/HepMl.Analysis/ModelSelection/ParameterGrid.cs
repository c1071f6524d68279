namespace HepMl.Analysis.ModelSelection;

/// <summary>The explicit values a grid search tries for each parameter; the grid is their Cartesian product.</summary>
public sealed class ParameterGrid
{
    private readonly List<(string Name, object[] Values)> _axes = [];

    /// <summary>Adds numeric values for a parameter.</summary>
    /// <exception cref="ArgumentException">No values, or the name repeats.</exception>
    public ParameterGrid Add(string name, params double[] values) => AddAxis(name, values.Cast<object>().ToArray());

    /// <summary>Adds integer values for a parameter.</summary>
    public ParameterGrid Add(string name, params int[] values) => AddAxis(name, values.Cast<object>().ToArray());

    /// <summary>Adds categorical values for a parameter.</summary>
    public ParameterGrid Add(string name, params string[] values) => AddAxis(name, values.Cast<object>().ToArray());

    /// <summary>Number of grid points.</summary>
    public long Count => _axes.Aggregate(1L, (product, axis) => product * axis.Values.Length);

    /// <summary>All grid points; the last parameter added varies fastest.</summary>
    public IEnumerable<ParameterSet> Enumerate()
    {
        if (_axes.Count == 0)
        {
            yield break;
        }

        var position = new int[_axes.Count];
        while (true)
        {
            yield return new ParameterSet(_axes.Select((axis, a) => new KeyValuePair<string, object>(axis.Name, axis.Values[position[a]])));
            int k = _axes.Count - 1;
            while (k >= 0 && ++position[k] == _axes[k].Values.Length)
            {
                position[k] = 0;
                k--;
            }

            if (k < 0)
            {
                yield break;
            }
        }
    }

    private ParameterGrid AddAxis(string name, object[] values)
    {
        if (string.IsNullOrWhiteSpace(name) || _axes.Any(a => a.Name == name))
        {
            throw new ArgumentException($"parameter name '{name}' is empty or already in the grid", nameof(name));
        }

        if (values.Length == 0)
        {
            throw new ArgumentException($"parameter '{name}' has no values", nameof(values));
        }

        _axes.Add((name, values));
        return this;
    }
}
