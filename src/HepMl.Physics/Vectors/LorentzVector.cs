using System.Globalization;

namespace HepMl.Physics.Vectors;

/// <summary>
/// A four-momentum stored as (Px, Py, Pz, E) in GeV, with the derived (Pt, Eta, Phi, Mass) quantities computed on
/// demand. Immutable; the cylindrical twin is <see cref="PtEtaPhiMVector"/>.
/// </summary>
/// <remarks>
/// Conventions (STYLE.md B2): <see cref="Phi"/> in (−π, π]; <see cref="DeltaPhi"/> in [−π, π); a spacelike vector
/// (E² &lt; |p|²) has <see cref="Mass"/> = −sqrt(−m²) as in FastJet and scikit-hep/vector; the rapidity and
/// pseudorapidity of a vector along the beam (zero Pt) are capped at ±(<see cref="MaxRapidity"/> + |Pz|) like
/// FastJet's <c>MaxRap</c>. NaN components propagate to every derived quantity (nothing throws).
/// </remarks>
public readonly struct LorentzVector : IEquatable<LorentzVector>
{
    /// <summary>The cap on |rapidity| and |pseudorapidity| for vectors with zero transverse momentum (FastJet: <c>MaxRap</c>).</summary>
    public const double MaxRapidity = 1e5;

    /// <summary>Creates the vector (px, py, pz, e), GeV.</summary>
    public LorentzVector(double px, double py, double pz, double e)
    {
        Px = px;
        Py = py;
        Pz = pz;
        E = e;
    }

    /// <summary>The zero vector.</summary>
    public static LorentzVector Zero => default;

    /// <summary>x momentum (GeV).</summary>
    public double Px { get; }

    /// <summary>y momentum (GeV).</summary>
    public double Py { get; }

    /// <summary>z (beam-axis) momentum (GeV).</summary>
    public double Pz { get; }

    /// <summary>Energy (GeV).</summary>
    public double E { get; }

    /// <summary>Creates a vector from Cartesian components.</summary>
    public static LorentzVector FromPxPyPzE(double px, double py, double pz, double e) => new(px, py, pz, e);

    /// <summary>Creates a vector from momentum and mass; E = sqrt(p² + m²), or sqrt(p² − m²) for a negative (spacelike) mass.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A spacelike mass larger in magnitude than |p|.</exception>
    public static LorentzVector FromPxPyPzM(double px, double py, double pz, double mass)
        => new(px, py, pz, EnergyFromMomentumAndMass(Math.Sqrt(px * px + py * py + pz * pz), mass));

    /// <summary>Creates a vector from (Pt, pseudorapidity, azimuth, mass). Stable at large |η|: Pz = Pt·sinh η, |p| = Pt·cosh η.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative Pt, or a spacelike mass larger in magnitude than |p|.</exception>
    public static LorentzVector FromPtEtaPhiM(double pt, double eta, double phi, double mass)
    {
        if (pt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pt), pt, "Pt must not be negative");
        }

        double p = pt * Math.Cosh(eta);
        return new LorentzVector(pt * Math.Cos(phi), pt * Math.Sin(phi), pt * Math.Sinh(eta), EnergyFromMomentumAndMass(p, mass));
    }

    /// <summary>Creates a vector from (Pt, pseudorapidity, azimuth, energy).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative Pt.</exception>
    public static LorentzVector FromPtEtaPhiE(double pt, double eta, double phi, double e)
    {
        if (pt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pt), pt, "Pt must not be negative");
        }

        return new LorentzVector(pt * Math.Cos(phi), pt * Math.Sin(phi), pt * Math.Sinh(eta), e);
    }

    /// <summary>Creates a vector from (Pt, rapidity y, azimuth, mass ≥ 0): E = mT·cosh y, Pz = mT·sinh y (FastJet: <c>PtYPhiM</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative Pt or mass.</exception>
    public static LorentzVector FromPtRapidityPhiM(double pt, double rapidity, double phi, double mass)
    {
        if (pt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pt), pt, "Pt must not be negative");
        }

        if (mass < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mass), mass, "a rapidity-based vector needs a mass >= 0");
        }

        double mt = mass == 0 ? pt : Math.Sqrt(pt * pt + mass * mass);
        return new LorentzVector(pt * Math.Cos(phi), pt * Math.Sin(phi), mt * Math.Sinh(rapidity), mt * Math.Cosh(rapidity));
    }

    /// <summary>Pt² = Px² + Py² (FastJet: <c>pt2()</c>, <c>kt2()</c>).</summary>
    public double PtSquared => Px * Px + Py * Py;

    /// <summary>Transverse momentum (FastJet: <c>pt()</c>).</summary>
    public double Pt => Math.Sqrt(PtSquared);

    /// <summary>|p|².</summary>
    public double PSquared => Px * Px + Py * Py + Pz * Pz;

    /// <summary>|p|.</summary>
    public double P => Math.Sqrt(PSquared);

    /// <summary>m² = (E + Pz)(E − Pz) − Pt², the form FastJet uses (less cancellation than E² − p²). Negative when spacelike.</summary>
    public double MassSquared => (E + Pz) * (E - Pz) - PtSquared;

    /// <summary>Invariant mass; −sqrt(−m²) when spacelike (FastJet: <c>m()</c>).</summary>
    public double Mass => SignedSqrt(MassSquared);

    /// <summary>mT² = E² − Pz² = m² + Pt² (FastJet: <c>mperp2()</c>).</summary>
    public double MtSquared => (E + Pz) * (E - Pz);

    /// <summary>Transverse mass sqrt(E² − Pz²); negative when E² &lt; Pz² (FastJet: <c>mt()</c>).</summary>
    public double Mt => SignedSqrt(MtSquared);

    /// <summary>Transverse energy E·Pt/|p| (0 for the zero vector).</summary>
    public double Et
    {
        get
        {
            double p = P;
            return p == 0 ? 0 : E * Pt / p;
        }
    }

    /// <summary>Azimuth atan2(Py, Px) in (−π, π]; 0 when Pt = 0 (FastJet: <c>phi_std()</c>).</summary>
    public double Phi
    {
        get
        {
            if (Px == 0 && Py == 0)
            {
                return 0;
            }

            double phi = Math.Atan2(Py, Px);
            return phi == -Math.PI ? Math.PI : phi;
        }
    }

    /// <summary>Polar angle in [0, π]; 0 for the zero vector.</summary>
    public double Theta => Px == 0 && Py == 0 && Pz == 0 ? 0 : Math.Atan2(Pt, Pz);

    /// <summary>
    /// Pseudorapidity asinh(Pz/Pt) (stable at large |η|); for Pt = 0 it is ±(<see cref="MaxRapidity"/> + |Pz|) by the
    /// sign of Pz, and 0 for the zero vector.
    /// </summary>
    public double Eta
    {
        get
        {
            double pt = Pt;
            if (pt == 0)
            {
                return Pz == 0 ? 0 : Math.CopySign(MaxRapidity + Math.Abs(Pz), Pz);
            }

            return Math.Asinh(Pz / pt);
        }
    }

    /// <summary>
    /// Rapidity ½ ln((E + Pz)/(E − Pz)), computed as FastJet's <c>rap()</c>: ½ ln((Pt² + max(m², 0))/(E + |Pz|)²)
    /// with the sign of Pz, which avoids the cancellation in E − |Pz|; a negative m² is clamped to 0. With Pt = 0 and
    /// E ≤ |Pz| (on or outside the light cone along the beam) it is ±(<see cref="MaxRapidity"/> + |Pz|).
    /// </summary>
    /// <remarks>
    /// In (Px, Py, Pz, E) form the mass is known only to ~eps·E² (the rounding of E), so at extreme |η| the rapidity
    /// carries an absolute error of about eps·E²/(2 mT²): 1e-11 at η = 6, 6e-4 for a massless 1 GeV particle at
    /// η = 15. <see cref="Eta"/> has no such loss. Kept identical to FastJet so clustering agrees bit for bit.
    /// </remarks>
    public double Rapidity => RapidityOf(Px, Py, Pz, E);

    /// <summary>Velocity |p|/E.</summary>
    public double Beta => P / E;

    /// <summary>Lorentz factor E/m (positive only for timelike vectors).</summary>
    public double Gamma => E / Mass;

    /// <summary>The velocity p/E of this vector's rest frame, as a boost.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The vector is not timelike with E &gt; 0.</exception>
    public BoostVector BoostVector => new(Px / E, Py / E, Pz / E);

    /// <summary>True when all four components are finite.</summary>
    public bool IsFinite => double.IsFinite(Px) && double.IsFinite(Py) && double.IsFinite(Pz) && double.IsFinite(E);

    /// <summary>The cylindrical form (Pt, Eta, Phi, Mass).</summary>
    public PtEtaPhiMVector ToPtEtaPhiM() => new(Pt, Eta, Phi, Mass);

    /// <summary>Minkowski product E·E' − p·p' (metric +−−−).</summary>
    public double Dot(LorentzVector other) => E * other.E - Px * other.Px - Py * other.Py - Pz * other.Pz;

    /// <summary>Δφ = this.Phi − other.Phi wrapped to [−π, π).</summary>
    public double DeltaPhi(LorentzVector other) => Angles.DeltaPhi(Phi, other.Phi);

    /// <summary>ΔR = sqrt(Δη² + Δφ²) in pseudorapidity and azimuth.</summary>
    public double DeltaR(LorentzVector other)
    {
        double deta = Eta - other.Eta;
        double dphi = DeltaPhi(other);
        return Math.Sqrt(deta * deta + dphi * dphi);
    }

    /// <summary>sqrt(Δy² + Δφ²) in rapidity and azimuth, the distance of the kt family (FastJet: <c>delta_R</c>).</summary>
    public double DeltaRWithRapidity(LorentzVector other) => Math.Sqrt(DeltaRSquaredWithRapidity(other));

    /// <summary>Δy² + Δφ² (FastJet: <c>squared_distance</c>, <c>plain_distance</c>).</summary>
    public double DeltaRSquaredWithRapidity(LorentzVector other)
    {
        double dy = Rapidity - other.Rapidity;
        double dphi = DeltaPhi(other);
        return dy * dy + dphi * dphi;
    }

    /// <summary>Opening angle between the 3-momenta, in [0, π], as atan2(|a×b|, a·b) (accurate for tiny and near-π angles); 0 if either is zero.</summary>
    public double Angle(LorentzVector other)
    {
        double cx = Py * other.Pz - Pz * other.Py;
        double cy = Pz * other.Px - Px * other.Pz;
        double cz = Px * other.Py - Py * other.Px;
        double cross = Math.Sqrt(cx * cx + cy * cy + cz * cz);
        double dot = Px * other.Px + Py * other.Py + Pz * other.Pz;
        return cross == 0 && dot == 0 ? 0 : Math.Atan2(cross, dot);
    }

    /// <summary>Applies the boost β: the result is this vector seen from a frame moving with −β.</summary>
    public LorentzVector Boost(BoostVector boost)
    {
        double b2 = boost.BetaSquared;
        if (b2 == 0)
        {
            return this;
        }

        double gamma = 1.0 / Math.Sqrt(1.0 - b2);
        double bp = boost.Bx * Px + boost.By * Py + boost.Bz * Pz;
        double gamma2 = (gamma - 1.0) / b2;
        double k = gamma2 * bp + gamma * E;
        return new LorentzVector(Px + k * boost.Bx, Py + k * boost.By, Pz + k * boost.Bz, gamma * (E + bp));
    }

    /// <summary>
    /// This vector (given in the lab) expressed in the rest frame of <paramref name="frame"/>, computed from the
    /// frame's mass rather than its velocity, which stays accurate at large γ (FastJet: <c>unboost</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The frame is not timelike with positive energy.</exception>
    public LorentzVector ToRestFrameOf(LorentzVector frame)
    {
        double m = CheckFrame(frame);
        if (m == 0)
        {
            return this;
        }

        double e = (E * frame.E - Px * frame.Px - Py * frame.Py - Pz * frame.Pz) / m;
        double f = (e + E) / (frame.E + m);
        return new LorentzVector(Px - f * frame.Px, Py - f * frame.Py, Pz - f * frame.Pz, e);
    }

    /// <summary>This vector (given in the rest frame of <paramref name="frame"/>) expressed in the lab (FastJet: <c>boost</c>).</summary>
    /// <exception cref="ArgumentException">The frame is not timelike with positive energy.</exception>
    public LorentzVector FromRestFrameOf(LorentzVector frame)
    {
        double m = CheckFrame(frame);
        if (m == 0)
        {
            return this;
        }

        double e = (E * frame.E + Px * frame.Px + Py * frame.Py + Pz * frame.Pz) / m;
        double f = (e + E) / (frame.E + m);
        return new LorentzVector(Px + f * frame.Px, Py + f * frame.Py, Pz + f * frame.Pz, e);
    }

    /// <summary>Component-wise sum (E-scheme recombination).</summary>
    public static LorentzVector operator +(LorentzVector a, LorentzVector b) => new(a.Px + b.Px, a.Py + b.Py, a.Pz + b.Pz, a.E + b.E);

    /// <summary>Component-wise difference.</summary>
    public static LorentzVector operator -(LorentzVector a, LorentzVector b) => new(a.Px - b.Px, a.Py - b.Py, a.Pz - b.Pz, a.E - b.E);

    /// <summary>Negation of all four components.</summary>
    public static LorentzVector operator -(LorentzVector a) => new(-a.Px, -a.Py, -a.Pz, -a.E);

    /// <summary>Scaling of all four components.</summary>
    public static LorentzVector operator *(double s, LorentzVector a) => new(s * a.Px, s * a.Py, s * a.Pz, s * a.E);

    /// <summary>Scaling of all four components.</summary>
    public static LorentzVector operator *(LorentzVector a, double s) => s * a;

    /// <summary>Division of all four components.</summary>
    public static LorentzVector operator /(LorentzVector a, double s) => new(a.Px / s, a.Py / s, a.Pz / s, a.E / s);

    /// <summary>Exact component equality.</summary>
    public static bool operator ==(LorentzVector left, LorentzVector right) => left.Equals(right);

    /// <summary>Exact component inequality.</summary>
    public static bool operator !=(LorentzVector left, LorentzVector right) => !left.Equals(right);

    /// <summary>Sum of the vectors (left to right).</summary>
    public static LorentzVector Sum(ReadOnlySpan<LorentzVector> vectors)
    {
        double px = 0, py = 0, pz = 0, e = 0;
        foreach (LorentzVector v in vectors)
        {
            px += v.Px;
            py += v.Py;
            pz += v.Pz;
            e += v.E;
        }

        return new LorentzVector(px, py, pz, e);
    }

    /// <summary>Invariant mass of the sum of the vectors.</summary>
    public static double InvariantMass(ReadOnlySpan<LorentzVector> vectors) => Sum(vectors).Mass;

    /// <inheritdoc />
    public bool Equals(LorentzVector other) => Px.Equals(other.Px) && Py.Equals(other.Py) && Pz.Equals(other.Pz) && E.Equals(other.E);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LorentzVector other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Px, Py, Pz, E);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"(Px={Px:G6}, Py={Py:G6}, Pz={Pz:G6}, E={E:G6})");

    /// <summary>FastJet's rapidity formula, shared with the clustering code.</summary>
    internal static double RapidityOf(double px, double py, double pz, double e)
    {
        double pt2 = px * px + py * py;
        if (pt2 == 0 && e <= Math.Abs(pz))
        {
            double capped = MaxRapidity + Math.Abs(pz);
            return pz >= 0 ? capped : -capped;
        }

        double m2 = (e + pz) * (e - pz) - pt2;
        double effectiveM2 = Math.Max(0.0, m2);
        double ePlusAbsPz = e + Math.Abs(pz);
        double rapidity = 0.5 * Math.Log((pt2 + effectiveM2) / (ePlusAbsPz * ePlusAbsPz));
        return pz > 0 ? -rapidity : rapidity;
    }

    private static double SignedSqrt(double x) => x < 0 ? -Math.Sqrt(-x) : Math.Sqrt(x);

    private static double EnergyFromMomentumAndMass(double p, double mass)
    {
        double e2 = p * p + mass * Math.Abs(mass);
        if (e2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mass), mass, $"a spacelike mass of magnitude {-mass} needs |p| >= {-mass}; |p| = {p}");
        }

        return Math.Sqrt(e2);
    }

    private static double CheckFrame(LorentzVector frame)
    {
        if (frame.Px == 0 && frame.Py == 0 && frame.Pz == 0)
        {
            return 0;
        }

        double m2 = frame.MassSquared;
        if (!(m2 > 0) || !(frame.E > 0))
        {
            throw new ArgumentException($"a rest frame needs a timelike vector with E > 0; got {frame} with m^2 = {m2}", nameof(frame));
        }

        return Math.Sqrt(m2);
    }
}
