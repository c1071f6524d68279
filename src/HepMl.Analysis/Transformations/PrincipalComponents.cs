using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations.Internal;

namespace HepMl.Analysis.Transformations;

/// <summary>
/// Rotation onto the principal axes: <c>p_i = Σ_j (x_j − mean_j) E[j][i]</c> with E the eigenvectors of the
/// covariance as columns, ordered by decreasing eigenvalue (TMVA: <c>PCA</c>, <c>VarTransform=P</c>).
/// </summary>
/// <remarks>
/// Sums are in double over j ascending and rounded to float, as TMVA's <c>VariablePCATransform::X2P</c>. Fitting
/// uses unweighted events like TMVA's <c>TPrincipal</c>; eigenvectors are oriented with their largest component
/// positive (TMVA's orientation is whatever its solver returns, so signs of fitted components may differ from a
/// TMVA training; values read from a weight file are used as stored).
/// </remarks>
public sealed class PrincipalComponents : VariableTransformation
{
    private readonly double[][] _means;
    private readonly double[][] _eigenvectors;

    /// <summary>Creates the transformation from per-set means and row-major n×n eigenvector matrices
    /// (column i is component i).</summary>
    /// <exception cref="ArgumentException">Lengths are inconsistent.</exception>
    public PrincipalComponents(int variableCount, IReadOnlyList<double[]> means, IReadOnlyList<double[]> eigenvectors)
        : base(variableCount, means?.Count ?? 0)
    {
        CheckSets(means!, variableCount, nameof(means));
        CheckSets(eigenvectors, variableCount * variableCount, nameof(eigenvectors));
        if (eigenvectors.Count != means!.Count)
        {
            throw new ArgumentException($"{means.Count} mean sets but {eigenvectors.Count} eigenvector sets", nameof(eigenvectors));
        }

        _means = means.Select(m => (double[])m.Clone()).ToArray();
        _eigenvectors = eigenvectors.Select(m => (double[])m.Clone()).ToArray();
    }

    /// <inheritdoc />
    public override string Name => "PCA";

    /// <summary>A copy of the means of parameter set <paramref name="set"/>.</summary>
    public double[] Means(int set) => (double[])_means[set].Clone();

    /// <summary>A copy of the row-major eigenvector matrix of parameter set <paramref name="set"/>.</summary>
    public double[] Eigenvectors(int set) => (double[])_eigenvectors[set].Clone();

    /// <summary>Fits means and principal axes per class (and for all classes), unweighted.</summary>
    /// <exception cref="ArgumentException">The dataset is empty or holds non-finite values.</exception>
    public static PrincipalComponents Fit(Dataset data, IReadOnlyList<int>? variables = null)
    {
        FitSample sample = FitSample.From(data, variables, "PCA");
        FitSample unweighted = sample.WithUnitWeights();
        int n = sample.VariableCount;
        var means = new double[sample.SetCount][];
        var vectors = new double[sample.SetCount][];
        for (int set = 0; set < sample.SetCount; set++)
        {
            double[] covariance = Covariance.Weighted(unweighted, set, out means[set]);
            vectors[set] = SymmetricEigen.Decompose(covariance, n).Vectors;
        }

        return new PrincipalComponents(n, means, vectors);
    }

    /// <inheritdoc />
    protected override void TransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        int n = VariableCount;
        Span<float> copy = n <= 64 ? stackalloc float[n] : new float[n];
        input.CopyTo(copy);
        double[] means = _means[set];
        double[] vectors = _eigenvectors[set];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                sum += (copy[j] - means[j]) * vectors[(j * n) + i];
            }

            output[i] = (float)sum;
        }
    }
}
