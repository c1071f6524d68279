using HepMl.Samples.JetTagging.Data;

namespace HepMl.Samples.JetTagging.Taggers;

/// <summary>
/// The single-variable taggers physicists start from (and the paper's reference curves): a window around the W mass,
/// and cuts on τ21 or D2 (two-prong jets have small values). Nothing is trained.
/// </summary>
internal static class CutBasedTaggers
{
    /// <summary>The W boson mass (GeV), the centre of the mass window.</summary>
    public const double WMass = 80.4;

    /// <summary>Score −|m − m_W|: scanning the threshold scans a symmetric window.</summary>
    public static TaggerResult MassWindow(JetSample test) =>
        TaggerResult.FromScores("mass-window", "|m - 80.4 GeV|", Map(test.Mass, m => -(float)Math.Abs(m - WMass)), test.Labels, 0, null);

    /// <summary>Score −τ21.</summary>
    public static TaggerResult Tau21(JetSample test) =>
        TaggerResult.FromScores("tau21", "tau21", Map(test.Tau21, t => -t), test.Labels, 0, null);

    /// <summary>Score −D2.</summary>
    public static TaggerResult D2(JetSample test) =>
        TaggerResult.FromScores("d2", "D2", Map(test.D2, d => -d), test.Labels, 0, null);

    private static float[] Map(float[] values, Func<float, float> score)
    {
        var scores = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            scores[i] = score(values[i]);
        }

        return scores;
    }
}
