using HepMl.Physics.Vectors;

namespace HepMl.Samples.Anomaly.Data;

/// <summary>
/// A documented toy of the LHC Olympics 2020 R&amp;D data (no event generator, no detector): QCD dijets and a small
/// injected W′(3.5 TeV) → X(500 GeV) Y(100 GeV) signal with two-prong X and Y jets. Each event is built as an exact
/// two-body decay of the dijet system (HepMl.Physics <see cref="LorentzVector"/> boosts), so mjj, the jet pts and
/// Δη are consistent; the substructure ratios are drawn from Beta distributions. The marginals are modelled on the
/// peers' <c>gen_data.py</c> dijet set (QCD m/pt log-normal around 0.075, τ21 ≈ 0.65 for one-prong and ≈ 0.35 for
/// two-prong jets). Events must pass pt(leading jet) &gt; 1.2 TeV and |Δη| &lt; 2.6, like the LHCO trigger and
/// selection; rejected draws are redrawn.
/// </summary>
internal static class DijetToy
{
    /// <summary>W′ mass (GeV).</summary>
    public const double WPrimeMass = 3500;

    /// <summary>X mass (GeV).</summary>
    public const double XMass = 500;

    /// <summary>Y mass (GeV).</summary>
    public const double YMass = 100;

    private const double LeadingPtMinimum = 1200;
    private const double DeltaEtaMaximum = 2.6;

    /// <summary>
    /// <paramref name="events"/> events of which round(<paramref name="signalFraction"/> × events) are signal, in
    /// random order.
    /// </summary>
    public static DijetSample Generate(int events, double signalFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        if (!(signalFraction >= 0 && signalFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(signalFraction), signalFraction, "the signal fraction must be in [0, 1]");
        }

        var random = new ToyRandom(seed);
        int signal = (int)Math.Round(events * signalFraction);
        var labels = new int[events];
        labels.AsSpan(0, signal).Fill(1);
        for (int i = events - 1; i > 0; i--)
        {
            int j = random.Index(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }

        int width = DijetSample.FeatureNames.Count;
        var features = new float[(long)events * width];
        for (int i = 0; i < events; i++)
        {
            Span<float> row = features.AsSpan(i * width, width);
            do
            {
                if (labels[i] == 1)
                {
                    SignalEvent(random, row);
                }
                else
                {
                    BackgroundEvent(random, row);
                }
            }
            while (!Selected(row));
        }

        string kind = signal > 0 ? $"{events - signal} QCD + {signal} W'(3.5 TeV)->X(500)Y(100) signal events" : $"{events} QCD events";
        return new DijetSample($"{kind} from the dijet toy (seed {seed})", features, labels);
    }

    private static void BackgroundEvent(ToyRandom random, Span<float> row)
    {
        // QCD: a falling mjj spectrum and forward-peaked scattering (y* = Δy/2 Gaussian, cos θ* = tanh y*).
        double mass = 2500 + random.Exponential(450);
        double halfRapidityGap = random.Normal(0, 0.55);
        double ptEstimate = mass / (2 * Math.Cosh(halfRapidityGap));
        double massA = ptEstimate * Math.Min(random.LogNormal(Math.Log(0.075), 0.55), 0.5);
        double massB = ptEstimate * Math.Min(random.LogNormal(Math.Log(0.075), 0.55), 0.5);
        (LorentzVector a, LorentzVector b) = TwoBody(random, mass, massA, massB, Math.Tanh(halfRapidityGap));
        Fill(row, a, b, OneProngTau21(random, a), OneProngTau21(random, b), random.Beta(11, 3.8), random.Beta(11, 3.8));
    }

    private static void SignalEvent(ToyRandom random, Span<float> row)
    {
        // W' at 3.5 TeV with 3% mass resolution; isotropic decay to X and Y with 5% and 8% jet-mass resolution.
        double mass = random.Normal(WPrimeMass, 0.03 * WPrimeMass);
        double massX = random.Normal(XMass, 0.05 * XMass);
        double massY = random.Normal(YMass, 0.08 * YMass);
        (LorentzVector x, LorentzVector y) = TwoBody(random, mass, massX, massY, random.Uniform(-1, 1));
        Fill(row, x, y, TwoProngTau21(random), TwoProngTau21(random), random.Beta(10, 3.5), random.Beta(10, 3.5));
    }

    /// <summary>One-prong jets: τ21 ≈ 0.65, lower for heavier jets (larger m/pt).</summary>
    private static double OneProngTau21(ToyRandom random, LorentzVector jet) =>
        Math.Clamp(random.Beta(9, 4.8) - (0.15 * Math.Clamp((jet.Mass / jet.Pt) - 0.1, 0, 1)), 0.02, 0.99);

    /// <summary>Two-prong jets: τ21 ≈ 0.35.</summary>
    private static double TwoProngTau21(ToyRandom random) => Math.Clamp(random.Beta(5, 9), 0.02, 0.99);

    /// <summary>
    /// A decay M → a b at polar angle θ* (cos θ* given) and uniform azimuth in the rest frame, boosted along the beam
    /// to a system rapidity ~ N(0, 0.7).
    /// </summary>
    private static (LorentzVector A, LorentzVector B) TwoBody(ToyRandom random, double mass, double massA, double massB, double cosTheta)
    {
        double scale = Math.Min(1, 0.98 * mass / (massA + massB));
        massA *= scale;
        massB *= scale;
        double momentum = Math.Sqrt((mass * mass - ((massA + massB) * (massA + massB))) * (mass * mass - ((massA - massB) * (massA - massB)))) / (2 * mass);
        double sinTheta = Math.Sqrt(Math.Max(0, 1 - (cosTheta * cosTheta)));
        double phi = random.Uniform(-Math.PI, Math.PI);
        double px = momentum * sinTheta * Math.Cos(phi), py = momentum * sinTheta * Math.Sin(phi), pz = momentum * cosTheta;
        var a = new LorentzVector(px, py, pz, Math.Sqrt((momentum * momentum) + (massA * massA)));
        var b = new LorentzVector(-px, -py, -pz, Math.Sqrt((momentum * momentum) + (massB * massB)));
        double rapidity = random.Normal(0, 0.7);
        var system = new LorentzVector(0, 0, mass * Math.Sinh(rapidity), mass * Math.Cosh(rapidity));
        return (a.FromRestFrameOf(system), b.FromRestFrameOf(system));
    }

    /// <summary>Writes the ten features with the jets ordered by mass (j1 the heavier).</summary>
    private static void Fill(Span<float> row, LorentzVector a, LorentzVector b, double tau21A, double tau21B, double tau32A, double tau32B)
    {
        if (b.Mass > a.Mass)
        {
            (a, b) = (b, a);
            (tau21A, tau21B) = (tau21B, tau21A);
            (tau32A, tau32B) = (tau32B, tau32A);
        }

        row[0] = (float)(a + b).Mass;
        row[1] = (float)a.Pt;
        row[2] = (float)b.Pt;
        row[3] = (float)Math.Abs(a.Eta - b.Eta);
        row[4] = (float)a.Mass;
        row[5] = (float)b.Mass;
        row[6] = (float)tau21A;
        row[7] = (float)tau21B;
        row[8] = (float)tau32A;
        row[9] = (float)tau32B;
    }

    private static bool Selected(ReadOnlySpan<float> row) => Math.Max(row[1], row[2]) > LeadingPtMinimum && row[3] < DeltaEtaMaximum;
}
