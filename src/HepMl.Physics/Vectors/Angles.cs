namespace HepMl.Physics.Vectors;

/// <summary>
/// Azimuthal-angle conventions of HepMl: an azimuth <c>Phi</c> lies in (−π, π]; a difference <c>DeltaPhi</c> lies in
/// [−π, π) (like scikit-hep/vector's <c>rectify</c>); radians throughout.
/// </summary>
public static class Angles
{
    /// <summary>2π.</summary>
    public const double TwoPi = 2.0 * Math.PI;

    /// <summary>Maps any finite angle to the azimuth range (−π, π].</summary>
    /// <remarks>NaN and infinities give NaN. FastJet: <c>phi_std()</c> (which uses [−π, π]).</remarks>
    public static double WrapPhi(double phi)
    {
        if (phi > -Math.PI && phi <= Math.PI)
        {
            return phi;
        }

        double wrapped = phi - TwoPi * Math.Ceiling((phi - Math.PI) / TwoPi);
        // Rounding of the quotient can leave the result one period off at the edges; fix it.
        if (wrapped <= -Math.PI)
        {
            wrapped += TwoPi;
        }
        else if (wrapped > Math.PI)
        {
            wrapped -= TwoPi;
        }

        return wrapped;
    }

    /// <summary>Maps any finite angle difference to [−π, π).</summary>
    /// <remarks>NaN and infinities give NaN. scikit-hep/vector: <c>deltaphi</c>.</remarks>
    public static double WrapDeltaPhi(double deltaPhi)
    {
        if (deltaPhi >= -Math.PI && deltaPhi < Math.PI)
        {
            return deltaPhi;
        }

        double wrapped = deltaPhi - TwoPi * Math.Floor((deltaPhi + Math.PI) / TwoPi);
        if (wrapped < -Math.PI)
        {
            wrapped += TwoPi;
        }
        else if (wrapped >= Math.PI)
        {
            wrapped -= TwoPi;
        }

        return wrapped;
    }

    /// <summary>The azimuthal difference <paramref name="phi1"/> − <paramref name="phi2"/> wrapped to [−π, π).</summary>
    public static double DeltaPhi(double phi1, double phi2) => WrapDeltaPhi(phi1 - phi2);

    /// <summary>sqrt(Δη² + Δφ²) with Δφ wrapped to [−π, π).</summary>
    public static double DeltaR(double eta1, double phi1, double eta2, double phi2)
    {
        double deta = eta1 - eta2;
        double dphi = DeltaPhi(phi1, phi2);
        return Math.Sqrt(deta * deta + dphi * dphi);
    }
}
