using HepMl.Physics.Events;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>
/// The default input: W-like two-prong (label 1) and QCD-like one-prong (label 0) jets from HepMl.Physics' seeded
/// toy generator (pt 250–300 GeV, |η| &lt; 1.5, 8 constituents per prong plus soft radiation; see
/// <see cref="ToyEventGenerator"/>), each kind drawn with probability ½.
/// </summary>
internal static class ToyJetSource
{
    /// <summary>The two kinds; the index is the label.</summary>
    private static readonly ToyJetKind[] s_kinds = [ToyJetKind.QcdOneProng, ToyJetKind.WTwoProng];

    /// <summary>Generates <paramref name="count"/> jets and builds their images and substructure.</summary>
    public static JetSample Generate(int count, int seed, IProgress<int>? progress)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var generator = new ToyEventGenerator(seed);
        ParticleTable jets = generator.NextJets(count, s_kinds, out int[] labels);
        return JetSampleBuilder.Build(jets, labels, entries: null,
            $"{count} toy jets (HepMl.Physics ToyEventGenerator, seed {seed}: W-like two-prong vs QCD-like one-prong, pt 250-300 GeV)",
            progress);
    }
}
