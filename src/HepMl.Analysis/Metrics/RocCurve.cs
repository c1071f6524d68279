using System.Buffers;
using HepMl.Analysis.Metrics.Internal;

namespace HepMl.Analysis.Metrics;

/// <summary>
/// The weighted receiver operating characteristic of a binary classifier: signal efficiency (true-positive rate)
/// against background efficiency (false-positive rate) as the cut on the score is lowered.
/// </summary>
/// <remarks>
/// Events with equal scores are one threshold step (so the curve is independent of their order, as in
/// scikit-learn's <c>roc_curve</c> with <c>drop_intermediate=False</c>). Weights may be negative: the efficiencies
/// are ratios of signed weight sums, so a curve may leave [0, 1] locally, and the area is the trapezoidal integral,
/// which equals the weighted probability that a signal event outscores a background event (ties count one half).
/// </remarks>
public sealed partial class RocCurve
{
    private RocCurve(double[] thresholds, double[] signalEfficiency, double[] backgroundEfficiency, double area)
    {
        Thresholds = thresholds;
        SignalEfficiency = signalEfficiency;
        BackgroundEfficiency = backgroundEfficiency;
        AreaUnderCurve = area;
    }

    /// <summary>Score thresholds, descending; point k counts events with score &gt;= Thresholds[k]. Point 0 is (0, 0) at +inf.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Weighted signal efficiency (true-positive rate) per point.</summary>
    public IReadOnlyList<double> SignalEfficiency { get; }

    /// <summary>Weighted background efficiency (false-positive rate) per point.</summary>
    public IReadOnlyList<double> BackgroundEfficiency { get; }

    /// <summary>Area under the curve (ROC AUC), by the trapezoidal rule.</summary>
    public double AreaUnderCurve { get; }

    /// <summary>Computes the ROC curve of <paramref name="scores"/> for labels 1 (signal) and 0 (background).</summary>
    /// <param name="scores">Classifier output per event (higher = more signal-like). NaN is rejected.</param>
    /// <param name="labels">1 for signal, 0 for background.</param>
    /// <param name="weights">Per-event weights, or empty for unit weights.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are no events, a score is NaN, a label is not 0/1,
    /// a weight is not finite, or a class has a total weight of zero.</exception>
    public static RocCurve Compute(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights = default)
    {
        var (totalSignal, totalBackground) = BinaryInput.Check(scores, labels, weights);
        BinaryInput.RequireBothClasses(totalSignal, totalBackground, "the ROC curve");
        ulong[] sorted = ScoreSorter.SortRented(scores, nameof(scores));
        try
        {
            var thresholds = new List<double> { double.PositiveInfinity };
            var tpr = new List<double> { 0 };
            var fpr = new List<double> { 0 };
            double signal = 0, background = 0, area = 0;
            int k = scores.Length - 1;
            while (k >= 0)
            {
                uint key = (uint)(sorted[k] >> 32);
                float score = scores[(int)(uint)sorted[k]];
                double stepSignal = 0, stepBackground = 0;
                do
                {
                    int i = (int)(uint)sorted[k];
                    double w = weights.IsEmpty ? 1.0 : weights[i];
                    if (labels[i] == 1)
                    {
                        stepSignal += w;
                    }
                    else
                    {
                        stepBackground += w;
                    }

                    k--;
                }
                while (k >= 0 && (uint)(sorted[k] >> 32) == key);

                double previousTpr = signal / totalSignal, previousFpr = background / totalBackground;
                signal += stepSignal;
                background += stepBackground;
                double currentTpr = signal / totalSignal, currentFpr = background / totalBackground;
                area += (currentFpr - previousFpr) * (currentTpr + previousTpr) * 0.5;
                thresholds.Add(score);
                tpr.Add(currentTpr);
                fpr.Add(currentFpr);
            }

            return new RocCurve([.. thresholds], [.. tpr], [.. fpr], area);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(sorted);
        }
    }
}
