using HepMl.Analysis.Classic;
using HepMl.Analysis.Data;
using HepMl.Analysis.LinearModels;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.LinearModels;

public class FisherDiscriminantTests
{
    [TestCase("fisher_unweighted", false, FisherMethod.Fisher)]
    [TestCase("fisher_weighted", true, FisherMethod.Fisher)]
    [TestCase("mahalanobis_weighted", true, FisherMethod.Mahalanobis)]
    public void Train_MatchesReference(string key, bool weighted, FisherMethod method)
    {
        var reference = LinearFixture.Root.GetProperty(key);

        var fisher = FisherDiscriminant.Train(LinearFixture.Data(weighted), new FisherOptions { Method = method });

        ClassicFixture.AssertAllClose(reference.GetProperty("coefficients").Doubles(), fisher.Coefficients, 1e-10, 0, "F_k");
        Tolerance.AssertClose(reference.GetProperty("offset").GetDouble(), fisher.Offset, 1e-10, 0, "F0");
    }

    [Test]
    public void Score_IsOffsetPlusLinearForm()
    {
        Dataset data = LinearFixture.Data(weighted: false);
        var fisher = FisherDiscriminant.Train(data);
        float[] scores = fisher.Score(data);
        var row = new float[data.FeatureCount];
        data.CopyRow(17, row);
        double expected = fisher.Offset + fisher.Coefficients.Select((c, k) => c * row[k]).Sum();
        Tolerance.AssertClose(expected, scores[17], 1e-6);
        Assert.That(fisher.Score(row), Is.EqualTo(scores[17]));
    }

    [Test]
    public void Train_BadInput_Throws()
    {
        Assert.That(() => FisherDiscriminant.Train(new Dataset(["a"], [Array.Empty<float>()], Array.Empty<int>())),
            Throws.ArgumentException.With.Message.Contains("Fisher discriminant: the training dataset is empty"));
        Assert.That(() => FisherDiscriminant.Train(new Dataset(["a"], [[1f, 2f]], [1, 1])),
            Throws.ArgumentException.With.Message.Contains("single class"));
        Assert.That(() => FisherDiscriminant.Train(new Dataset(["a", "b"], [[1f, 2f, 3f], [1f, float.NaN, 0f]], [1, 0, 1])),
            Throws.ArgumentException.With.Message.Contains("feature 'b' of event 1 is NaN"));
        Assert.That(() => FisherDiscriminant.Train(new Dataset(["a", "b"], [[1f, 2f, 3f, 4f], [2f, 4f, 6f, 8f]], [1, 0, 1, 0])),
            Throws.TypeOf<SingularMatrixException>().With.Message.Contains("within-class covariance matrix is singular"));
    }
}
