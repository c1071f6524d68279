using HepMl.Physics.Vectors;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>
/// Reads an image back as massless pseudo-particles, one per non-empty pixel, at the pixel centre in (η′, φ′) with the
/// pixel's pt. This is how de Oliveira et al. compute mass and τ21 from jet images; the translation and rotation of the
/// preprocessing change the mass only slightly at these jet sizes.
/// </summary>
internal static class PixelConstituents
{
    /// <summary>The pseudo-particles of one image [row = φ′, column = η′], pixel centres (k − centre) × size.</summary>
    public static LorentzVector[] FromImage(ReadOnlySpan<float> image, int pixels, double pixelSize)
    {
        int centre = pixels / 2;
        var particles = new List<LorentzVector>();
        for (int row = 0; row < pixels; row++)
        {
            for (int column = 0; column < pixels; column++)
            {
                float pt = image[(row * pixels) + column];
                if (pt > 0)
                {
                    particles.Add(LorentzVector.FromPtEtaPhiM(pt, (column - centre) * pixelSize, (row - centre) * pixelSize, 0));
                }
            }
        }

        return [.. particles];
    }
}
