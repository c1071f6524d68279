using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations.Internal;

namespace HepMl.Analysis.Transformations;

/// <summary>
/// Linear map of each variable onto [-1, 1] using its training minimum and maximum (TMVA: <c>Normalize</c>,
/// <c>VarTransform=N</c>).
/// </summary>
/// <remarks>
/// The arithmetic is TMVA's, in single precision: <c>scale = f32(1.0 / f32(max - min))</c>,
/// <c>y = f32(f32(f32(f32(x - min) * scale) * 2) - 1)</c>, so values read from a weight file give the Reader's
/// numbers exactly. Values outside the training range map outside [-1, 1]. A constant variable (max = min) gives
/// an infinite scale, as in TMVA.
/// </remarks>
public sealed class Normalisation : VariableTransformation
{
    private readonly float[][] _minimum;
    private readonly float[][] _maximum;

    /// <summary>Creates the transformation from per-set minima and maxima (one array per parameter set).</summary>
    /// <exception cref="ArgumentException">The sets are empty or their lengths differ.</exception>
    public Normalisation(IReadOnlyList<float[]> minimum, IReadOnlyList<float[]> maximum)
        : base(FirstLength(minimum), minimum.Count)
    {
        CheckSets(minimum, VariableCount, nameof(minimum));
        CheckSets(maximum, VariableCount, nameof(maximum));
        if (maximum.Count != minimum.Count)
        {
            throw new ArgumentException($"{minimum.Count} minimum sets but {maximum.Count} maximum sets", nameof(maximum));
        }

        _minimum = minimum.Select(set => (float[])set.Clone()).ToArray();
        _maximum = maximum.Select(set => (float[])set.Clone()).ToArray();
    }

    /// <inheritdoc />
    public override string Name => "Normalize";

    /// <inheritdoc />
    public override bool IsInvertible => true;

    /// <summary>The training minimum of variable <paramref name="variable"/> in parameter set <paramref name="set"/>.</summary>
    public float Minimum(int set, int variable) => _minimum[set][variable];

    /// <summary>The training maximum of variable <paramref name="variable"/> in parameter set <paramref name="set"/>.</summary>
    public float Maximum(int set, int variable) => _maximum[set][variable];

    /// <summary>Fits minima and maxima per class (and for all classes) on <paramref name="data"/>.</summary>
    /// <param name="data">Training events; NaN or infinite values are rejected.</param>
    /// <param name="variables">Column indices to transform, or null for all.</param>
    /// <exception cref="ArgumentException">The dataset is empty or holds a non-finite value.</exception>
    public static Normalisation Fit(Dataset data, IReadOnlyList<int>? variables = null)
    {
        FitSample sample = FitSample.From(data, variables, "Normalize");
        var minimum = new float[sample.SetCount][];
        var maximum = new float[sample.SetCount][];
        for (int set = 0; set < sample.SetCount; set++)
        {
            minimum[set] = new float[sample.VariableCount];
            maximum[set] = new float[sample.VariableCount];
            minimum[set].AsSpan().Fill(float.PositiveInfinity);
            maximum[set].AsSpan().Fill(float.NegativeInfinity);
        }

        for (int row = 0; row < sample.RowCount; row++)
        {
            for (int set = 0; set < sample.SetCount; set++)
            {
                if (!sample.InSet(row, set))
                {
                    continue;
                }

                for (int j = 0; j < sample.VariableCount; j++)
                {
                    float value = sample.Columns[j][row];
                    minimum[set][j] = Math.Min(minimum[set][j], value);
                    maximum[set][j] = Math.Max(maximum[set][j], value);
                }
            }
        }

        for (int set = 0; set < sample.SetCount; set++)
        {
            if (float.IsPositiveInfinity(minimum[set][0]))
            {
                throw new ArgumentException($"cannot fit the Normalize transformation: class {set} has no events", nameof(data));
            }
        }

        return new Normalisation(minimum, maximum);
    }

    /// <inheritdoc />
    protected override void TransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        float[] minimum = _minimum[set];
        float[] maximum = _maximum[set];
        for (int j = 0; j < input.Length; j++)
        {
            float min = minimum[j];
            float scale = (float)(1.0 / (float)(maximum[j] - min));
            float shifted = input[j] - min;
            float scaled = shifted * scale;
            float doubled = scaled * 2f;
            output[j] = doubled - 1f;
        }
    }

    /// <inheritdoc />
    protected override void InverseTransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        // TMVA VariableNormalizeTransform::InverseTransform: x = (y + 1) / (2 * scale) + min, in float.
        float[] minimum = _minimum[set];
        float[] maximum = _maximum[set];
        for (int j = 0; j < input.Length; j++)
        {
            float min = minimum[j];
            float scale = (float)(1.0 / (float)(maximum[j] - min));
            float shifted = input[j] + 1f;
            float divided = shifted / (scale * 2f);
            output[j] = divided + min;
        }
    }

    private static int FirstLength(IReadOnlyList<float[]> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return sets.Count > 0 && sets[0] is not null ? sets[0].Length : 0;
    }
}
