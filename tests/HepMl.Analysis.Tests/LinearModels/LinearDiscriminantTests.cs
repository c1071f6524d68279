using HepMl.Analysis.Data;
using HepMl.Analysis.LinearModels;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.LinearModels;

public class LinearDiscriminantTests
{
    [TestCase("ld_unweighted", false)]
    [TestCase("ld_weighted", true)]
    public void Train_MatchesSklearnLinearRegression(string key, bool weighted)
    {
        var reference = LinearFixture.Root.GetProperty(key);

        var ld = LinearDiscriminant.Train(LinearFixture.Data(weighted));

        ClassicFixture.AssertAllClose(reference.GetProperty("coefficients").Doubles(), ld.Coefficients, 1e-9, 1e-12, "c_k");
        Tolerance.AssertClose(reference.GetProperty("offset").GetDouble(), ld.Offset, 1e-9, 1e-12, "c0");
    }

    [Test]
    public void Train_Regression_RecoversExactLinearTarget()
    {
        // y = 2 + 3 a - b exactly, so least squares must return these coefficients.
        float[] a = [0, 1, 2, 3, 4, 5], b = [1, 0, 2, 5, 3, 1];
        float[] y = a.Select((v, i) => 2 + (3 * v) - b[i]).ToArray();
        var data = new Dataset(["a", "b"], [a, b], targets: y);

        var ld = LinearDiscriminant.Train(data, new LinearDiscriminantOptions { Target = LinearDiscriminantTarget.RegressionTarget });

        Tolerance.AssertClose(2, ld.Offset, 1e-9);
        Tolerance.AssertClose(3, ld.Coefficients[0], 1e-9);
        Tolerance.AssertClose(-1, ld.Coefficients[1], 1e-9);
    }

    [Test]
    public void Train_RegressionWithoutTargets_Throws()
    {
        Assert.That(() => LinearDiscriminant.Train(new Dataset(["a"], [[1f]]), new LinearDiscriminantOptions { Target = LinearDiscriminantTarget.RegressionTarget }),
            Throws.ArgumentException.With.Message.Contains("needs a dataset with targets"));
    }
}
