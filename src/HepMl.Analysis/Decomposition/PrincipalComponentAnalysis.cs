using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations.Internal;

namespace HepMl.Analysis.Decomposition;

/// <summary>
/// Principal component analysis: the eigenvectors of the (weighted) covariance matrix of the features, by decreasing
/// variance, and the projection of events onto them.
/// </summary>
/// <remarks>
/// Explained variances use the unbiased n − 1 normalisation (with weights: Σw − Σw²/Σw), as scikit-learn's
/// <c>PCA</c>. Each component's sign is chosen like scikit-learn's <c>svd_flip</c>: the training event with the
/// largest |projection| onto it projects positively. The eigenvectors come from cyclic Jacobi rotations in double
/// precision. Input transformations for TMVA methods (TMVA's <c>VarTransform=PCA</c>) live in the TMVA transformations.
/// </remarks>
public sealed class PrincipalComponentAnalysis
{
    private const string MethodName = "PCA";
    private readonly double[] _components; // row-major [componentCount, d]

    private PrincipalComponentAnalysis(string[] names, double[] mean, double[] components, int count, double[] variance, double[] ratio, bool whiten)
    {
        FeatureNames = names;
        Mean = mean;
        _components = components;
        ComponentCount = count;
        ExplainedVariance = variance;
        ExplainedVarianceRatio = ratio;
        Whiten = whiten;
    }

    /// <summary>The features, in the order of the component coordinates.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Per-feature (weighted) mean.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Row-major <c>[ComponentCount, features]</c> unit component vectors (scikit-learn: <c>components_</c>).</summary>
    public IReadOnlyList<double> Components => _components;

    /// <summary>Kept components.</summary>
    public int ComponentCount { get; }

    /// <summary>Variance along each kept component.</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary>Share of the total variance along each kept component.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Whether projections are divided by sqrt(explained variance).</summary>
    public bool Whiten { get; }

    /// <summary>Fits all components.</summary>
    public static PrincipalComponentAnalysis Fit(Dataset data) => Fit(data, new PcaOptions());

    /// <summary>Fits the principal components of the features of <paramref name="data"/> (weighted when it carries weights).</summary>
    /// <exception cref="ArgumentException">The dataset has fewer than two events, a NaN feature, a negative weight, or the component count is out of range.</exception>
    public static PrincipalComponentAnalysis Fit(Dataset data, PcaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        TrainingInput.RequireNonNegativeWeights(data, MethodName);
        int n = data.RowCount, d = data.FeatureCount;
        if (n < 2)
        {
            throw new ArgumentException($"{MethodName}: needs at least 2 events to estimate a covariance; got {n}", nameof(data));
        }

        int count = options.ComponentCount ?? d;
        if (count < 1 || count > d)
        {
            throw new ArgumentOutOfRangeException(nameof(options), count, $"{MethodName}: ComponentCount must be between 1 and the {d} features");
        }

        ReadOnlySpan<float> w = data.Weights;
        double sumW = 0, sumW2 = 0;
        for (int i = 0; i < n; i++)
        {
            sumW += w[i];
            sumW2 += (double)w[i] * w[i];
        }

        double normalisation = sumW - (sumW2 / sumW);
        if (!(normalisation > 0))
        {
            throw new ArgumentException($"{MethodName}: the weights leave no degrees of freedom (Σw = {sumW})", nameof(data));
        }

        var mean = new double[d];
        for (int j = 0; j < d; j++)
        {
            ReadOnlySpan<float> column = data.Column(j);
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                s += w[i] * (double)column[i];
            }

            mean[j] = s / sumW;
        }

