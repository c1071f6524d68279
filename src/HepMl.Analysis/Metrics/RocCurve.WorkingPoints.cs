namespace HepMl.Analysis.Metrics;

public sealed partial class RocCurve
{
    /// <summary>
    /// Background efficiency ε_B at signal efficiency <paramref name="signalEfficiency"/>, interpolated linearly
    /// between the two curve points that bracket it (the first point reaching the target and the one before).
    /// </summary>
    /// <remarks>TMVA reports the same quantity ("background efficiency at signal efficiency 0.3") from its efficiency histograms.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The efficiency is not in [0, 1].</exception>
    public double BackgroundEfficiencyAtSignalEfficiency(double signalEfficiency)
    {
        CheckEfficiency(signalEfficiency, nameof(signalEfficiency));
        return Interpolate(SignalEfficiency, BackgroundEfficiency, signalEfficiency);
    }

    /// <summary>Signal efficiency ε_S at background efficiency <paramref name="backgroundEfficiency"/>, interpolated likewise.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The efficiency is not in [0, 1].</exception>
    public double SignalEfficiencyAtBackgroundEfficiency(double backgroundEfficiency)
    {
        CheckEfficiency(backgroundEfficiency, nameof(backgroundEfficiency));
        return Interpolate(BackgroundEfficiency, SignalEfficiency, backgroundEfficiency);
    }

    /// <summary>Background rejection 1/ε_B at the given signal efficiency (+∞ when no background passes).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The efficiency is not in [0, 1].</exception>
    public double BackgroundRejectionAtSignalEfficiency(double signalEfficiency)
    {
        double background = BackgroundEfficiencyAtSignalEfficiency(signalEfficiency);
        return background > 0 ? 1.0 / background : double.PositiveInfinity;
    }

    /// <summary>
    /// The significance improvement characteristic SIC = ε_S / sqrt(ε_B) at every curve point with ε_B &gt; 0
    /// (the factor by which a cut on the score improves s/sqrt(b)), with the signal efficiency of each point.
    /// </summary>
    public (double[] SignalEfficiency, double[] Improvement) SignificanceImprovementCurve()
    {
        var efficiency = new List<double>();
        var improvement = new List<double>();
        for (int k = 0; k < SignalEfficiency.Count; k++)
        {
            double b = BackgroundEfficiency[k];
            if (b > 0)
            {
                efficiency.Add(SignalEfficiency[k]);
                improvement.Add(SignalEfficiency[k] / Math.Sqrt(b));
            }
        }

        return ([.. efficiency], [.. improvement]);
    }

    /// <summary>
    /// The largest significance improvement ε_S/sqrt(ε_B) over the points whose background efficiency is at least
    /// <paramref name="minimumBackgroundEfficiency"/> (a floor keeps a handful of background events from dominating).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The floor is not in [0, 1].</exception>
    public double MaximumSignificanceImprovement(double minimumBackgroundEfficiency = 0)
    {
        CheckEfficiency(minimumBackgroundEfficiency, nameof(minimumBackgroundEfficiency));
        double best = 0;
        for (int k = 0; k < SignalEfficiency.Count; k++)
        {
            double b = BackgroundEfficiency[k];
            if (b > 0 && b >= minimumBackgroundEfficiency)
            {
                best = Math.Max(best, SignalEfficiency[k] / Math.Sqrt(b));
            }
        }

        return best;
    }

    private static double Interpolate(IReadOnlyList<double> x, IReadOnlyList<double> y, double target)
    {
        for (int k = 0; k < x.Count; k++)
        {
            if (x[k] >= target)
            {
                if (k == 0 || x[k] == target)
                {
                    return y[k];
                }

                double t = (target - x[k - 1]) / (x[k] - x[k - 1]);
                return y[k - 1] + (t * (y[k] - y[k - 1]));
            }
        }

        return y[^1];
    }

    private static void CheckEfficiency(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "an efficiency must be in [0, 1]");
        }
    }
}
