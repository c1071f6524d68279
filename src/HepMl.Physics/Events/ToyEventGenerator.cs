using HepMl.Physics.Vectors;

namespace HepMl.Physics.Events;

/// <summary>
/// A seeded toy generator of boosted jets and simple multi-jet events, for tests, samples and benchmarks. It is a toy:
/// no matrix elements, no parton shower, no hadronisation model, no detector — just kinematics that give one-, two- and
/// three-prong jets with realistic masses and angular sizes (resonance decays are exact two-body decays, isotropic
/// in the rest frame, boosted to the lab). The same seed gives the same jets on every platform (it uses its own
/// xoshiro256** generator, not <see cref="Random"/>).
/// </summary>
/// <remarks>
/// A prong of momentum p fragments into <see cref="ToyJetOptions.ConstituentsPerProng"/> pion-mass particles with
/// momentum fractions ~ Gamma(0.7) (normalised) and a Gaussian angular spread σ = 0.16/sqrt(pt/GeV) clipped to
/// [0.0035, 0.12]; soft radiation adds Poisson(<see cref="ToyJetOptions.SoftParticleMean"/>) particles with
/// exponential pt around the jet axis. Two thirds of the particles get charge ±1.
/// </remarks>
public sealed class ToyEventGenerator
{
    private const double PionMass = 0.13957;
    private const double WMass = 80.4;
    private const double ZMass = 91.19;
    private const double TopMass = 172.5;

