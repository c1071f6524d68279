using HepMl.Analysis.Classic;
using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.LinearModels;

/// <summary>
/// TMVA's linear discriminant (LD): the weighted least-squares fit y(x) = c₀ + Σ c_k x_k of the class label
/// (1 signal, 0 background) or of a regression target, β = (XᵀWX)⁻¹ XᵀW y with X carrying a leading column of ones.
/// </summary>
/// <remarks>TMVA: <c>MethodLD</c> (<c>GetSum</c>, <c>GetSumVal</c>, <c>GetLDCoeff</c>). scikit-learn: <c>LinearRegression().fit(X, y, sample_weight=w)</c>.</remarks>
public sealed class LinearDiscriminant : IEventScorer
{
    private const string MethodName = "linear discriminant";

    private LinearDiscriminant(string[] names, double[] coefficients, double offset)
    {
        FeatureNames = names;
        Coefficients = coefficients;
        Offset = offset;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>c_k per feature.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>c₀.</summary>
    public double Offset { get; }

    /// <summary>Fits the class label.</summary>
    /// <inheritdoc cref="Train(Dataset, LinearDiscriminantOptions)"/>
    public static LinearDiscriminant Train(Dataset data) => Train(data, new LinearDiscriminantOptions());

    /// <summary>Fits the class label or the regression target by weighted least squares.</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, lacks the labels (both classes) or targets asked for.</exception>
    /// <exception cref="SingularMatrixException">XᵀWX is singular.</exception>
    public static LinearDiscriminant Train(Dataset data, LinearDiscriminantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        bool classification = options.Target == LinearDiscriminantTarget.ClassLabel;
        if (classification)
        {
            TrainingInput.RequireBinaryLabels(data, MethodName);
        }
        else if (!data.HasTargets)
        {
            throw new ArgumentException($"{MethodName}: regression needs a dataset with targets", nameof(data));
        }

        TrainingInput.RequireFinite(data, MethodName);
        int d = data.FeatureCount, p = d + 1;
        ReadOnlySpan<float> weights = data.Weights;
        var sum = new double[p * p];
        var sumValue = new double[p];
        var x = new double[p];
        x[0] = 1;
        for (int i = 0; i < data.RowCount; i++)
        {
            double w = weights[i];
            if (options.IgnoreNegativeWeights && w <= 0)
            {
                continue;
            }

            for (int k = 0; k < d; k++)
            {
                x[k + 1] = data.Column(k)[i];
            }

            double y = classification ? data.Labels[i] : data.Targets[i];
            for (int k = 0; k < p; k++)
            {
                double wx = w * x[k];
                sumValue[k] += wx * y;
                for (int l = k; l < p; l++)
                {
                    sum[(k * p) + l] += wx * x[l];
                }
            }
        }

        for (int k = 0; k < p; k++)
        {
            for (int l = 0; l < k; l++)
            {
                sum[(k * p) + l] = sum[(l * p) + k];
            }
        }

        double[] beta = DenseMatrix.Solve(sum, p, sumValue, 1, $"{MethodName}: the matrix XᵀWX");
        return new LinearDiscriminant([.. data.FeatureNames], beta[1..], beta[0]);
    }

    /// <inheritdoc/>
    public float Score(ReadOnlySpan<float> features) => (float)LinearScoring.Evaluate(features, Coefficients, Offset, MethodName);

    /// <inheritdoc/>
    public float[] Score(Dataset data) => LinearScoring.ToFloat(LinearScoring.Evaluate(data, FeatureNames, Coefficients, Offset, MethodName));
}
