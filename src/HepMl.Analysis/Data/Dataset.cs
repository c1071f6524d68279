namespace HepMl.Analysis.Data;

/// <summary>
/// A table of events: named float32 feature columns, optional class labels or regression targets, and per-event
/// weights (which may be negative, as for NLO Monte Carlo). Immutable once built.
/// </summary>
/// <remarks>
/// Storage is column-major (one contiguous array per feature), the layout tree learners bin and readers fill;
/// <see cref="CopyRowMajor"/> gives the row-major layout neural networks and kNN want. Features may hold NaN
/// (a missing value); labels, targets and weights must be finite. Spectator columns (TMVA: <c>AddSpectator</c>)
/// travel with the events through subsets and splits but are not features: no method trains on them.
/// </remarks>
public sealed partial class Dataset
{
    private readonly float[][] _columns;
    private readonly int[]? _labels;
    private readonly float[]? _targets;
    private readonly float[] _weights;
    private readonly float[][] _spectators;

    /// <summary>Builds a dataset from columns that become owned by it (they are not copied).</summary>
    /// <param name="featureNames">One name per column, unique.</param>
    /// <param name="columns">One array per feature, all of the same length.</param>
    /// <param name="labels">Class index per event (0 = background, 1 = signal for binary tasks), or null.</param>
    /// <param name="weights">Per-event weight, or null for unit weights.</param>
    /// <param name="targets">Regression target per event, or null.</param>
    /// <param name="classNames">Names of the classes, indexed by label; defaults to "0", "1", ...</param>
    /// <param name="spectatorNames">Names of the spectator columns (unique, distinct from the feature names), or null.</param>
    /// <param name="spectators">One array per spectator, of the same length as the features, or null.</param>
    /// <exception cref="ArgumentException">Lengths differ, names repeat, a label is negative, a weight or target is not finite.</exception>
    public Dataset(
        IReadOnlyList<string> featureNames,
        float[][] columns,
        int[]? labels = null,
        float[]? weights = null,
        float[]? targets = null,
        IReadOnlyList<string>? classNames = null,
        IReadOnlyList<string>? spectatorNames = null,
        float[][]? spectators = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(columns);
        if (featureNames.Count != columns.Length)
        {
            throw new ArgumentException(
                $"{featureNames.Count} feature names were given for {columns.Length} columns", nameof(featureNames));
        }

        int rows = columns.Length > 0 ? columns[0].Length : labels?.Length ?? weights?.Length ?? targets?.Length ?? 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < columns.Length; j++)
        {
            ArgumentNullException.ThrowIfNull(columns[j], $"{nameof(columns)}[{j}]");
            if (columns[j].Length != rows)
            {
                throw new ArgumentException(
                    $"column '{featureNames[j]}' has {columns[j].Length} rows; expected {rows}", nameof(columns));
            }

            if (!seen.Add(featureNames[j]))
            {
                throw new ArgumentException($"feature name '{featureNames[j]}' appears twice", nameof(featureNames));
            }
        }

        spectatorNames ??= [];
        spectators ??= [];
        if (spectatorNames.Count != spectators.Length)
        {
            throw new ArgumentException(
                $"{spectatorNames.Count} spectator names were given for {spectators.Length} spectator columns", nameof(spectatorNames));
        }

        for (int j = 0; j < spectators.Length; j++)
        {
            ArgumentNullException.ThrowIfNull(spectators[j], $"{nameof(spectators)}[{j}]");
            if (spectators[j].Length != rows)
            {
                throw new ArgumentException(
                    $"spectator '{spectatorNames[j]}' has {spectators[j].Length} rows; expected {rows}", nameof(spectators));
            }

            if (!seen.Add(spectatorNames[j]))
            {
                throw new ArgumentException($"spectator name '{spectatorNames[j]}' repeats a feature or spectator name", nameof(spectatorNames));
            }
        }

