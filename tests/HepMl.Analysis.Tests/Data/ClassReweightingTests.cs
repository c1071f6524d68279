using HepMl.Analysis.Data;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Data;

public class ClassReweightingTests
{
    // 2 signal events (weights 1, 3: total 4), 4 background events (weights 1, 1, 1, -1: total 2).
    private static readonly Dataset s_data = new(["x"], [[1f, 2f, 3f, 4f, 5f, 6f]], [1, 1, 0, 0, 0, 0], [1f, 3f, 1f, 1f, 1f, -1f]);

    [Test]
    public void Reweight_EqualTotals_GivesEachClassTheMeanCount()
    {
        Dataset balanced = ClassReweighting.Reweight(s_data);

        // 6 events over 2 classes: each total becomes 3. Signal factor 3/4, background 3/2.
        float[] w = balanced.Weights.ToArray();
        Tolerance.AssertClose(3.0, w[0] + w[1], 1e-6);
        Tolerance.AssertClose(3.0, w[2] + w[3] + w[4] + w[5], 1e-6);
        Assert.That(w[5], Is.EqualTo(-1.5f));
    }

    [Test]
    public void Factors_Modes_MatchDefinitions()
    {
        Assert.That(ClassReweighting.Factors(s_data, ClassWeightMode.NumberOfEvents), Is.EqualTo(new[] { 4.0 / 2, 2.0 / 4 }));
        // scikit-learn's "balanced": n / (classes * n_c) = 6 / (2*4), 6 / (2*2).
        Assert.That(ClassReweighting.Factors(s_data, ClassWeightMode.Balanced), Is.EqualTo(new[] { 0.75, 1.5 }));
    }

    [Test]
    public void Reweight_NonPositiveClassTotal_Throws()
    {
        var data = new Dataset(["x"], [[1f, 2f, 3f]], [1, 0, 0], [1f, 1f, -1f]);
        Assert.That(() => ClassReweighting.Reweight(data), Throws.ArgumentException.With.Message.Contains("class 0 ('0') has total weight 0"));
    }

    [Test]
    public void Reweight_NoLabels_Throws()
    {
        Assert.That(() => ClassReweighting.Reweight(new Dataset(["x"], [[1f]])), Throws.ArgumentException.With.Message.Contains("class labels"));
    }
}
