using HepMl.Analysis.Data;

namespace HepMl.Analysis.Transformations.Internal;

/// <summary>
/// The training view a transformation is fitted on: the selected columns, class labels and weights, and the number
/// of parameter sets to fit (classes + 1, or 1 without labels or with a single class).
/// </summary>
internal sealed class FitSample
{
    private FitSample(float[][] columns, int[]? labels, float[] weights, int classCount)
    {
        Columns = columns;
        Labels = labels;
        Weights = weights;
        ClassCount = classCount;
        SetCount = classCount > 1 ? classCount + 1 : 1;
    }

    public float[][] Columns { get; }

    public int[]? Labels { get; }

    public float[] Weights { get; }

    public int ClassCount { get; }

    public int SetCount { get; }

    public int RowCount => Weights.Length;

    public int VariableCount => Columns.Length;

    /// <summary>True when event <paramref name="row"/> contributes to parameter set <paramref name="set"/>.</summary>
    public bool InSet(int row, int set) => SetCount == 1 || set == SetCount - 1 || Labels![row] == set;

    /// <summary>The same events with every weight set to 1 (TMVA's PCA ignores weights).</summary>
    public FitSample WithUnitWeights()
    {
        var ones = new float[Weights.Length];
        ones.AsSpan().Fill(1f);
        return new FitSample(Columns, Labels, ones, ClassCount);
    }

    public static FitSample From(Dataset data, IReadOnlyList<int>? variables, string transformation)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException($"cannot fit the {transformation} transformation on an empty dataset", nameof(data));
        }

        int[] selected = variables is null ? Enumerable.Range(0, data.FeatureCount).ToArray() : variables.ToArray();
        if (selected.Length == 0)
        {
            throw new ArgumentException($"the {transformation} transformation needs at least one variable", nameof(variables));
        }

        var columns = new float[selected.Length][];
        for (int j = 0; j < selected.Length; j++)
        {
            int feature = selected[j];
            if ((uint)feature >= (uint)data.FeatureCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(variables), $"variable index {feature} is outside [0, {data.FeatureCount})");
            }

            columns[j] = data.Column(feature).ToArray();
            for (int i = 0; i < columns[j].Length; i++)
            {
                if (!float.IsFinite(columns[j][i]))
                {
                    throw new ArgumentException(
                        $"cannot fit the {transformation} transformation: variable '{data.FeatureNames[feature]}' "
                        + $"is {columns[j][i]} in event {i}", nameof(data));
                }
            }
        }

        int[]? labels = data.HasLabels ? data.Labels.ToArray() : null;
        int classCount = data.HasLabels ? data.ClassCount : 0;
        return new FitSample(columns, labels, data.Weights.ToArray(), classCount);
    }
}
