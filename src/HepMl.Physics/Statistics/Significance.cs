namespace HepMl.Physics.Statistics;

/// <summary>
/// Discovery significances of a counting experiment with expected signal s and background b (event counts or
/// summed weights): the simple ratios, the Asimov median significance with and without a background uncertainty σ_B
/// (Cowan, Cranmer, Gross, Vitells, Eur. Phys. J. C 71 (2011) 1554, arXiv:1007.1727, eq. 97; and G. Cowan,
/// "Discovery sensitivity for a counting experiment with background uncertainty", 2012), the Punzi figure of merit
/// (G. Punzi, arXiv:physics/0308063, eq. 7) and the combination of independent bins.
/// </summary>
/// <remarks>
/// s, b and σ_B must be finite and ≥ 0 (<see cref="ArgumentOutOfRangeException"/> otherwise, naming the value). With
/// b = 0 a positive signal has infinite significance and a zero signal has significance 0.
/// </remarks>
public static class Significance
{
    /// <summary>s/√b.</summary>
    public static double SignalOverSqrtBackground(double signal, double background)
    {
        Check(signal, background);
        if (background == 0)
        {
            return signal > 0 ? double.PositiveInfinity : 0;
        }

        return signal / Math.Sqrt(background);
    }

    /// <summary>s/√(s + b).</summary>
    public static double SignalOverSqrtSignalPlusBackground(double signal, double background)
    {
        Check(signal, background);
        double total = signal + background;
        return total == 0 ? 0 : signal / Math.Sqrt(total);
    }

    /// <summary>
    /// The Asimov median discovery significance Z_A = sqrt(2((s + b) ln(1 + s/b) − s)) (arXiv:1007.1727 eq. 97), which
    /// tends to s/√b for s ≪ b. Evaluated with a series for s/b &lt; 1e-3 to avoid the cancellation.
    /// </summary>
    public static double Asimov(double signal, double background)
    {
        Check(signal, background);
        if (signal == 0)
        {
            return 0;
        }

        if (background == 0)
        {
            return double.PositiveInfinity;
        }

        double x = signal / background;
        // (s + b) ln(1 + x) − s = b [(1 + x) ln(1 + x) − x] = b Σ_{k≥2} (−1)^k x^k / (k (k − 1)).
        double bracket;
        if (x < 1e-3)
        {
            bracket = x * x * (0.5 - x * (1.0 / 6 - x * (1.0 / 12 - x * (1.0 / 20 - x / 30))));
        }
        else
        {
            bracket = (1 + x) * Math.Log(1 + x) - x;
        }

        return Math.Sqrt(2 * background * bracket);
    }

    /// <summary>
    /// The Asimov significance with a Gaussian-constrained background uncertainty σ_B (absolute, in the units of b):
    /// Z = sqrt(2[(s + b) ln((s + b)(b + σ²)/(b² + (s + b)σ²)) − (b²/σ²) ln(1 + σ² s/(b(b + σ²)))]).
    /// Equals <see cref="Asimov(double, double)"/> for σ_B = 0 and decreases as σ_B grows.
    /// </summary>
    public static double Asimov(double signal, double background, double backgroundUncertainty)
    {
        Check(signal, background);
        CheckValue(backgroundUncertainty, nameof(backgroundUncertainty));
        double s = signal, b = background, v = backgroundUncertainty * backgroundUncertainty;
        if (v == 0 || s == 0)
        {
            return Asimov(s, b);
        }

        if (b == 0)
        {
            return double.PositiveInfinity;
        }

        double first = (s + b) * Math.Log((s + b) * (b + v) / (b * b + (s + b) * v));
        double second = b * b / v * LogOnePlus(v * s / (b * (b + v)));
        return Math.Sqrt(Math.Max(0, 2 * (first - second)));
    }

    /// <summary>The Punzi figure of merit ε_S/(a/2 + √B) for a search at a sigmas (default 5).</summary>
    /// <param name="signalEfficiency">Signal efficiency of the selection, in [0, 1].</param>
    /// <param name="background">Expected background after the selection.</param>
    /// <param name="sigmas">The desired significance a.</param>
    public static double Punzi(double signalEfficiency, double background, double sigmas = 5.0)
    {
        if (!(signalEfficiency >= 0 && signalEfficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(signalEfficiency), signalEfficiency, "the signal efficiency must be in [0, 1]");
        }

        CheckValue(background, nameof(background));
        CheckValue(sigmas, nameof(sigmas));
        return signalEfficiency / (0.5 * sigmas + Math.Sqrt(background));
    }

    /// <summary>The combination sqrt(Σ Z_i²) of significances of independent bins or channels.</summary>
    public static double CombineInQuadrature(ReadOnlySpan<double> significances)
    {
        double sum = 0;
        for (int i = 0; i < significances.Length; i++)
        {
            CheckValue(significances[i], $"significances[{i}]");
            sum += significances[i] * significances[i];
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// The Asimov significance of a binned counting experiment, sqrt(Σ Z_A(s_i, b_i[, σ_i])²) — exact for independent
    /// Poisson bins, since their log-likelihood ratios add.
    /// </summary>
    /// <param name="signal">Signal per bin.</param>
    /// <param name="background">Background per bin.</param>
    /// <param name="backgroundUncertainty">σ_B per bin (uncorrelated), or empty for none.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static double BinnedAsimov(ReadOnlySpan<double> signal, ReadOnlySpan<double> background, ReadOnlySpan<double> backgroundUncertainty = default)
    {
        if (background.Length != signal.Length || (!backgroundUncertainty.IsEmpty && backgroundUncertainty.Length != signal.Length))
        {
            throw new ArgumentException($"per-bin arrays must have equal lengths; got signal {signal.Length}, background {background.Length}, uncertainty {backgroundUncertainty.Length}");
        }

        double sum = 0;
        for (int i = 0; i < signal.Length; i++)
        {
            double z = backgroundUncertainty.IsEmpty ? Asimov(signal[i], background[i]) : Asimov(signal[i], background[i], backgroundUncertainty[i]);
            sum += z * z;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>ln(1 + x), accurate for tiny x (Kahan's trick: the rounding of 1 + x is divided back out).</summary>
    private static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    private static void Check(double signal, double background)
    {
        CheckValue(signal, nameof(signal));
        CheckValue(background, nameof(background));
    }

    private static void CheckValue(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite and >= 0");
        }
    }
}
