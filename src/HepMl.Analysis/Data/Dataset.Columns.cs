using HepMl.Analysis.Expressions;

namespace HepMl.Analysis.Data;

public sealed partial class Dataset
{
    /// <summary>Spectator names, in column order (empty when there are none).</summary>
    public IReadOnlyList<string> SpectatorNames { get; }

    /// <summary>Number of spectator columns.</summary>
    public int SpectatorCount => _spectators.Length;

    /// <summary>The values of the spectator called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No spectator has that name.</exception>
    public ReadOnlySpan<float> Spectator(string name)
    {
        for (int j = 0; j < SpectatorNames.Count; j++)
        {
            if (string.Equals(SpectatorNames[j], name, StringComparison.Ordinal))
            {
                return _spectators[j];
            }
        }

        throw new KeyNotFoundException(
            $"the dataset has no spectator '{name}'; it has: {(SpectatorNames.Count == 0 ? "none" : string.Join(", ", SpectatorNames))}");
    }

    /// <summary>Finds a feature, or failing that a spectator, called <paramref name="name"/>.</summary>
    public bool TryGetColumnMemory(string name, out ReadOnlyMemory<float> column)
    {
        for (int j = 0; j < FeatureNames.Count; j++)
        {
            if (string.Equals(FeatureNames[j], name, StringComparison.Ordinal))
            {
                column = _columns[j];
                return true;
            }
        }

        for (int j = 0; j < SpectatorNames.Count; j++)
        {
            if (string.Equals(SpectatorNames[j], name, StringComparison.Ordinal))
            {
                column = _spectators[j];
                return true;
            }
        }

        column = default;
        return false;
    }

    /// <summary>A dataset with the same events and an extra feature column (the arrays are shared, not copied).</summary>
    /// <exception cref="ArgumentException">The name is taken or the length differs.</exception>
    public Dataset WithFeature(string name, float[] values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        return new Dataset([.. FeatureNames, name], [.. _columns, values], _labels, ExplicitWeights, _targets, LabelNames, SpectatorNames, _spectators);
    }

    /// <summary>A dataset with the same events and an extra spectator column.</summary>
    /// <exception cref="ArgumentException">The name is taken or the length differs.</exception>
    public Dataset WithSpectator(string name, float[] values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        return new Dataset(FeatureNames, _columns, _labels, ExplicitWeights, _targets, LabelNames, [.. SpectatorNames, name], [.. _spectators, values]);
    }

    /// <summary>A dataset with the same events and new per-event weights.</summary>
    /// <exception cref="ArgumentException">The length differs or a weight is not finite.</exception>
    public Dataset WithWeights(float[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new Dataset(FeatureNames, _columns, _labels, weights, _targets, LabelNames, SpectatorNames, _spectators);
    }

    /// <summary>A dataset with the same events and new class labels.</summary>
    /// <exception cref="ArgumentException">The length differs or a label is negative.</exception>
    public Dataset WithLabels(int[] labels, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new Dataset(FeatureNames, _columns, labels, ExplicitWeights, _targets, classNames, SpectatorNames, _spectators);
    }

    /// <summary>A dataset with the same events and regression targets.</summary>
    /// <exception cref="ArgumentException">The length differs or a target is not finite.</exception>
    public Dataset WithTargets(float[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return new Dataset(FeatureNames, _columns, _labels, ExplicitWeights, targets, LabelNames, SpectatorNames, _spectators);
    }

    /// <summary>
    /// A dataset whose features are the named columns, in the given order; names may refer to features or spectators
    /// (so a spectator can be promoted). The remaining spectators are kept.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A name is neither a feature nor a spectator.</exception>
    public Dataset SelectFeatures(params IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var columns = new float[names.Count][];
        for (int j = 0; j < names.Count; j++)
        {
            columns[j] = ColumnArray(names[j]);
        }

        var spectatorNames = new List<string>();
        var spectators = new List<float[]>();
        for (int j = 0; j < SpectatorNames.Count; j++)
        {
            if (!names.Contains(SpectatorNames[j]))
            {
                spectatorNames.Add(SpectatorNames[j]);
                spectators.Add(_spectators[j]);
            }
        }

        return new Dataset(names, columns, _labels, ExplicitWeights, _targets, LabelNames, spectatorNames, [.. spectators]);
    }

    /// <summary>
    /// Adds a feature computed by an expression over features and spectators, e.g.
    /// <c>WithDerivedFeature("pt", "sqrt(px*px + py*py)")</c>.
    /// </summary>
    /// <exception cref="ExpressionException">The expression is malformed or names an unknown column.</exception>
    public Dataset WithDerivedFeature(string name, string expression) =>
        WithFeature(name, Expression.Parse(expression).Evaluate(this));

    /// <summary>The events for which <paramref name="selection"/> is true (non-zero), e.g. <c>abs(eta) &lt; 2.5 &amp;&amp; pt &gt; 20</c>.</summary>
    /// <exception cref="ExpressionException">The selection is malformed or names an unknown column.</exception>
    public Dataset Where(string selection) => Subset(Expression.Parse(selection).SelectRows(this));

    private float[]? ExplicitWeights => HasExplicitWeights ? _weights : null;

    private IReadOnlyList<string>? LabelNames => _labels is null ? null : ClassNames;

    private float[] ColumnArray(string name)
    {
        for (int j = 0; j < FeatureNames.Count; j++)
        {
            if (string.Equals(FeatureNames[j], name, StringComparison.Ordinal))
            {
                return _columns[j];
            }
        }

        for (int j = 0; j < SpectatorNames.Count; j++)
        {
            if (string.Equals(SpectatorNames[j], name, StringComparison.Ordinal))
            {
                return _spectators[j];
            }
        }

        throw new KeyNotFoundException(
            $"the dataset has no feature or spectator '{name}'; it has: {string.Join(", ", FeatureNames.Concat(SpectatorNames))}");
    }
}
