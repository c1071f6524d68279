using HepMl.Physics.Events;
using HepMl.Physics.Images;
using HepMl.Physics.Jets;
using HepMl.Physics.Vectors;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>
/// Turns particle-level jets into a <see cref="JetSample"/>: each entry is clustered with anti-kt R = 1.0, the leading
/// jet's constituents give the jet image (25 × 25, 0.1 × 0.1 in (η′, φ′), centred on the leading kt subjet, the
/// second subjet rotated onto +η′, the hotter half flipped up; pixels in GeV) and the substructure variables.
/// </summary>
internal static class JetSampleBuilder
{
    /// <summary>The jet definition of the study (de Oliveira et al. use anti-kt R = 1.0 trimmed jets; we do not trim).</summary>
    public static readonly JetDefinition Definition = new(JetAlgorithm.AntiKt, radius: 1.0);

    /// <summary>The image geometry of the study and of the peers' <c>jetimages</c> data set.</summary>
    public static readonly JetImageSpec ImageSpec = new(pixels: 25, pixelSize: 0.1)
    {
        Centering = JetImageCentering.LeadingSubjet,
        Rotation = JetImageRotation.SecondSubjet,
        FlipHotterHalfUp = true,
        Normalisation = JetImageNormalisation.None,
    };

    /// <summary>Builds the sample from the given entries of <paramref name="particles"/> (all when null), in parallel.</summary>
    /// <param name="particles">One entry per jet or event.</param>
    /// <param name="labels">Label per entry of <paramref name="particles"/>.</param>
    /// <param name="entries">Which entries to use, or null for all.</param>
    /// <param name="description">Where the particles came from.</param>
    /// <param name="progress">Receives the number of jets finished since the last report.</param>
    public static JetSample Build(ParticleTable particles, int[] labels, int[]? entries, string description, IProgress<int>? progress)
    {
        int count = entries?.Length ?? particles.EntryCount;
        int perImage = ImageSpec.ValuesPerImage;
        var images = new float[(long)count * perImage];
        var selectedLabels = new int[count];
        var mass = new float[count];
        var tau21 = new float[count];
        var d2 = new float[count];
        const int ReportEvery = 256;
        Parallel.For(0, (count + ReportEvery - 1) / ReportEvery, block =>
        {
            int end = Math.Min(count, (block + 1) * ReportEvery);
            for (int i = block * ReportEvery; i < end; i++)
            {
                int entry = entries?[i] ?? i;
                selectedLabels[i] = labels[entry];
                LorentzVector[] constituents = LeadingJetConstituents(particles.Momenta(entry));
                JetImageBuilder.Fill(constituents, ImageSpec, images.AsSpan(i * perImage, perImage));
                (mass[i], tau21[i], d2[i]) = JetSubstructure.Compute(constituents);
            }

            progress?.Report(end - (block * ReportEvery));
        });

        return new JetSample(description, ImageSpec.Pixels, images, selectedLabels, mass, tau21, d2);
    }

    /// <summary>The constituents of the hardest anti-kt R = 1.0 jet (none for an empty entry).</summary>
    public static LorentzVector[] LeadingJetConstituents(ReadOnlySpan<LorentzVector> particles)
    {
        if (particles.IsEmpty)
        {
            return [];
        }

        ClusterSequence sequence = ClusterSequence.Run(particles, Definition);
        List<PseudoJet> jets = sequence.InclusiveJets().SortedByPt();
        List<PseudoJet> constituents = sequence.Constituents(jets[0]);
        var momenta = new LorentzVector[constituents.Count];
        for (int i = 0; i < momenta.Length; i++)
        {
            momenta[i] = constituents[i].Momentum;
        }

        return momenta;
    }
}
