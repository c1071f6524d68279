namespace HepMl.Tmva.Factory;

/// <summary>
/// A generated signal/background sample for examples and tests (no download): a Higgs-to-bb-like toy with a
/// resonance mass <c>m_bb</c> (signal peaked at 125 GeV over a falling background), the di-jet momentum <c>pt_bb</c>,
/// the jets' separation <c>dR_bb</c>, missing energy <c>met</c>, a b-tag discriminant <c>btag</c>, an uninformative
/// <c>eta_b1</c>, and a per-event weight <c>w</c>. Deterministic for a seed.
/// </summary>
public static class TmvaExampleData
{
    /// <summary>The variable names, in order.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["m_bb", "pt_bb", "dR_bb", "met", "btag", "eta_b1"];

    /// <summary>Generates <paramref name="events"/> signal or background events as named columns (plus <c>w</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is not positive.</exception>
    public static IReadOnlyDictionary<string, float[]> Generate(bool signal, int events, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        var random = new Random(seed * 2 + (signal ? 1 : 0));
        var columns = Variables.Append("w").ToDictionary(name => name, _ => new float[events], StringComparer.Ordinal);
        for (int i = 0; i < events; i++)
        {
            double mass, pt, dr, met, btag;
            if (signal)
            {
                mass = 125 + (13 * Gaussian(random));
                pt = 40 + Exponential(random, 110);
                dr = Math.Abs(1.1 + (0.45 * Gaussian(random))) + 0.3;
                met = Exponential(random, 70);
                btag = Beta(random, 5, 1.5);
            }
            else
            {
                mass = 40 + Exponential(random, 75);
                pt = 30 + Exponential(random, 70);
                dr = 0.4 + (3.2 * Math.Pow(random.NextDouble(), 0.8));
                met = Exponential(random, 45);
                btag = Beta(random, 1.8, 2.5);
            }

            // Correlate the di-jet momentum with the separation (boosted pairs are closer), for both classes.
            dr = Math.Max(0.3, dr * (1.2 - (0.4 * Math.Tanh((pt - 100) / 120))));
            columns["m_bb"][i] = (float)mass;
            columns["pt_bb"][i] = (float)pt;
            columns["dR_bb"][i] = (float)dr;
            columns["met"][i] = (float)met;
            columns["btag"][i] = (float)btag;
            columns["eta_b1"][i] = (float)(1.3 * Gaussian(random));
            columns["w"][i] = (float)(random.NextDouble() < 0.9 ? 1.0 : Math.Exp(0.3 * Gaussian(random)));
        }

        return columns;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static double Beta(Random random, double a, double b)
    {
        double x = Gamma(random, a), y = Gamma(random, b);
        return x / (x + y);
    }

    private static double Gamma(Random random, double shape)
    {
        // Marsaglia-Tsang for shape >= 1; boost smaller shapes with U^(1/shape).
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Gaussian(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
