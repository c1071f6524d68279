using HepMl.Tmva.Factory;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Factory;

/// <summary>The significance-optimised response cut on hand-computed samples.</summary>
public class ScoreCutSearchTests
{
    // Signal responses 0.9 0.8 0.7 0.2, background 0.85 0.5 0.3 0.1, unit weights; yields S = 40, B = 100.
    private static readonly float[] s_scores = [0.9f, 0.8f, 0.7f, 0.2f, 0.85f, 0.5f, 0.3f, 0.1f];
    private static readonly int[] s_labels = [1, 1, 1, 1, 0, 0, 0, 0];
    private static readonly float[] s_weights = [1, 1, 1, 1, 1, 1, 1, 1];

    [Test]
    public void Optimise_SignalOverSqrtBackground_PicksTheHandComputedThreshold()
    {
        // Thresholds keeping background (εS, εB -> S/√B with S = 40 εS, B = 100 εB):
        // 0.85 (.25,.25) 10/5 = 2; 0.8 (.5,.25) 20/5 = 4; 0.7 (.75,.25) 30/5 = 6; 0.5 (.75,.5) 30/√50 = 4.243;
        // 0.3 (.75,.75) 30/√75 = 3.464; 0.2 (1,.75) 40/√75 = 4.619; 0.1 (1,1) 40/10 = 4. 0.9 keeps no background.
        ScoreCut cut = ScoreCutSearch.Optimise(s_scores, s_labels, s_weights, (s, b) => s / Math.Sqrt(b), 40, 100)!;

        Assert.That(cut.Threshold, Is.EqualTo(0.7f));
        Assert.That((cut.SignalEfficiency, cut.BackgroundEfficiency), Is.EqualTo((0.75, 0.25)));
        Assert.That((cut.Signal, cut.Background), Is.EqualTo((30.0, 25.0)));
        Assert.That(cut.FigureOfMerit, Is.EqualTo(6.0).Within(1e-12));
    }

    [Test]
    public void Optimise_AsimovBackgroundUncertainty_MovesTheOptimumToTheTightCut()
    {
        // Signal: 3 events at 0.9, 7 at 0.2; background: 1 at 0.8, 9 at 0.5; yields S = B = 100. Thresholds keeping
        // background: 0.8 (εS .3, εB .1), 0.5 (.3, 1), 0.2 (1, 1). Asimov Z (Cowan, Cranmer, Gross, Vitells,
        // arXiv:1007.1727 eq. 97) without uncertainty: Z(30, 10) = 7.1347, Z(30, 100) = 2.8661, Z(100, 100) = 8.7897:
        // the loose cut wins. With σB = 0.5 B (Cowan 2012): Z(30, 10; 5) = 3.1831, Z(30, 100; 50) = 0.5389,
        // Z(100, 100; 50) = 1.5419: the tight cut wins. (Values from the closed forms, computed with Python.)
        float[] scores = [0.9f, 0.9f, 0.9f, .. Enumerable.Repeat(0.2f, 7), 0.8f, .. Enumerable.Repeat(0.5f, 9)];
        int[] labels = [.. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(0, 10)];
        float[] weights = [.. Enumerable.Repeat(1f, 20)];

        ScoreCut loose = ScoreCutSearch.Optimise(scores, labels, weights, (s, b) => Z(s, b, 0), 100, 100)!;
        ScoreCut tight = ScoreCutSearch.Optimise(scores, labels, weights, (s, b) => Z(s, b, 0.5), 100, 100)!;

        Assert.That(loose.Threshold, Is.EqualTo(0.2f));
        Assert.That(loose.FigureOfMerit, Is.EqualTo(8.789702624320013).Within(1e-12));
        Assert.That(tight.Threshold, Is.EqualTo(0.8f));
        Assert.That(tight.FigureOfMerit, Is.EqualTo(3.183065520991835).Within(1e-12));
        Assert.That(tight.Signal, Is.EqualTo(30.0).Within(1e-12));
        Assert.That(tight.Background, Is.EqualTo(10.0).Within(1e-12));
    }

    /// <summary>Asimov Z, written out independently of HepMl.Physics; relative background uncertainty r (σB = r B).</summary>
    private static double Z(double s, double b, double relative)
    {
        if (relative == 0)
        {
            return Math.Sqrt(2 * (((s + b) * Math.Log(1 + (s / b))) - s));
        }

        double v = relative * b * relative * b;
        return Math.Sqrt(2 * (((s + b) * Math.Log((s + b) * (b + v) / ((b * b) + ((s + b) * v)))) - (b * b / v * Math.Log(1 + (v * s / (b * (b + v)))))));
    }

    [Test]
    public void Optimise_TiedResponses_PassOrFailTogether()
    {
        // A background event tied with the best signal event: the cut at 0.7 must keep it too.
        float[] scores = [0.9f, 0.7f, 0.7f, 0.1f];
        int[] labels = [1, 1, 0, 0];
        float[] weights = [1, 1, 1, 1];

        ScoreCut cut = ScoreCutSearch.Optimise(scores, labels, weights, (s, b) => s / Math.Sqrt(b), 2, 2)!;

        // 0.7: S = 2, B = 1 -> 2; 0.1: S = 2, B = 2 -> 1.414.
        Assert.That((cut.Threshold, cut.Signal, cut.Background), Is.EqualTo((0.7f, 2.0, 1.0)));
    }

    [Test]
    public void Optimise_WeightsCount()
    {
        // Weighted: signal 0.9 (w 3), 0.4 (w 1); background 0.6 (w 1), 0.3 (w 3). Yields S = 4, B = 4 (the weights).
        // 0.6: S = 3, B = 1 -> 3; 0.4: S = 4, B = 1 -> 4; 0.3: S = 4, B = 4 -> 2.
        ScoreCut cut = ScoreCutSearch.Optimise([0.9f, 0.4f, 0.6f, 0.3f], [1, 1, 0, 0], [3, 1, 1, 3], (s, b) => s / Math.Sqrt(b), 4, 4)!;

        Assert.That((cut.Threshold, cut.FigureOfMerit), Is.EqualTo((0.4f, 4.0)));
    }

    [Test]
    public void Optimise_BadInput_Throws()
    {
        static double F(double s, double b) => s;
        Assert.Throws<ArgumentException>(() => ScoreCutSearch.Optimise([0.1f], [1, 0], [1, 1], F, 1, 1));
        Assert.Throws<ArgumentException>(() => ScoreCutSearch.Optimise([0.1f, 0.2f], [1, 1], [1, 1], F, 1, 1));
        Assert.Throws<ArgumentException>(() => ScoreCutSearch.Optimise([float.NaN, 0.2f], [1, 0], [1, 1], F, 1, 1));
    }
}
