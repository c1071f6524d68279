using HepMl.Physics.Vectors;

namespace HepMl.Physics.Jets;

/// <summary>
/// A particle or jet: its four-momentum, a user index (the input position unless given) and, for objects coming out
/// of a <see cref="ClusterSequence"/>, its history index. FastJet: <c>PseudoJet</c> (without the shared structure
/// pointer: ask the sequence for constituents).
/// </summary>
/// <remarks>Kinematic conventions are those of <see cref="LorentzVector"/>: Phi in (−π, π], capped rapidity.</remarks>
public readonly struct PseudoJet : IEquatable<PseudoJet>
{
    /// <summary>Creates a pseudojet with the given momentum and user index, not part of any sequence.</summary>
    public PseudoJet(LorentzVector momentum, int userIndex = -1)
        : this(momentum, userIndex, ClusterHistoryEntry.Invalid)
    {
    }

    internal PseudoJet(LorentzVector momentum, int userIndex, int historyIndex)
    {
        Momentum = momentum;
        UserIndex = userIndex;
        HistoryIndex = historyIndex;
    }

    /// <summary>The four-momentum.</summary>
    public LorentzVector Momentum { get; }

    /// <summary>The user index (FastJet: <c>user_index()</c>); −1 when unset.</summary>
    public int UserIndex { get; }

    /// <summary>The history index in the owning sequence (FastJet: <c>cluster_hist_index()</c>), or −3 if none.</summary>
    public int HistoryIndex { get; }

    /// <summary>x momentum.</summary>
    public double Px => Momentum.Px;

    /// <summary>y momentum.</summary>
    public double Py => Momentum.Py;

    /// <summary>z momentum.</summary>
    public double Pz => Momentum.Pz;

    /// <summary>Energy.</summary>
    public double E => Momentum.E;

    /// <summary>Transverse momentum.</summary>
    public double Pt => Momentum.Pt;

    /// <summary>Transverse momentum squared (FastJet: <c>kt2()</c>).</summary>
    public double PtSquared => Momentum.PtSquared;

    /// <summary>Pseudorapidity.</summary>
    public double Eta => Momentum.Eta;

    /// <summary>Rapidity (FastJet: <c>rap()</c>).</summary>
    public double Rapidity => Momentum.Rapidity;

    /// <summary>Azimuth in (−π, π] (FastJet: <c>phi_std()</c>).</summary>
    public double Phi => Momentum.Phi;

    /// <summary>Mass, negative when spacelike (FastJet: <c>m()</c>).</summary>
    public double Mass => Momentum.Mass;

    /// <summary>Mass squared.</summary>
    public double MassSquared => Momentum.MassSquared;

    /// <summary>Transverse mass.</summary>
    public double Mt => Momentum.Mt;

    /// <summary>Squared rapidity–azimuth distance Δy² + Δφ² (FastJet: <c>squared_distance</c>).</summary>
    public double SquaredDistance(PseudoJet other) => Momentum.DeltaRSquaredWithRapidity(other.Momentum);

    /// <summary>Rapidity–azimuth distance sqrt(Δy² + Δφ²) (FastJet: <c>delta_R</c>).</summary>
    public double DeltaR(PseudoJet other) => Math.Sqrt(SquaredDistance(other));

    /// <inheritdoc />
    public bool Equals(PseudoJet other) => Momentum == other.Momentum && UserIndex == other.UserIndex && HistoryIndex == other.HistoryIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PseudoJet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Momentum, UserIndex, HistoryIndex);

    /// <summary>Equality of momentum and indices.</summary>
    public static bool operator ==(PseudoJet left, PseudoJet right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(PseudoJet left, PseudoJet right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"PseudoJet(Pt={Pt:G6}, Rapidity={Rapidity:G6}, Phi={Phi:G6}, Mass={Mass:G6}, UserIndex={UserIndex})";
}
