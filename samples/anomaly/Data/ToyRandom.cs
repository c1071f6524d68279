namespace HepMl.Samples.Anomaly.Data;

/// <summary>The distributions the dijet toy draws from, on a seeded <see cref="Random"/> (same seed, same events).</summary>
internal sealed class ToyRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Uniform in [low, high).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    /// <summary>Gaussian (Box–Muller).</summary>
    public double Normal(double mean, double sigma)
    {
        double u1 = 1 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return mean + (sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>exp(N(μ, σ)).</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(Normal(mu, sigma));

    /// <summary>Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    public double Beta(double a, double b)
    {
        double x = Gamma(a);
        return x / (x + Gamma(b));
    }

    /// <summary>An integer in [0, count).</summary>
    public int Index(int count) => _random.Next(count);

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (ACM TOMS 26 (2000) 363), shape ≥ 1.</summary>
    private double Gamma(double shape)
    {
        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = Normal(0, 1);
            double v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = 1 - _random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
