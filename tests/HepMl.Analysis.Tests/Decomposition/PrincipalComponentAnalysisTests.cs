using HepMl.Analysis.Data;
using HepMl.Analysis.Decomposition;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Decomposition;

public class PrincipalComponentAnalysisTests
{
    private static readonly System.Text.Json.JsonElement s_fixture = ClassicFixture.Load("decomposition_density.json").GetProperty("pca");

    private static Dataset Data(float[]? weights = null) =>
        new(["a", "b", "c", "d"], s_fixture.GetProperty("features").Columns(), weights: weights);

    [Test]
    public void Fit_MatchesSklearnComponentsVariancesAndSigns()
    {
        var pca = PrincipalComponentAnalysis.Fit(Data());

        ClassicFixture.AssertAllClose(s_fixture.GetProperty("components").DoubleRows().SelectMany(r => r).ToArray(), pca.Components, 1e-9, 1e-10, "components");
        ClassicFixture.AssertAllClose(s_fixture.GetProperty("mean").Doubles(), pca.Mean, 1e-12, 1e-12, "mean");
        ClassicFixture.AssertAllClose(s_fixture.GetProperty("explained_variance").Doubles(), pca.ExplainedVariance, 1e-10, 0, "variance");
        ClassicFixture.AssertAllClose(s_fixture.GetProperty("ratio").Doubles(), pca.ExplainedVarianceRatio, 1e-10, 0, "ratio");
        float[] projected = pca.Transform(Data().Subset([0, 1, 2, 3, 4]));
        ClassicFixture.AssertAllClose(s_fixture.GetProperty("transform_first5").DoubleRows().SelectMany(r => r).ToArray(), projected.Select(v => (double)v).ToArray(), 1e-5, 1e-5, "projection");
    }

    [Test]
    public void Fit_Whiten_MatchesSklearn()
    {
        var pca = PrincipalComponentAnalysis.Fit(Data(), new PcaOptions { Whiten = true, ComponentCount = 4 });
        Dataset projected = pca.TransformDataset(Data().Subset([0, 1, 2, 3, 4]));
        double[] expected = s_fixture.GetProperty("whitened_first5").DoubleRows().SelectMany(r => r).ToArray();
        for (int i = 0; i < 5; i++)
        {
            for (int c = 0; c < 4; c++)
            {
                HepMl.TestData.Tolerance.AssertClose(expected[(i * 4) + c], projected.Column(c)[i], 1e-5, 1e-5, $"whitened {i},{c}");
            }
        }

        Assert.That(projected.FeatureNames, Is.EqualTo(new[] { "pc0", "pc1", "pc2", "pc3" }));
    }

    [Test]
    public void Fit_IntegerWeights_GiveTheDirectionsOfDuplicatedEvents()
    {
        float[] counts = s_fixture.GetProperty("counts").Ints().Select(c => (float)c).ToArray();
        var pca = PrincipalComponentAnalysis.Fit(Data(counts), new PcaOptions { ComponentCount = 2 });
        ClassicFixture.AssertAllClose(s_fixture.GetProperty("duplicated_components").DoubleRows().Take(2).SelectMany(r => r).ToArray(), pca.Components, 1e-9, 1e-10, "components");
    }

    [Test]
    public void Fit_BadInput_Throws()
    {
        Assert.That(() => PrincipalComponentAnalysis.Fit(new Dataset(["a"], [[1f]])), Throws.ArgumentException.With.Message.Contains("at least 2 events"));
        Assert.That(() => PrincipalComponentAnalysis.Fit(Data(), new PcaOptions { ComponentCount = 5 }), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("between 1 and the 4 features"));
        Assert.That(() => PrincipalComponentAnalysis.Fit(new Dataset(["a"], [[1f, float.NaN, 2f]])), Throws.ArgumentException.With.Message.Contains("NaN"));
    }
}
