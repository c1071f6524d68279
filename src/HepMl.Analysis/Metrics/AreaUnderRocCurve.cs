using System.Buffers;
using HepMl.Analysis.Metrics.Internal;

namespace HepMl.Analysis.Metrics;

/// <summary>The area under the weighted ROC curve, computed without building the curve (fast path for large samples).</summary>
/// <remarks>
/// Equal to <see cref="RocCurve.AreaUnderCurve"/>: the trapezoidal area, which is the weighted probability that a
/// signal event outscores a background event, ties counting one half. Negative weights enter with their sign.
/// Scores are ordered by a linear-time radix sort. scikit-learn: <c>roc_auc_score(y, s, sample_weight=w)</c>.
/// </remarks>
public static class AreaUnderRocCurve
{
    /// <summary>Computes the ROC AUC of <paramref name="scores"/> for labels 1 (signal) and 0 (background).</summary>
    /// <param name="scores">Classifier output per event (higher = more signal-like). NaN is rejected.</param>
    /// <param name="labels">1 for signal, 0 for background.</param>
    /// <param name="weights">Per-event weights, or empty for unit weights.</param>
    /// <exception cref="ArgumentException">Lengths differ, there are no events, a score is NaN, a label is not 0/1,
    /// a weight is not finite, or a class has a total weight of zero.</exception>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights = default)
    {
        var (totalSignal, totalBackground) = BinaryInput.Check(scores, labels, weights);
        BinaryInput.RequireBothClasses(totalSignal, totalBackground, "the ROC AUC");
        ulong[] sorted = ScoreSorter.SortRented(scores, nameof(scores));
        try
        {
            // Walk from the highest score down; for each group of tied scores add the trapezoid
            // (background in the group) x (signal above the group + half the signal in the group).
            double signalAbove = 0, area = 0;
            int k = scores.Length - 1;
            bool unit = weights.IsEmpty;
            while (k >= 0)
            {
                uint key = (uint)(sorted[k] >> 32);
                double groupSignal = 0, groupBackground = 0;
                do
                {
                    int i = (int)(uint)sorted[k];
                    double w = unit ? 1.0 : weights[i];
                    if (labels[i] == 1)
                    {
                        groupSignal += w;
                    }
                    else
                    {
                        groupBackground += w;
                    }

                    k--;
                }
                while (k >= 0 && (uint)(sorted[k] >> 32) == key);

                area += groupBackground * (signalAbove + (0.5 * groupSignal));
                signalAbove += groupSignal;
            }

            return area / (totalSignal * totalBackground);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(sorted);
        }
    }
}