        int classCount = 0;
        if (labels is not null)
        {
            CheckLength(labels.Length, rows, nameof(labels));
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] < 0)
                {
                    throw new ArgumentException($"label of event {i} is {labels[i]}; labels must be >= 0", nameof(labels));
                }

                classCount = Math.Max(classCount, labels[i] + 1);
            }
        }

        if (weights is not null)
        {
            CheckLength(weights.Length, rows, nameof(weights));
            CheckFinite(weights, nameof(weights));
        }

        if (targets is not null)
        {
            CheckLength(targets.Length, rows, nameof(targets));
            CheckFinite(targets, nameof(targets));
        }

        if (classNames is not null && labels is not null && classNames.Count < classCount)
        {
            throw new ArgumentException(
                $"{classNames.Count} class names were given but labels go up to {classCount - 1}", nameof(classNames));
        }

        FeatureNames = featureNames.ToArray();
        SpectatorNames = spectatorNames.ToArray();
        _spectators = spectators;
        _columns = columns;
        _labels = labels;
        _targets = targets;
        _weights = weights ?? CreateUnitWeights(rows);
        HasExplicitWeights = weights is not null;
        RowCount = rows;
        ClassCount = labels is null ? 0 : Math.Max(classCount, classNames?.Count ?? 0);
        ClassNames = classNames?.ToArray() ?? Enumerable.Range(0, ClassCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Number of events.</summary>
    public int RowCount { get; }

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => _columns.Length;

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of classes (highest label + 1, or the number of class names); 0 without labels.</summary>
    public int ClassCount { get; }

    /// <summary>Class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>True when the dataset carries class labels.</summary>
    public bool HasLabels => _labels is not null;

    /// <summary>True when the dataset carries regression targets.</summary>
    public bool HasTargets => _targets is not null;

    /// <summary>True when weights were given (false: all weights are 1).</summary>
    public bool HasExplicitWeights { get; }

    /// <summary>The values of one feature for every event.</summary>
    public ReadOnlySpan<float> Column(int feature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, _columns.Length);
        return _columns[feature];
    }

    /// <summary>The values of the feature called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No feature has that name.</exception>
    public ReadOnlySpan<float> Column(string name) => _columns[IndexOf(name)];

    /// <summary>Column index of the feature called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No feature has that name.</exception>
    public int IndexOf(string name)
    {
        for (int j = 0; j < FeatureNames.Count; j++)
        {
            if (string.Equals(FeatureNames[j], name, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new KeyNotFoundException($"the dataset has no feature '{name}'; it has: {string.Join(", ", FeatureNames)}");
    }

    /// <summary>Class label per event.</summary>
    /// <exception cref="InvalidOperationException">The dataset has no labels.</exception>
    public ReadOnlySpan<int> Labels =>
        _labels ?? throw new InvalidOperationException("the dataset has no class labels");

    /// <summary>Regression target per event.</summary>
    /// <exception cref="InvalidOperationException">The dataset has no targets.</exception>
    public ReadOnlySpan<float> Targets =>
        _targets ?? throw new InvalidOperationException("the dataset has no regression targets");

    /// <summary>Weight per event (1 when none were given).</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Copies the features of event <paramref name="row"/> into <paramref name="destination"/>.</summary>
    public void CopyRow(int row, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        if (destination.Length < _columns.Length)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; a row has {_columns.Length}", nameof(destination));
        }

        for (int j = 0; j < _columns.Length; j++)
        {
            destination[j] = _columns[j][row];
        }
    }

    /// <summary>Writes all features row-major (<c>[RowCount, FeatureCount]</c>) into <paramref name="destination"/>.</summary>
    public void CopyRowMajor(Span<float> destination)
    {
        int features = _columns.Length;
        if (destination.Length < (long)RowCount * features)
        {
            throw new ArgumentException(
                $"destination holds {destination.Length} values; [{RowCount}, {features}] needs {(long)RowCount * features}",
                nameof(destination));
        }

        for (int j = 0; j < features; j++)
        {
            float[] column = _columns[j];
            for (int i = 0; i < column.Length; i++)
            {
                destination[(i * features) + j] = column[i];
            }
        }
    }

    /// <summary>A new dataset holding the events at <paramref name="rows"/>, in that order.</summary>
    public Dataset Subset(ReadOnlySpan<int> rows)
    {
        var columns = new float[_columns.Length][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = Gather(_columns[j], rows);
        }

        var spectators = new float[_spectators.Length][];
        for (int j = 0; j < spectators.Length; j++)
        {
            spectators[j] = Gather(_spectators[j], rows);
        }

        return new Dataset(
            FeatureNames,
            columns,
            _labels is null ? null : Gather(_labels, rows),
            HasExplicitWeights ? Gather(_weights, rows) : null,
            _targets is null ? null : Gather(_targets, rows),
            _labels is null ? null : ClassNames,
            SpectatorNames,
            spectators);
    }

    private T[] Gather<T>(T[] source, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            if ((uint)row >= (uint)RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"row index {row} is outside [0, {RowCount})");
            }

            result[i] = source[row];
        }

        return result;
    }

    private static float[] CreateUnitWeights(int rows)
    {
        var weights = new float[rows];
        weights.AsSpan().Fill(1f);
        return weights;
    }

    private static void CheckLength(int length, int rows, string name)
    {
        if (length != rows)
        {
            throw new ArgumentException($"{name} has {length} values; the dataset has {rows} rows", name);
        }
    }

    private static void CheckFinite(float[] values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {values[i]}; it must be finite", name);
            }
        }
    }
}
