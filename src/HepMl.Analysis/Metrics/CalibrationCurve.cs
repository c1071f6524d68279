namespace HepMl.Analysis.Metrics;

/// <summary>
/// Reliability diagram of predicted probabilities: per bin of the prediction, the (weighted) mean prediction and the
/// observed fraction of positives. A calibrated classifier lies on the diagonal.
/// </summary>
/// <remarks>
/// A prediction on a bin edge falls in the lower bin, and empty bins are left out, as in scikit-learn's
/// <c>calibration_curve(y, p, n_bins, strategy)</c> (which is unweighted).
/// </remarks>
public sealed class CalibrationCurve
{
    private CalibrationCurve(double[] meanPredicted, double[] fractionPositive, double[] binWeight)
    {
        MeanPredicted = meanPredicted;
        FractionOfPositives = fractionPositive;
        BinWeight = binWeight;
    }

    /// <summary>Weighted mean predicted probability per non-empty bin.</summary>
    public IReadOnlyList<double> MeanPredicted { get; }

    /// <summary>Weighted fraction of positives (label 1) per non-empty bin.</summary>
    public IReadOnlyList<double> FractionOfPositives { get; }

    /// <summary>Total weight per non-empty bin.</summary>
    public IReadOnlyList<double> BinWeight { get; }

    /// <summary>Computes the curve.</summary>
    /// <param name="probabilities">Predicted probability of class 1 per event, in [0, 1].</param>
    /// <param name="labels">0 or 1 per event.</param>
    /// <param name="weights">Per-event weights, or empty for unit weights.</param>
    /// <param name="bins">Number of bins.</param>
    /// <param name="binning">Uniform or quantile bins.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are no events, a probability is outside [0, 1] or NaN, a label is not 0/1, or a weight is not finite.</exception>
    public static CalibrationCurve Compute(
        ReadOnlySpan<float> probabilities,
        ReadOnlySpan<int> labels,
        ReadOnlySpan<float> weights = default,
        int bins = 10,
        CalibrationBinning binning = CalibrationBinning.Uniform)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        Internal.BinaryInput.Check(probabilities, labels, weights);
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
            {
                throw new ArgumentException($"probability {i} is {probabilities[i]}; it must be in [0, 1]", nameof(probabilities));
            }
        }

        double[] edges = binning == CalibrationBinning.Uniform ? UniformEdges(bins) : QuantileEdges(probabilities, bins);
        var sumPredicted = new double[bins];
        var sumPositive = new double[bins];
        var sumWeight = new double[bins];
        var count = new int[bins];
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            int bin = LowerBound(edges, p);
            double w = weights.IsEmpty ? 1 : weights[i];
            sumPredicted[bin] += w * p;
            sumPositive[bin] += labels[i] == 1 ? w : 0;
            sumWeight[bin] += w;
            count[bin]++;
        }

        var predicted = new List<double>();
        var positive = new List<double>();
        var binWeight = new List<double>();
        for (int b = 0; b < bins; b++)
        {
            if (count[b] > 0 && sumWeight[b] != 0)
            {
                predicted.Add(sumPredicted[b] / sumWeight[b]);
                positive.Add(sumPositive[b] / sumWeight[b]);
                binWeight.Add(sumWeight[b]);
            }
        }

        return new CalibrationCurve([.. predicted], [.. positive], [.. binWeight]);
    }

    /// <summary>Number of inner edges strictly below <paramref name="p"/> (numpy <c>searchsorted(side='left')</c>).</summary>
    private static int LowerBound(double[] innerEdges, double p)
    {
        int lo = 0, hi = innerEdges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (innerEdges[mid] < p)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double[] UniformEdges(int bins)
    {
        var edges = new double[bins - 1];
        for (int b = 1; b < bins; b++)
        {
            edges[b - 1] = (double)b / bins;
        }

        return edges;
    }

    private static double[] QuantileEdges(ReadOnlySpan<float> probabilities, int bins)
    {
        double[] sorted = new double[probabilities.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = probabilities[i];
        }

        Array.Sort(sorted);
        var edges = new double[bins - 1];
        for (int b = 1; b < bins; b++)
        {
            double position = (double)b / bins * (sorted.Length - 1);
            int below = (int)Math.Floor(position);
            int above = Math.Min(below + 1, sorted.Length - 1);
            edges[b - 1] = sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
        }

        return edges;
    }
}
