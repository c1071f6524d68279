using HepMl.Analysis.Classic;
using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.LinearModels;

/// <summary>
/// The Fisher linear discriminant as TMVA trains it: y(x) = F₀ + Σ F_k x_k with
/// F = sqrt(W_S W_B)/(W_S + W_B) · M⁻¹ (μ_S − μ_B) and F₀ = −½ Σ F_k (μ_S,k + μ_B,k).
/// </summary>
/// <remarks>
/// μ_S, μ_B are the weighted class means, W_S, W_B the class weight sums; M is the within-class matrix
/// C_S + C_B (each class's weighted covariance normalised by its own weight sum) or, for
/// <see cref="FisherMethod.Mahalanobis"/>, that plus the between-class matrix
/// B = (W_S (μ_S − μ)(μ_S − μ)ᵀ + W_B (μ_B − μ)(μ_B − μ)ᵀ)/(W_S + W_B). Signal is label 1.
/// TMVA: <c>MethodFisher</c> (<c>GetMean</c>, <c>GetCov_WithinClass</c>, <c>GetCov_BetweenClass</c>, <c>GetFisherCoeff</c>).
/// The direction equals scikit-learn's <c>LinearDiscriminantAnalysis</c> with equal priors.
/// </remarks>
public sealed class FisherDiscriminant : IEventScorer
{
    private const string MethodName = "Fisher discriminant";

    private FisherDiscriminant(string[] names, double[] coefficients, double offset, double[] discriminatingPower)
    {
        FeatureNames = names;
        Coefficients = coefficients;
        Offset = offset;
        DiscriminatingPower = discriminatingPower;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>F_k per feature (TMVA weight file: Coefficient Index=k+1).</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>F₀ (TMVA weight file: Coefficient Index=0).</summary>
    public double Offset { get; }

    /// <summary>Per-feature B_kk / (W + B)_kk, TMVA's variable ranking "discriminating power".</summary>
    public IReadOnlyList<double> DiscriminatingPower { get; }

    /// <summary>Trains with TMVA's default (within-class) matrix.</summary>
    /// <inheritdoc cref="Train(Dataset, FisherOptions)"/>
    public static FisherDiscriminant Train(Dataset data) => Train(data, new FisherOptions());

    /// <summary>Trains on labelled events (1 signal, 0 background), with their weights.</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, lacks labels, holds one class, or a class weight sum is not positive.</exception>
    /// <exception cref="SingularMatrixException">The covariance matrix is singular.</exception>
    public static FisherDiscriminant Train(Dataset data, FisherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireBinaryLabels(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);

        int d = data.FeatureCount;
        ReadOnlySpan<int> labels = data.Labels;
        ReadOnlySpan<float> weights = data.Weights;
        double weightS = 0, weightB = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1)
            {
                weightS += weights[i];
            }
            else
            {
                weightB += weights[i];
            }
        }

        if (!(weightS > 0) || !(weightB > 0))
        {
            throw new ArgumentException($"{MethodName}: class weight sums must be positive (signal {weightS}, background {weightB})", nameof(data));
        }

        var meanS = new double[d];
        var meanB = new double[d];
        var mean = new double[d];
        for (int k = 0; k < d; k++)
        {
            ReadOnlySpan<float> x = data.Column(k);
            double s = 0, b = 0;
            for (int i = 0; i < x.Length; i++)
            {
                if (labels[i] == 1)
                {
                    s += weights[i] * (double)x[i];
                }
                else
                {
                    b += weights[i] * (double)x[i];
                }
            }

            meanS[k] = s / weightS;
            meanB[k] = b / weightB;
            mean[k] = (s + b) / (weightS + weightB);
        }

        var within = new double[d * d];
        for (int k = 0; k < d; k++)
        {
            ReadOnlySpan<float> xk = data.Column(k);
            for (int l = k; l < d; l++)
            {
                ReadOnlySpan<float> xl = data.Column(l);
                double s = 0, b = 0;
                for (int i = 0; i < xk.Length; i++)
                {
                    if (labels[i] == 1)
                    {
                        s += weights[i] * (xk[i] - meanS[k]) * (xl[i] - meanS[l]);
                    }
                    else
                    {
                        b += weights[i] * (xk[i] - meanB[k]) * (xl[i] - meanB[l]);
                    }
                }

                within[(k * d) + l] = within[(l * d) + k] = (s / weightS) + (b / weightB);
            }
        }

        var between = new double[d * d];
        for (int k = 0; k < d; k++)
        {
            for (int l = 0; l < d; l++)
            {
                between[(k * d) + l] = ((weightS * (meanS[k] - mean[k]) * (meanS[l] - mean[l]))
                    + (weightB * (meanB[k] - mean[k]) * (meanB[l] - mean[l]))) / (weightS + weightB);
            }
        }

        var full = new double[d * d];
        for (int i = 0; i < full.Length; i++)
        {
            full[i] = within[i] + between[i];
        }

        double[] matrix = options.Method == FisherMethod.Fisher ? within : full;
        var difference = new double[d];
        for (int k = 0; k < d; k++)
        {
            difference[k] = meanS[k] - meanB[k];
        }

        double[] coefficients = DenseMatrix.Solve(matrix, d, difference, 1, $"{MethodName}: the {(options.Method == FisherMethod.Fisher ? "within-class" : "full")} covariance matrix");
        double factor = Math.Sqrt(weightS * weightB) / (weightS + weightB);
        double offset = 0;
        for (int k = 0; k < d; k++)
        {
            coefficients[k] *= factor;
            offset += coefficients[k] * (meanS[k] + meanB[k]);
        }

        var power = new double[d];
        for (int k = 0; k < d; k++)
        {
            power[k] = full[(k * d) + k] != 0 ? between[(k * d) + k] / full[(k * d) + k] : 0;
        }

        return new FisherDiscriminant([.. data.FeatureNames], coefficients, -0.5 * offset, power);
    }

    /// <summary>Builds a discriminant from known coefficients (e.g. read from a TMVA weight file).</summary>
    /// <exception cref="ArgumentException">The numbers of names and coefficients differ.</exception>
    public static FisherDiscriminant FromCoefficients(IReadOnlyList<string> featureNames, IReadOnlyList<double> coefficients, double offset)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (featureNames.Count != coefficients.Count)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for {coefficients.Count} coefficients", nameof(coefficients));
        }

        return new FisherDiscriminant([.. featureNames], [.. coefficients], offset, new double[coefficients.Count]);
    }

    /// <inheritdoc/>
    public float Score(ReadOnlySpan<float> features) => (float)LinearScoring.Evaluate(features, Coefficients, Offset, MethodName);

    /// <inheritdoc/>
    public float[] Score(Dataset data) => LinearScoring.ToFloat(LinearScoring.Evaluate(data, FeatureNames, Coefficients, Offset, MethodName));
}
