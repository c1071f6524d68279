using System.Text.Json;
using HepMl.Analysis.Metrics;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Metrics;

/// <summary>Two-sample KS statistic and p-values against scipy's ks_2samp (exact) and kstwobign (asymptotic).</summary>
public class KolmogorovSmirnovTestTests
{
    private static readonly JsonElement s_fixture = ClassicFixture.Load("kolmogorov_smirnov.json");

    private static IEnumerable<string> Cases() => s_fixture.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    [TestCaseSource(nameof(Cases))]
    public void Compute_MatchesScipy(string name)
    {
        JsonElement c = s_fixture.GetProperty("cases").EnumerateArray().First(e => e.GetProperty("name").GetString() == name);
        float[] first = c.GetProperty("first").Floats(), second = c.GetProperty("second").Floats();

        var exact = KolmogorovSmirnovTest.Compute(first, second);
        var asymptotic = KolmogorovSmirnovTest.Compute(first, [], second, [], KolmogorovSmirnovMethod.Asymptotic);

        Assert.That(exact.Method, Is.EqualTo(KolmogorovSmirnovMethod.Exact));
        Tolerance.AssertClose(c.GetProperty("statistic").GetDouble(), exact.Statistic, 1e-12, 0, "D");
        Tolerance.AssertClose(c.GetProperty("p_exact").GetDouble(), exact.PValue, 1e-9, 0, "exact p");
        Tolerance.AssertClose(c.GetProperty("p_asymptotic").GetDouble(), asymptotic.PValue, 1e-9, 0, "asymptotic p");
    }

    [Test]
    public void Compute_LargeSamples_UsesAsymptoticLimit()
    {
        JsonElement c = s_fixture.GetProperty("large");
        var result = KolmogorovSmirnovTest.Compute(c.GetProperty("first").Floats(), [], c.GetProperty("second").Floats(), [], KolmogorovSmirnovMethod.Asymptotic);

        Tolerance.AssertClose(c.GetProperty("statistic").GetDouble(), result.Statistic, 1e-12);
        Tolerance.AssertClose(c.GetProperty("p_asymptotic").GetDouble(), result.PValue, 1e-9);
        Tolerance.AssertClose(3000.0 * 2000 / 5000, result.EffectiveSize, 1e-12);
    }

    [Test]
    public void KolmogorovProbability_MatchesKstwobign()
    {
        double[] z = s_fixture.GetProperty("kolmogorov_z").Doubles();
        double[] expected = s_fixture.GetProperty("kolmogorov_sf").Doubles();
        for (int i = 0; i < z.Length; i++)
        {
            Tolerance.AssertClose(expected[i], KolmogorovSmirnovTest.KolmogorovProbability(z[i]), 1e-10, 1e-15, $"Q({z[i]})");
        }
    }

    [Test]
    public void Compute_Weighted_UsesWeightedDistributionsAndEffectiveSize()
    {
        // Sample A = {1 (w 3), 2 (w 1)}, B = {1.5 (w 1), 2.5 (w 1)}.
        // F_A: 0.75 at 1, 1 at 2; F_B: 0.5 at 1.5, 1 at 2.5. Largest gap: 0.75 at x in [1, 1.5).
        // n_A = 16/10 = 1.6, n_B = 2; n_eff = 1.6*2/3.6.
        var result = KolmogorovSmirnovTest.Compute([1f, 2f], [3f, 1f], [1.5f, 2.5f], [1f, 1f]);
        Tolerance.AssertClose(0.75, result.Statistic);
        Tolerance.AssertClose(1.6 * 2 / 3.6, result.EffectiveSize, 1e-12);
        Assert.That(result.Method, Is.EqualTo(KolmogorovSmirnovMethod.Asymptotic));
    }

    [Test]
    public void Compute_BadInput_Throws()
    {
        Assert.That(() => KolmogorovSmirnovTest.Compute([], [1f]), Throws.ArgumentException.With.Message.Contains("'first' is empty"));
        Assert.That(() => KolmogorovSmirnovTest.Compute([1f, float.NaN], [1f]), Throws.ArgumentException.With.Message.Contains("value 1 of 'first' is NaN"));
        Assert.That(
            () => KolmogorovSmirnovTest.Compute([1f], [2f], [1f], [], KolmogorovSmirnovMethod.Exact),
            Throws.ArgumentException.With.Message.Contains("exact Kolmogorov-Smirnov p-value needs unweighted"));
    }
}
