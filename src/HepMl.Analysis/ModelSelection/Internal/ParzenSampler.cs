using HepMl.Analysis.Data.Internal;

namespace HepMl.Analysis.ModelSelection.Internal;

/// <summary>
/// Proposals of the tree-structured Parzen estimator (Bergstra et al., NeurIPS 2011), one parameter at a time:
/// the finished trials are split into the best γ share ("good") and the rest; for each parameter a Parzen density
/// l(x) is fitted to the good values and g(x) to the others (each with a broad prior component), candidates are
/// drawn from l, and the candidate maximising l(x)/g(x) is proposed.
/// </summary>
internal static class ParzenSampler
{
    public static object Sample(SearchParameter parameter, DeterministicRandom random)
    {
        if (parameter is CategoricalParameter categorical)
        {
            return categorical.Choices[random.NextInt(categorical.Choices.Count)];
        }

        var (low, high, logarithmic) = Bounds(parameter);
        double x = low + (random.NextDouble() * (high - low));
        return FromInternal(parameter, x, logarithmic);
    }

    public static object Propose(SearchParameter parameter, IReadOnlyList<object> good, IReadOnlyList<object> bad, int candidates, DeterministicRandom random)
    {
        if (parameter is CategoricalParameter categorical)
        {
            double[] lw = Counts(categorical, good), gw = Counts(categorical, bad);
            double lTotal = lw.Sum(), gTotal = gw.Sum();
            int best = -1;
            double bestRatio = double.NegativeInfinity;
            for (int c = 0; c < candidates; c++)
            {
                double u = random.NextDouble() * lTotal, running = 0;
                int choice = 0;
                while (choice < lw.Length - 1 && (running += lw[choice]) <= u)
                {
                    choice++;
                }

                double ratio = Math.Log(lw[choice] / lTotal) - Math.Log(gw[choice] / gTotal);
                if (ratio > bestRatio)
                {
                    bestRatio = ratio;
                    best = choice;
                }
            }

            return categorical.Choices[best];
        }

        var (low, high, logarithmic) = Bounds(parameter);
        double[] goodPoints = good.Select(v => ToInternal(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture), logarithmic)).ToArray();
        double[] badPoints = bad.Select(v => ToInternal(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture), logarithmic)).ToArray();
        var l = new Parzen(goodPoints, low, high);
        var g = new Parzen(badPoints, low, high);
        double bestX = double.NaN, bestScore = double.NegativeInfinity;
        for (int c = 0; c < candidates; c++)
        {
            double x = l.Sample(random);
            double score = l.LogDensity(x) - g.LogDensity(x);
            if (score > bestScore)
            {
                bestScore = score;
                bestX = x;
            }
        }

        return FromInternal(parameter, bestX, logarithmic);
    }

    private static object FromInternal(SearchParameter parameter, double x, bool logarithmic)
    {
        double value = logarithmic ? Math.Exp(x) : x;
        return parameter switch
        {
            IntegerParameter integer => (int)Math.Clamp(Math.Round(value), integer.Low, integer.High),
            RealParameter real => Math.Clamp(value, real.Low, real.High),
            _ => throw new ArgumentException($"not numeric: {parameter.Name}"),
        };
    }

    private static double[] Counts(CategoricalParameter parameter, IReadOnlyList<object> values)
    {
        var counts = new double[parameter.Choices.Count];
        Array.Fill(counts, 1.0); // prior: one pseudo-observation per choice
        foreach (object v in values)
        {
            int index = -1;
            for (int c = 0; c < parameter.Choices.Count; c++)
            {
                if (parameter.Choices[c] == (string)v)
                {
                    index = c;
                }
            }

            counts[index] += 1;
        }

        return counts;
    }

    /// <summary>The internal (possibly log) interval a numeric parameter is modelled on; integers get ±0.5.</summary>
    private static (double Low, double High, bool Logarithmic) Bounds(SearchParameter parameter) => parameter switch
    {
        RealParameter r => (ToInternal(r.Low, r.Logarithmic), ToInternal(r.High, r.Logarithmic), r.Logarithmic),
        IntegerParameter i => i.Logarithmic
            ? (Math.Log(Math.Max(i.Low - 0.5, i.Low * 0.5)), Math.Log(i.High + 0.5), true)
            : (i.Low - 0.5, i.High + 0.5, false),
        _ => throw new ArgumentException($"not numeric: {parameter.Name}"),
    };

    private static double ToInternal(double value, bool logarithmic) => logarithmic ? Math.Log(value) : value;

    /// <summary>A truncated Gaussian mixture: one component per observation plus a prior at the middle with σ = range.</summary>
    private sealed class Parzen
    {
        private readonly double[] _mu;
        private readonly double[] _sigma;
        private readonly double _low;
        private readonly double _high;

        public Parzen(double[] points, double low, double high)
        {
            _low = low;
            _high = high;
            double range = high - low;
            var mus = new List<double>(points) { 0.5 * (low + high) };
            double[] sorted = [.. mus];
            Array.Sort(sorted);
            _mu = [.. mus];
            _sigma = new double[_mu.Length];
            double minimum = range / Math.Min(100.0, 1.0 + _mu.Length);
            for (int m = 0; m < _mu.Length; m++)
            {
                if (m == _mu.Length - 1)
                {
                    _sigma[m] = range; // the prior
                    continue;
                }

                int position = Array.BinarySearch(sorted, _mu[m]);
                double left = position > 0 ? _mu[m] - sorted[position - 1] : _mu[m] - low;
                double right = position < sorted.Length - 1 ? sorted[position + 1] - _mu[m] : high - _mu[m];
                _sigma[m] = Math.Clamp(Math.Max(left, right), minimum, range);
            }
        }

        public double Sample(DeterministicRandom random)
        {
            int component = random.NextInt(_mu.Length);
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                double x = _mu[component] + (_sigma[component] * random.NextNormal());
                if (x >= _low && x <= _high)
                {
                    return x;
                }
            }

            return Math.Clamp(_mu[component], _low, _high);
        }

        public double LogDensity(double x)
        {
            double sum = 0;
            for (int m = 0; m < _mu.Length; m++)
            {
                double z = (x - _mu[m]) / _sigma[m];
                double mass = Phi((_high - _mu[m]) / _sigma[m]) - Phi((_low - _mu[m]) / _sigma[m]);
                sum += Math.Exp(-0.5 * z * z) / (_sigma[m] * Math.Sqrt(2 * Math.PI) * Math.Max(mass, 1e-12));
            }

            return Math.Log(Math.Max(sum / _mu.Length, 1e-300));
        }

        private static double Phi(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

        /// <summary>Abramowitz-Stegun 7.1.26 (|error| &lt; 1.5e-7), enough for proposal weights.</summary>
        private static double Erf(double x)
        {
            double sign = Math.Sign(x);
            x = Math.Abs(x);
            double t = 1 / (1 + (0.3275911 * x));
            double polynomial = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
            double y = 1 - (polynomial * Math.Exp(-x * x));
            return sign * y;
        }
    }
}
