namespace HepMl.Physics.Images;

/// <summary>What a channel of a multi-channel image accumulates per pixel.</summary>
public enum JetImageChannel
{
    /// <summary>Sum of constituent pt (GeV).</summary>
    Pt,

    /// <summary>Sum of pt of charged constituents (charge ≠ 0); needs charges.</summary>
    ChargedPt,

    /// <summary>Sum of pt of neutral constituents (charge = 0); needs charges.</summary>
    NeutralPt,

    /// <summary>Number of constituents.</summary>
    Multiplicity,

    /// <summary>Number of charged constituents; needs charges.</summary>
    ChargedMultiplicity,
}