        var covariance = new double[d * d];
        for (int a = 0; a < d; a++)
        {
            ReadOnlySpan<float> xa = data.Column(a);
            for (int b = a; b < d; b++)
            {
                ReadOnlySpan<float> xb = data.Column(b);
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += w[i] * (xa[i] - mean[a]) * (xb[i] - mean[b]);
                }

                covariance[(a * d) + b] = covariance[(b * d) + a] = s / normalisation;
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(covariance, d); // eigenvectors are columns
        double total = values.Sum(v => Math.Max(v, 0));
        var components = new double[count * d];
        var variance = new double[count];
        var ratio = new double[count];
        for (int c = 0; c < count; c++)
        {
            variance[c] = Math.Max(values[c], 0);
            ratio[c] = total > 0 ? variance[c] / total : 0;
            for (int k = 0; k < d; k++)
            {
                components[(c * d) + k] = vectors[(k * d) + c];
            }

            FixSign(data, mean, components.AsSpan(c * d, d));
        }

        return new PrincipalComponentAnalysis([.. data.FeatureNames], mean, components, count, variance, ratio, options.Whiten);
    }

    /// <summary>Projects every event of <paramref name="data"/>: row-major <c>[events, ComponentCount]</c>.</summary>
    /// <exception cref="KeyNotFoundException">A fitted feature is missing.</exception>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    public float[] Transform(Dataset data)
    {
        float[] rows = FeatureBinding.RowMajor(data, FeatureNames, MethodName);
        int d = FeatureNames.Count;
        var result = new float[data.RowCount * ComponentCount];
        for (int i = 0; i < data.RowCount; i++)
        {
            Transform(rows.AsSpan(i * d, d), result.AsSpan(i * ComponentCount, ComponentCount));
        }

        return result;
    }

    /// <summary>Projects one event into <paramref name="destination"/> (length <see cref="ComponentCount"/>).</summary>
    public void Transform(ReadOnlySpan<float> features, Span<float> destination)
    {
        FeatureBinding.CheckEvent(features, FeatureNames.Count, MethodName);
        if (destination.Length < ComponentCount)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {ComponentCount} components are produced", nameof(destination));
        }

        int d = features.Length;
        for (int c = 0; c < ComponentCount; c++)
        {
            double s = 0;
            for (int j = 0; j < d; j++)
            {
                s += (features[j] - Mean[j]) * _components[(c * d) + j];
            }

            destination[c] = (float)(Whiten ? s / Math.Sqrt(ExplainedVariance[c]) : s);
        }
    }

    /// <summary>A dataset whose features are the components <c>pc0, pc1, ...</c>, keeping labels, weights, targets and spectators.</summary>
    public Dataset TransformDataset(Dataset data)
    {
        float[] projected = Transform(data);
        var columns = new float[ComponentCount][];
        for (int c = 0; c < ComponentCount; c++)
        {
            columns[c] = new float[data.RowCount];
            for (int i = 0; i < data.RowCount; i++)
            {
                columns[c][i] = projected[(i * ComponentCount) + c];
            }
        }

        string[] names = Enumerable.Range(0, ComponentCount).Select(c => $"pc{c}").ToArray();
        Dataset result = new Dataset(names, columns, null, null, null);
        if (data.HasLabels)
        {
            result = result.WithLabels(data.Labels.ToArray(), data.ClassNames);
        }

        if (data.HasExplicitWeights)
        {
            result = result.WithWeights(data.Weights.ToArray());
        }

        if (data.HasTargets)
        {
            result = result.WithTargets(data.Targets.ToArray());
        }

        foreach (string spectator in data.SpectatorNames)
        {
            result = result.WithSpectator(spectator, data.Spectator(spectator).ToArray());
        }

        return result;
    }

    private static void FixSign(Dataset data, double[] mean, Span<double> component)
    {
        double largest = -1, sign = 1;
        for (int i = 0; i < data.RowCount; i++)
        {
            double s = 0;
            for (int j = 0; j < component.Length; j++)
            {
                s += (data.Column(j)[i] - mean[j]) * component[j];
            }

            if (Math.Abs(s) > largest)
            {
                largest = Math.Abs(s);
                sign = s < 0 ? -1 : 1;
            }
        }

        if (sign < 0)
        {
            for (int j = 0; j < component.Length; j++)
            {
                component[j] = -component[j];
            }
        }
    }
}
