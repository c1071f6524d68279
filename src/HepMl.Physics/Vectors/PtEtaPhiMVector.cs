using System.Globalization;

namespace HepMl.Physics.Vectors;

/// <summary>
/// A four-momentum stored as (Pt, Eta, Phi, Mass): transverse momentum (GeV), pseudorapidity, azimuth (radians) and
/// mass (GeV; negative for spacelike vectors, as in <see cref="LorentzVector.Mass"/>). The Cartesian twin is
/// <see cref="LorentzVector"/>; sums and boosts go through it.
/// </summary>
/// <remarks>The stored azimuth is not wrapped; <see cref="ToLorentzVector"/> does not need it wrapped.</remarks>
public readonly struct PtEtaPhiMVector : IEquatable<PtEtaPhiMVector>
{
    /// <summary>Creates the vector.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative Pt.</exception>
    public PtEtaPhiMVector(double pt, double eta, double phi, double mass)
    {
        if (pt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pt), pt, "Pt must not be negative");
        }

        Pt = pt;
        Eta = eta;
        Phi = phi;
        Mass = mass;
    }

    /// <summary>Transverse momentum (GeV).</summary>
    public double Pt { get; }

    /// <summary>Pseudorapidity.</summary>
    public double Eta { get; }

    /// <summary>Azimuth (radians).</summary>
    public double Phi { get; }

    /// <summary>Mass (GeV); negative means spacelike.</summary>
    public double Mass { get; }

    /// <summary>x momentum.</summary>
    public double Px => Pt * Math.Cos(Phi);

    /// <summary>y momentum.</summary>
    public double Py => Pt * Math.Sin(Phi);

    /// <summary>z momentum Pt·sinh η.</summary>
    public double Pz => Pt * Math.Sinh(Eta);

    /// <summary>|p| = Pt·cosh η.</summary>
    public double P => Pt * Math.Cosh(Eta);

    /// <summary>Energy sqrt(p² + m·|m|).</summary>
    public double E => ToLorentzVector().E;

    /// <summary>Rapidity of the vector.</summary>
    public double Rapidity => ToLorentzVector().Rapidity;

    /// <summary>The Cartesian form.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A spacelike mass larger in magnitude than |p|.</exception>
    public LorentzVector ToLorentzVector() => LorentzVector.FromPtEtaPhiM(Pt, Eta, Phi, Mass);

    /// <summary>Δφ wrapped to [−π, π).</summary>
    public double DeltaPhi(PtEtaPhiMVector other) => Angles.DeltaPhi(Phi, other.Phi);

    /// <summary>ΔR = sqrt(Δη² + Δφ²).</summary>
    public double DeltaR(PtEtaPhiMVector other) => Angles.DeltaR(Eta, Phi, other.Eta, other.Phi);

    /// <summary>Sum through the Cartesian form.</summary>
    public static LorentzVector operator +(PtEtaPhiMVector a, PtEtaPhiMVector b) => a.ToLorentzVector() + b.ToLorentzVector();

    /// <summary>Exact component equality.</summary>
    public static bool operator ==(PtEtaPhiMVector left, PtEtaPhiMVector right) => left.Equals(right);

    /// <summary>Exact component inequality.</summary>
    public static bool operator !=(PtEtaPhiMVector left, PtEtaPhiMVector right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(PtEtaPhiMVector other) => Pt.Equals(other.Pt) && Eta.Equals(other.Eta) && Phi.Equals(other.Phi) && Mass.Equals(other.Mass);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PtEtaPhiMVector other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Pt, Eta, Phi, Mass);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"(Pt={Pt:G6}, Eta={Eta:G6}, Phi={Phi:G6}, Mass={Mass:G6})");
}
