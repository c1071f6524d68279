namespace HepMl.Physics.Images;

/// <summary>How each channel of an image is scaled after pixelisation.</summary>
public enum JetImageNormalisation
{
    /// <summary>Pixels keep their physical values (pt in GeV, or counts).</summary>
    None,

    /// <summary>Each channel is divided by its pixel sum (an all-zero channel stays zero).</summary>
    PixelSum,

    /// <summary>Each channel is divided by its Euclidean norm (an all-zero channel stays zero).</summary>
    L2,
}
