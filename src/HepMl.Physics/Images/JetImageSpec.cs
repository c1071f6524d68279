namespace HepMl.Physics.Images;

/// <summary>
/// The geometry and preprocessing of a jet image. The image is a square of <see cref="Pixels"/> × <see cref="Pixels"/>
/// cells of <see cref="PixelSize"/> in (η′, φ′), the constituents' pseudorapidity and azimuth relative to the centre
/// (after rotation and flip). Layout: [channel, row, column] row-major, row = φ′ bin (increasing φ′), column = η′
/// bin (increasing η′): the conventions of the peers' <c>jetimages</c> data set. Column of a constituent:
/// floor(η′/size + Pixels/2), so for odd sizes the centre pixel covers [−size/2, size/2) and for even sizes the
/// centre is a pixel corner. Constituents outside the square are not drawn.
/// </summary>
public sealed class JetImageSpec
{
    /// <summary>Creates a spec.</summary>
    /// <param name="pixels">Cells per side (e.g. 25 or 100).</param>
    /// <param name="pixelSize">Cell size in η and φ (e.g. 0.1 for 25 cells over 2.5).</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 or more than 4096 pixels per side, or a non-positive size.</exception>
    public JetImageSpec(int pixels = 25, double pixelSize = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixels, 4096);
        if (!(pixelSize > 0) || !double.IsFinite(pixelSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSize), pixelSize, "the pixel size must be positive and finite");
        }

        Pixels = pixels;
        PixelSize = pixelSize;
    }

    /// <summary>Cells per side.</summary>
    public int Pixels { get; }

    /// <summary>Cell size in η and φ.</summary>
    public double PixelSize { get; }

    /// <summary>The image centre (default: leading subjet).</summary>
    public JetImageCentering Centering { get; init; } = JetImageCentering.LeadingSubjet;

    /// <summary>The rotation (default: second subjet onto +η′).</summary>
    public JetImageRotation Rotation { get; init; } = JetImageRotation.SecondSubjet;

    /// <summary>If true (default), reflect φ′ → −φ′ when the lower half (φ′ &lt; 0) carries more pt than the upper half
    /// (particles within 1e-9 of φ′ = 0 count for neither).</summary>
    public bool FlipHotterHalfUp { get; init; } = true;

    /// <summary>Per-channel normalisation (default: none, pixels in GeV).</summary>
    public JetImageNormalisation Normalisation { get; init; } = JetImageNormalisation.None;

    /// <summary>The channels, in output order (default: one pt channel).</summary>
    public IReadOnlyList<JetImageChannel> Channels { get; init; } = [JetImageChannel.Pt];

    /// <summary>Radius of the kt subjets used for centring and rotation (default 0.3, as in the jet-images literature).</summary>
    public double SubjetRadius { get; init; } = 0.3;

    /// <summary>Pixels × Pixels.</summary>
    public int PixelCount => Pixels * Pixels;

    /// <summary>Number of channels.</summary>
    public int ChannelCount => Channels.Count;

    /// <summary>Floats per image: channels × pixels².</summary>
    public int ValuesPerImage => ChannelCount * PixelCount;

    /// <summary>True if a channel needs constituent charges.</summary>
    public bool NeedsCharges
    {
        get
        {
            foreach (JetImageChannel channel in Channels)
            {
                if (channel is JetImageChannel.ChargedPt or JetImageChannel.NeutralPt or JetImageChannel.ChargedMultiplicity)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
