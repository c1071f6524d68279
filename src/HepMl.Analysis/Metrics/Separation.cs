using HepMl.Analysis.Metrics.Internal;

namespace HepMl.Analysis.Metrics;

/// <summary>
/// TMVA's separation ⟨S²⟩ = ½ Σ_bins (s_i − b_i)² / (s_i + b_i) of the signal and background score distributions,
/// each histogram normalised to unit sum: 0 for identical shapes, 1 for disjoint ones.
/// </summary>
/// <remarks>TMVA: <c>Tools::GetSeparation(TH1*, TH1*)</c> on the classifier-output histograms (default 40 bins over the score range).</remarks>
public static class Separation
{
    /// <summary>Default number of histogram bins.</summary>
    public const int DefaultBins = 40;

    /// <summary>Separation with <paramref name="bins"/> equal bins spanning the smallest to the largest score.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is not finite, a label is not 0/1, or a class has zero total weight.</exception>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights = default, int bins = DefaultBins)
    {
        BinaryInput.Check(scores, labels, weights);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!float.IsFinite(scores[i]))
            {
                throw new ArgumentException($"score {i} is {scores[i]}; the separation needs finite scores", nameof(scores));
            }

            min = Math.Min(min, scores[i]);
            max = Math.Max(max, scores[i]);
        }

        return Compute(scores, labels, min, max, weights, bins);
    }

    /// <summary>Separation with <paramref name="bins"/> equal bins on [<paramref name="min"/>, <paramref name="max"/>]; scores outside are clamped into the edge bins.</summary>
    /// <exception cref="ArgumentException">As above, or the range is empty.</exception>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, double min, double max, ReadOnlySpan<float> weights = default, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var (totalSignal, totalBackground) = BinaryInput.Check(scores, labels, weights);
        BinaryInput.RequireBothClasses(totalSignal, totalBackground, "the separation");
        if (!(max >= min) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"the histogram range [{min}, {max}] is not a finite interval", nameof(min));
        }

        var signal = new double[bins];
        var background = new double[bins];
        double width = max > min ? (max - min) / bins : 1;
        for (int i = 0; i < scores.Length; i++)
        {
            int bin = (int)Math.Floor((scores[i] - min) / width);
            bin = Math.Clamp(bin, 0, bins - 1);
            double w = weights.IsEmpty ? 1.0 : weights[i];
            (labels[i] == 1 ? signal : background)[bin] += w;
        }

        double separation = 0;
        for (int b = 0; b < bins; b++)
        {
            double s = signal[b] / totalSignal, g = background[b] / totalBackground;
            if (s + g > 0)
            {
                separation += (s - g) * (s - g) / (s + g);
            }
        }

        return 0.5 * separation;
    }
}
