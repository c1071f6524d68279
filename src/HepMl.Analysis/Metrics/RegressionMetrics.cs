namespace HepMl.Analysis.Metrics;

/// <summary>Weighted figures of merit of a regression: root-mean-square error, mean absolute error and bias.</summary>
/// <remarks>scikit-learn: <c>mean_squared_error(y, p, sample_weight=w, squared=False)</c>, <c>mean_absolute_error</c>.</remarks>
public sealed class RegressionMetrics
{
    private RegressionMetrics(double rmse, double mae, double bias, double r2)
    {
        RootMeanSquaredError = rmse;
        MeanAbsoluteError = mae;
        Bias = bias;
        CoefficientOfDetermination = r2;
    }

    /// <summary>sqrt(Σ w (p − t)² / Σ w).</summary>
    public double RootMeanSquaredError { get; }

    /// <summary>Σ w |p − t| / Σ w.</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>Mean signed error Σ w (p − t) / Σ w (positive: predictions too high).</summary>
    public double Bias { get; }

    /// <summary>R² = 1 − Σ w (p − t)² / Σ w (t − t̄)².</summary>
    public double CoefficientOfDetermination { get; }

    /// <summary>Compares predictions with targets.</summary>
    /// <exception cref="ArgumentException">Lengths differ, there are no events, a value is NaN, a weight is not finite, or the total weight is zero.</exception>
    public static RegressionMetrics Evaluate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, ReadOnlySpan<float> weights = default)
    {
        int n = predictions.Length;
        if (targets.Length != n)
        {
            throw new ArgumentException($"{targets.Length} targets for {n} predictions", nameof(targets));
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException($"{weights.Length} weights for {n} predictions", nameof(weights));
        }

        if (n == 0)
        {
            throw new ArgumentException("no events: the prediction span is empty", nameof(predictions));
        }

        double sumW = 0, sumSquares = 0, sumAbs = 0, sumDiff = 0, sumT = 0;
        for (int i = 0; i < n; i++)
        {
            if (float.IsNaN(predictions[i]) || float.IsNaN(targets[i]))
            {
                throw new ArgumentException($"event {i} has prediction {predictions[i]} and target {targets[i]}; NaN is not allowed", nameof(predictions));
            }

            double w = weights.IsEmpty ? 1 : weights[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException($"weight {i} is {w}; weights must be finite", nameof(weights));
            }

            double diff = (double)predictions[i] - targets[i];
            sumW += w;
            sumSquares += w * diff * diff;
            sumAbs += w * Math.Abs(diff);
            sumDiff += w * diff;
            sumT += w * targets[i];
        }

        if (sumW == 0)
        {
            throw new ArgumentException("the total weight is zero", nameof(weights));
        }

        double mean = sumT / sumW, sumTotal = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            double d = targets[i] - mean;
            sumTotal += w * d * d;
        }

        double r2 = sumTotal == 0 ? double.NaN : 1 - (sumSquares / sumTotal);
        return new RegressionMetrics(Math.Sqrt(sumSquares / sumW), sumAbs / sumW, sumDiff / sumW, r2);
    }
}
