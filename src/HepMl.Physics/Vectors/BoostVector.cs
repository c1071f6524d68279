namespace HepMl.Physics.Vectors;

/// <summary>A velocity β = (Bx, By, Bz) in units of c, used to boost four-vectors; |β| &lt; 1.</summary>
public readonly struct BoostVector : IEquatable<BoostVector>
{
    /// <summary>Creates a boost; a speed of 1 or more, or a non-finite component, is rejected.</summary>
    /// <exception cref="ArgumentOutOfRangeException">|β| ≥ 1 or a component is NaN or infinite.</exception>
    public BoostVector(double bx, double by, double bz)
    {
        double b2 = bx * bx + by * by + bz * bz;
        if (!double.IsFinite(b2) || b2 >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(bx), $"a boost needs |beta| < 1; got ({bx}, {by}, {bz}) with |beta|^2 = {b2}");
        }

        Bx = bx;
        By = by;
        Bz = bz;
    }

    /// <summary>x component of β.</summary>
    public double Bx { get; }

    /// <summary>y component of β.</summary>
    public double By { get; }

    /// <summary>z component of β.</summary>
    public double Bz { get; }

    /// <summary>|β|².</summary>
    public double BetaSquared => Bx * Bx + By * By + Bz * Bz;

    /// <summary>|β|.</summary>
    public double Beta => Math.Sqrt(BetaSquared);

    /// <summary>γ = 1/sqrt(1 − β²).</summary>
    public double Gamma => 1.0 / Math.Sqrt(1.0 - BetaSquared);

    /// <summary>The opposite velocity.</summary>
    public static BoostVector operator -(BoostVector b) => new(-b.Bx, -b.By, -b.Bz);

    /// <inheritdoc />
    public bool Equals(BoostVector other) => Bx == other.Bx && By == other.By && Bz == other.Bz;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoostVector other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Bx, By, Bz);

    /// <summary>Component equality.</summary>
    public static bool operator ==(BoostVector left, BoostVector right) => left.Equals(right);

    /// <summary>Component inequality.</summary>
    public static bool operator !=(BoostVector left, BoostVector right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"(Bx={Bx:G6}, By={By:G6}, Bz={Bz:G6})";
}