    private readonly ToyJetOptions _options;
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator.</summary>
    public ToyEventGenerator(int seed, ToyJetOptions? options = null)
    {
        _options = options ?? new ToyJetOptions();
        // SplitMix64 seeding of the xoshiro256** state.
        ulong x = (ulong)seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next jet of the given kind.</summary>
    public ToyJet NextJet(ToyJetKind kind)
    {
        double pt = Uniform(_options.PtMin, _options.PtMax);
        double eta = Uniform(-_options.EtaMax, _options.EtaMax);
        double phi = Uniform(-Math.PI, Math.PI);
        LorentzVector[] prongs = kind switch
        {
            ToyJetKind.QcdOneProng => QcdProngs(pt, eta, phi),
            ToyJetKind.WTwoProng => TwoBody(LorentzVector.FromPtEtaPhiM(pt, eta, phi, SmearedMass(WMass))),
            ToyJetKind.ZTwoProng => TwoBody(LorentzVector.FromPtEtaPhiM(pt, eta, phi, SmearedMass(ZMass))),
            ToyJetKind.TopThreeProng => TopProngs(LorentzVector.FromPtEtaPhiM(pt, eta, phi, SmearedMass(TopMass))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown toy jet kind"),
        };

        var constituents = new List<LorentzVector>();
        foreach (LorentzVector prong in prongs)
        {
            Fragment(prong, constituents);
        }

        int soft = Poisson(_options.SoftParticleMean);
        for (int i = 0; i < soft; i++)
        {
            double softPt = Exponential(_options.SoftParticlePtMean) + 0.05;
            constituents.Add(LorentzVector.FromPtEtaPhiM(softPt, eta + Normal() * _options.SoftParticleSpread,
                Angles.WrapPhi(phi + Normal() * _options.SoftParticleSpread), PionMass));
        }

        var charges = new int[constituents.Count];
        for (int i = 0; i < charges.Length; i++)
        {
            double r = NextDouble();
            charges[i] = r < 1.0 / 3 ? 0 : r < 2.0 / 3 ? 1 : -1;
        }

        return new ToyJet(kind, constituents.ToArray(), charges, prongs);
    }

    /// <summary>
    /// <paramref name="count"/> jets, the kind of each drawn from <paramref name="kinds"/> with equal probability, as a
    /// particle table with charges; <paramref name="labels"/> receives the index into <paramref name="kinds"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No kinds given.</exception>
    public ParticleTable NextJets(int count, ReadOnlySpan<ToyJetKind> kinds, out int[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (kinds.IsEmpty)
        {
            throw new ArgumentException("at least one jet kind is needed", nameof(kinds));
        }

        var builder = new ParticleTableBuilder(withCharges: true);
        labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int label = (int)(NextDouble() * kinds.Length);
            labels[i] = label;
            ToyJet jet = NextJet(kinds[label]);
            builder.Add(jet.Constituents, jet.Charges);
        }

        return builder.Build();
    }

    /// <summary>
    /// An event: the constituents of the given jets plus <paramref name="softParticles"/> underlying-event particles
    /// (pt 0.1 + Exp(0.6) GeV, |η| &lt; 4, uniform φ), shuffled; like the shared <c>particles_nN.csv</c> files.
    /// </summary>
    public LorentzVector[] NextEvent(ReadOnlySpan<ToyJetKind> jets, int softParticles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(softParticles);
        var particles = new List<LorentzVector>();
        foreach (ToyJetKind kind in jets)
        {
            particles.AddRange(NextJet(kind).Constituents);
        }

        for (int i = 0; i < softParticles; i++)
        {
            particles.Add(LorentzVector.FromPtEtaPhiM(0.1 + Exponential(0.6), Uniform(-4, 4), Uniform(-Math.PI, Math.PI), PionMass));
        }

        LorentzVector[] result = particles.ToArray();
        for (int i = result.Length - 1; i > 0; i--)
        {
            int j = (int)(NextDouble() * (i + 1));
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }

    private LorentzVector[] QcdProngs(double pt, double eta, double phi)
    {
        // A hard parton plus one soft, possibly wide emission (dP ~ dz/z dθ/θ in the ranges below).
        double z = 0.01 * Math.Pow(50.0, NextDouble());
        double theta = 0.03 * Math.Pow(30.0, NextDouble());
        double direction = Uniform(-Math.PI, Math.PI);
        LorentzVector hard = LorentzVector.FromPtEtaPhiM((1 - z) * pt, eta, phi, 0);
        LorentzVector soft = LorentzVector.FromPtEtaPhiM(z * pt, eta + theta * Math.Cos(direction), Angles.WrapPhi(phi + theta * Math.Sin(direction)), 0);
        return [hard, soft];
    }

    private LorentzVector[] TwoBody(LorentzVector parent)
    {
        // Isotropic massless two-body decay in the rest frame, boosted to the lab.
        double half = 0.5 * parent.Mass;
        (double x, double y, double z) = IsotropicDirection();
        var a = new LorentzVector(half * x, half * y, half * z, half);
        var b = new LorentzVector(-half * x, -half * y, -half * z, half);
        return [a.FromRestFrameOf(parent), b.FromRestFrameOf(parent)];
    }

    private LorentzVector[] TopProngs(LorentzVector top)
    {
        double mt = top.Mass;
        double mw = Math.Min(SmearedMass(WMass), 0.95 * mt);
        double p = (mt * mt - mw * mw) / (2 * mt);
        (double x, double y, double z) = IsotropicDirection();
        var b = new LorentzVector(p * x, p * y, p * z, p);
        var w = new LorentzVector(-p * x, -p * y, -p * z, Math.Sqrt(p * p + mw * mw));
        LorentzVector bLab = b.FromRestFrameOf(top);
        LorentzVector wLab = w.FromRestFrameOf(top);
        LorentzVector[] quarks = TwoBody(wLab);
        return [bLab, quarks[0], quarks[1]];
    }

    private void Fragment(LorentzVector prong, List<LorentzVector> output)
    {
        int k = Math.Max(1, _options.ConstituentsPerProng);
        Span<double> fractions = stackalloc double[k];
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            fractions[i] = Gamma(0.7);
            sum += fractions[i];
        }

        double prongPt = prong.Pt, prongEta = prong.Eta, prongPhi = prong.Phi;
        for (int i = 0; i < k; i++)
        {
            double pt = Math.Max(prongPt * fractions[i] / sum, 0.05);
            double sigma = Math.Clamp(0.16 / Math.Sqrt(pt), 0.0035, 0.12);
            output.Add(LorentzVector.FromPtEtaPhiM(pt, prongEta + Normal() * sigma, Angles.WrapPhi(prongPhi + Normal() * sigma), PionMass));
        }
    }

    private double SmearedMass(double mass) => Math.Max(mass * (1 + _options.MassResolution * Normal()), 1.0);

    private (double X, double Y, double Z) IsotropicDirection()
    {
        double cosTheta = Uniform(-1, 1);
        double sinTheta = Math.Sqrt(1 - cosTheta * cosTheta);
        double phi = Uniform(-Math.PI, Math.PI);
        return (sinTheta * Math.Cos(phi), sinTheta * Math.Sin(phi), cosTheta);
    }

    private double Uniform(double low, double high) => low + (high - low) * NextDouble();

    private double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    private double Normal()
    {
        // Box–Muller; one of the pair is used, which keeps the stream simple.
        double u1 = 1 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private double Gamma(double shape)
    {
        // Marsaglia–Tsang, with the shape < 1 boost.
        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(1 - NextDouble(), 1 / shape);
        }

        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = Normal();
            double v = 1 + c * x;
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = 1 - NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    private int Poisson(double mean)
    {
        // Knuth's product method (means here are small).
        double limit = Math.Exp(-mean), product = NextDouble();
        int count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    private double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
