namespace HepMl.Physics.Images;

/// <summary>How the image is rotated about its centre.</summary>
public enum JetImageRotation
{
    /// <summary>No rotation.</summary>
    None,

    /// <summary>The second subjet goes onto the +η′ axis (to the right of the centre, on the centre row). Falls back to
    /// <see cref="PrincipalAxis"/> when the jet has a single subjet.</summary>
    SecondSubjet,

    /// <summary>The major principal axis of the pt-weighted (η′, φ′) distribution goes onto the η′ axis, oriented so that
    /// the pt-weighted mean η′ is ≥ 0 (the bulk of the jet to the right).</summary>
    PrincipalAxis,
}
