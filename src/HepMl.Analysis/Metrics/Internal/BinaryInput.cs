namespace HepMl.Analysis.Metrics.Internal;

/// <summary>Shared argument checks of the binary-classification metrics.</summary>
internal static class BinaryInput
{
    /// <summary>Checks lengths, labels (0/1) and weights (finite) and returns the signed class totals.</summary>
    public static (double Signal, double Background) Check(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights)
    {
        int n = scores.Length;
        if (labels.Length != n)
        {
            throw new ArgumentException($"{labels.Length} labels for {n} scores", nameof(labels));
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException($"{weights.Length} weights for {n} scores", nameof(weights));
        }

        if (n == 0)
        {
            throw new ArgumentException("no events: the score span is empty", nameof(scores));
        }

        double signal = 0, background = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException($"weight {i} is {w}; weights must be finite", nameof(weights));
            }

            switch (labels[i])
            {
                case 1: signal += w; break;
                case 0: background += w; break;
                default: throw new ArgumentException($"label {i} is {labels[i]}; expected 0 (background) or 1 (signal)", nameof(labels));
            }
        }

        return (signal, background);
    }

    /// <summary>Throws unless both classes have a non-zero total weight.</summary>
    public static void RequireBothClasses(double signal, double background, string what)
    {
        if (signal == 0 || background == 0)
        {
            throw new ArgumentException(
                $"{what} needs both classes with non-zero total weight (signal {signal}, background {background})", "labels");
        }
    }
}
