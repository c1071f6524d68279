using System.Text.Json;
using HepMl.Analysis.Data;
using HepMl.Analysis.Likelihood;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Likelihood;

public class ProjectiveLikelihoodTests
{
    private static readonly JsonElement s_fixture = ClassicFixture.Load("decomposition_density.json").GetProperty("likelihood");

    private static Dataset Data(bool weighted) =>
        new(["f0", "f1"], s_fixture.GetProperty("features").Columns(), s_fixture.GetProperty("labels").Ints(), weighted ? s_fixture.GetProperty("weights").Floats() : null);

    [TestCase("kde_scott", false, BandwidthRule.Scott)]
    [TestCase("kde_scott_weighted", true, BandwidthRule.Scott)]
    [TestCase("kde_silverman", false, BandwidthRule.Silverman)]
    public void KernelDensity_MatchesScipyGaussianKde(string key, bool weighted, BandwidthRule rule)
    {
        JsonElement reference = s_fixture.GetProperty(key);
        var options = new ProjectiveLikelihoodOptions { Estimator = DensityEstimator.KernelDensity, Bandwidth = rule, KernelGridPoints = 0 };

        var model = ProjectiveLikelihood.Train(Data(weighted), options);
        var queries = new Dataset(["f0", "f1"], s_fixture.GetProperty("queries").Columns());

        double[][] bandwidths = reference.GetProperty("bandwidths").DoubleRows();
        for (int k = 0; k < 2; k++)
        {
            Tolerance.AssertClose(bandwidths[k][0], model.Bandwidth(k, signal: true), 1e-12, 0, $"signal bandwidth {k}");
            Tolerance.AssertClose(bandwidths[k][1], model.Bandwidth(k, signal: false), 1e-12, 0, $"background bandwidth {k}");
            double[] signal = reference.GetProperty("signal_density").DoubleRows()[k];
            double[] background = reference.GetProperty("background_density").DoubleRows()[k];
            for (int q = 0; q < signal.Length; q++)
            {
                double x = queries.Column(k)[q];
                Tolerance.AssertClose(signal[q], model.Density(k, true, x), 1e-10, 1e-15, $"p_S feature {k} query {q}");
                Tolerance.AssertClose(background[q], model.Density(k, false, x), 1e-10, 1e-15, $"p_B feature {k} query {q}");
            }
        }

        ClassicFixture.AssertAllClose(reference.GetProperty("response").Doubles(), model.Score(queries).Select(v => (double)v).ToArray(), 1e-6, 1e-7, "response");

        // The tabulated kernel (default 2048 points) agrees with the exact sum to interpolation accuracy.
        var gridded = ProjectiveLikelihood.Train(Data(weighted), new ProjectiveLikelihoodOptions { Estimator = DensityEstimator.KernelDensity, Bandwidth = rule });
        ClassicFixture.AssertAllClose(reference.GetProperty("response").Doubles(), gridded.Score(queries).Select(v => (double)v).ToArray(), 1e-3, 1e-4, "gridded response");
    }

    [Test]
    public void Histogram_MatchesNumpyHistogramDefinition()
    {
        JsonElement reference = s_fixture.GetProperty("histogram_weighted");
        var queries = new Dataset(["f0", "f1"], s_fixture.GetProperty("queries").Columns());

        var model = ProjectiveLikelihood.Train(Data(weighted: true), new ProjectiveLikelihoodOptions { Bins = 20 });
        var transformed = ProjectiveLikelihood.Train(Data(weighted: true), new ProjectiveLikelihoodOptions { Bins = 20, TransformOutput = true });

        for (int k = 0; k < 2; k++)
        {
            double[] signal = reference.GetProperty("signal_density").DoubleRows()[k];
            for (int q = 0; q < signal.Length; q++)
            {
                Tolerance.AssertClose(signal[q], model.Density(k, true, queries.Column(k)[q]), 1e-10, 1e-15, $"p_S feature {k} query {q}");
            }
        }

        ClassicFixture.AssertAllClose(reference.GetProperty("response").Doubles(), model.Score(queries).Select(v => (double)v).ToArray(), 1e-6, 1e-7, "response");
        ClassicFixture.AssertAllClose(reference.GetProperty("response_transformed").Doubles(), transformed.Score(queries).Select(v => (double)v).ToArray(), 1e-5, 1e-6, "transformed");
    }

    [Test]
    public void Train_BadInput_Throws()
    {
        Assert.That(() => ProjectiveLikelihood.Train(new Dataset(["a"], [[1f, 2f]], [1, 1])), Throws.ArgumentException.With.Message.Contains("single class"));
        Assert.That(() => ProjectiveLikelihood.Train(new Dataset(["a"], [[1f, 1f, 2f]], [1, 1, 0]), new ProjectiveLikelihoodOptions { Estimator = DensityEstimator.KernelDensity }),
            Throws.ArgumentException.With.Message.Contains("signal values of feature 'a' are all equal"));
        Assert.That(() => ProjectiveLikelihood.Train(new Dataset(["a"], [[1f, float.NaN]], [1, 0])), Throws.ArgumentException.With.Message.Contains("NaN"));
    }
}
