using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations.Internal;

namespace HepMl.Analysis.Transformations;

/// <summary>
/// Shifts each variable to zero mean and scales it to unit standard deviation: <c>y = f32((x − mean) / σ)</c>,
/// with the weighted mean and σ of the training events (scikit-learn: <c>StandardScaler</c>). TMVA has no
/// counterpart, so it cannot be written to a TMVA weight file.
/// </summary>
public sealed class Standardisation : VariableTransformation
{
    private readonly double[][] _means;
    private readonly double[][] _deviations;

    /// <summary>Creates the transformation from per-set means and standard deviations.</summary>
    /// <exception cref="ArgumentException">Lengths are inconsistent or a deviation is not positive.</exception>
    public Standardisation(IReadOnlyList<double[]> means, IReadOnlyList<double[]> standardDeviations)
        : base(means?.Count > 0 && means[0] is not null ? means[0].Length : 0, means?.Count ?? 0)
    {
        CheckSets(means!, VariableCount, nameof(means));
        CheckSets(standardDeviations, VariableCount, nameof(standardDeviations));
        if (standardDeviations.Count != means!.Count)
        {
            throw new ArgumentException(
                $"{means.Count} mean sets but {standardDeviations.Count} deviation sets", nameof(standardDeviations));
        }

        foreach (double[] set in standardDeviations)
        {
            foreach (double sigma in set)
            {
                if (!(sigma > 0) || !double.IsFinite(sigma))
                {
                    throw new ArgumentException($"a standard deviation is {sigma}; it must be positive", nameof(standardDeviations));
                }
            }
        }

        _means = means.Select(m => (double[])m.Clone()).ToArray();
        _deviations = standardDeviations.Select(m => (double[])m.Clone()).ToArray();
    }

    /// <inheritdoc />
    public override string Name => "Standardize";

    /// <inheritdoc />
    public override bool IsInvertible => true;

    /// <summary>The mean of variable <paramref name="variable"/> in parameter set <paramref name="set"/>.</summary>
    public double Mean(int set, int variable) => _means[set][variable];

    /// <summary>The standard deviation of variable <paramref name="variable"/> in parameter set <paramref name="set"/>.</summary>
    public double StandardDeviation(int set, int variable) => _deviations[set][variable];

    /// <summary>Fits weighted means and standard deviations per class (and for all classes).</summary>
    /// <exception cref="ArgumentException">The dataset is empty, holds non-finite values, or a variable is constant.</exception>
    public static Standardisation Fit(Dataset data, IReadOnlyList<int>? variables = null)
    {
        FitSample sample = FitSample.From(data, variables, "Standardize");
        int n = sample.VariableCount;
        var means = new double[sample.SetCount][];
        var deviations = new double[sample.SetCount][];
        for (int set = 0; set < sample.SetCount; set++)
        {
            double[] covariance = Covariance.Weighted(sample, set, out means[set]);
            deviations[set] = new double[n];
            for (int j = 0; j < n; j++)
            {
                double variance = covariance[(j * n) + j];
                if (!(variance > 0))
                {
                    throw new ArgumentException(
                        $"cannot fit the Standardize transformation: variable {j} is constant in parameter set {set}", nameof(data));
                }

                deviations[set][j] = Math.Sqrt(variance);
            }
        }

        return new Standardisation(means, deviations);
    }

    /// <inheritdoc />
    protected override void TransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        double[] means = _means[set];
        double[] deviations = _deviations[set];
        for (int j = 0; j < input.Length; j++)
        {
            output[j] = (float)((input[j] - means[j]) / deviations[j]);
        }
    }

    /// <inheritdoc />
    protected override void InverseTransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        double[] means = _means[set];
        double[] deviations = _deviations[set];
        for (int j = 0; j < input.Length; j++)
        {
            output[j] = (float)((input[j] * deviations[j]) + means[j]);
        }
    }
}
