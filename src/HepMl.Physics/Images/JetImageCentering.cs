namespace HepMl.Physics.Images;

/// <summary>Which point of the jet goes to the image centre.</summary>
public enum JetImageCentering
{
    /// <summary>The leading (highest-pt) subjet (the jet-images convention, and the peers' data set).</summary>
    LeadingSubjet,

    /// <summary>The pt-weighted centroid of the constituents in (η, φ).</summary>
    PtCentroid,

    /// <summary>The jet axis (η, φ of the four-momentum sum).</summary>
    JetAxis,
}
