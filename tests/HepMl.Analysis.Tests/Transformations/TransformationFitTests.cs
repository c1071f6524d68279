using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Transformations;

/// <summary>Fits against numpy (tools/refgen/tmva_transformations.py) and closed-form properties.</summary>
public class TransformationFitTests
{
    [Test]
    public void Normalisation_Fit_TakesMinimaAndMaximaPerClassAndOverall()
    {
        Normalisation n = Normalisation.Fit(TransformationFixture.Data());

        Assert.That(n.ParameterSetCount, Is.EqualTo(3));
        for (int set = 0; set < 3; set++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.That(n.Minimum(set, j), Is.EqualTo((float)TransformationFixture.Set(set, "min")[j]));
                Assert.That(n.Maximum(set, j), Is.EqualTo((float)TransformationFixture.Set(set, "max")[j]));
            }
        }
    }

    [Test]
    public void Normalisation_MapsTheTrainingRangeOntoMinusOneOne()
    {
        var n = new Normalisation([[2f]], [[6f]]);
        var y = new float[1];

        n.Transform([2f], y);
        Assert.That(y[0], Is.EqualTo(-1f));
        n.Transform([6f], y);
        Assert.That(y[0], Is.EqualTo(1f));
        n.Transform([5f], y);
        Assert.That(y[0], Is.EqualTo(0.5f)); // 2 * (5 - 2) / 4 - 1
        n.InverseTransform([0.5f], y);
        Assert.That(y[0], Is.EqualTo(5f));
    }

    [Test]
    public void Decorrelation_Fit_MatchesNumpyInverseSquareRoot()
    {
        Decorrelation d = Decorrelation.Fit(TransformationFixture.Data());

        for (int set = 0; set < 3; set++)
        {
            double[] expected = TransformationFixture.Set(set, "decorrelation");
            double[] actual = d.Matrix(set);
            for (int k = 0; k < 9; k++)
            {
                Tolerance.AssertClose(expected[k], actual[k], 1e-9, 1e-12, $"set {set} element {k}");
            }
        }
    }

    [Test]
    public void Decorrelation_WhitensTheTrainingSample()
    {
        Dataset data = TransformationFixture.Data();
        TransformationChain chain = TransformationChain.Fit(data, TransformationKind.Decorrelate);

        Dataset white = chain.Transform(data);

        // Weighted covariance of the transformed sample (all events) is the identity up to float rounding.
        double sw = 0;
        var mean = new double[3];
        for (int i = 0; i < white.RowCount; i++)
        {
            sw += white.Weights[i];
            for (int j = 0; j < 3; j++)
            {
                mean[j] += white.Weights[i] * white.Column(j)[i];
            }
        }

        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                double c = 0;
                for (int i = 0; i < white.RowCount; i++)
                {
                    c += white.Weights[i] * (white.Column(a)[i] - mean[a] / sw) * (white.Column(b)[i] - mean[b] / sw);
                }

                Assert.That(c / sw, Is.EqualTo(a == b ? 1.0 : 0.0).Within(1e-5), $"covariance [{a},{b}]");
            }
        }
    }

    [Test]
    public void PrincipalComponents_Fit_MatchesNumpyEigenvectors()
    {
        PrincipalComponents p = PrincipalComponents.Fit(TransformationFixture.Data());

        for (int set = 0; set < 3; set++)
        {
            double[] means = TransformationFixture.Set(set, "pcaMean");
            double[] vectors = TransformationFixture.Set(set, "pcaEigenvectors");
            for (int k = 0; k < 3; k++)
            {
                Tolerance.AssertClose(means[k], p.Means(set)[k], 1e-12, 1e-14, $"set {set} mean {k}");
            }

            for (int k = 0; k < 9; k++)
            {
                Tolerance.AssertClose(vectors[k], p.Eigenvectors(set)[k], 1e-9, 1e-11, $"set {set} vector element {k}");
            }
        }
    }

    [Test]
    public void Standardisation_Fit_MatchesWeightedMeanAndDeviation()
    {
        Standardisation s = Standardisation.Fit(TransformationFixture.Data());

        for (int set = 0; set < 3; set++)
        {
            for (int j = 0; j < 3; j++)
            {
                Tolerance.AssertClose(TransformationFixture.Set(set, "mean")[j], s.Mean(set, j), 1e-12, 1e-14);
                Tolerance.AssertClose(TransformationFixture.Set(set, "std")[j], s.StandardDeviation(set, j), 1e-12);
            }
        }
    }

    [Test]
    public void Gaussianisation_Fit_MakesTheTrainingSampleStandardNormal()
    {
        Dataset data = TransformationFixture.Data();
        TransformationChain chain = TransformationChain.Fit(data, TransformationKind.Gaussianise);

        Dataset gauss = chain.Transform(data);

        for (int j = 0; j < 3; j++)
        {
            double mean = gauss.Column(j).ToArray().Average(v => (double)v);
            double std = Math.Sqrt(gauss.Column(j).ToArray().Average(v => (v - mean) * (v - mean)));
            Assert.That(mean, Is.EqualTo(0).Within(0.1), $"mean of variable {j}");
            Assert.That(std, Is.EqualTo(1).Within(0.15), $"standard deviation of variable {j}");
        }
    }

    [Test]
    public void Uniformisation_IsMonotoneAndInsideTheUnitInterval()
    {
        Dataset data = TransformationFixture.Data();
        Gaussianisation flat = Gaussianisation.Fit(data, flat: true);
        var y = new float[3];
        float previous = -1;
        foreach (float x in Enumerable.Range(-40, 81).Select(i => i / 10f))
        {
            flat.Transform([x, x, x], y);
            Assert.That(y[0], Is.InRange(1e-9f, 1f - 1e-9f));
            Assert.That(y[0], Is.GreaterThanOrEqualTo(previous));
            previous = y[0];
        }
    }

    [Test]
    public void Chain_FitsEachStepOnTheOutputOfThePreviousOne()
    {
        Dataset data = TransformationFixture.Data();
        TransformationChain chain = TransformationChain.Fit(data, TransformationKind.Normalise, TransformationKind.Normalise);

        // The second normalisation is fitted on [-1, 1] data (the maximum maps to 1 up to TMVA's float rounding).
        var second = (Normalisation)chain.Steps[1].Transformation;
        for (int j = 0; j < 3; j++)
        {
            Assert.That(second.Minimum(2, j), Is.EqualTo(-1f));
            Assert.That(second.Maximum(2, j), Is.EqualTo(1f).Within(2e-7f));
        }
    }

    [Test]
    public void Chain_SelectedVariablesOnly_LeavesTheOthersUntouched()
    {
        Dataset data = TransformationFixture.Data();
        TransformationChain chain = TransformationChain.Fit(data, [new TransformationRequest(TransformationKind.Standardise, [2])]);
        var output = new float[3];

        chain.Transform([1.5f, -2f, 7f], output);

        Assert.That(output[0], Is.EqualTo(1.5f));
        Assert.That(output[1], Is.EqualTo(-2f));
        Assert.That(output[2], Is.Not.EqualTo(7f));
    }

    [Test]
    public void ClassIndex_OutsideTheSets_UsesTheAllClassesSet()
    {
        Normalisation n = Normalisation.Fit(TransformationFixture.Data());

        Assert.That(n.ResolveParameterSet(-1), Is.EqualTo(2));
        Assert.That(n.ResolveParameterSet(7), Is.EqualTo(2));
        Assert.That(n.ResolveParameterSet(1), Is.EqualTo(1));
    }

    [Test]
    public void Fit_EmptyDataset_IsRejected()
    {
        var empty = new Dataset(["a"], [[]]);

        Assert.That(Assert.Throws<ArgumentException>(() => Normalisation.Fit(empty))!.Message, Does.Contain("empty"));
    }

    [Test]
    public void Fit_NaNFeature_NamesTheVariableAndEvent()
    {
        var data = new Dataset(["a", "b"], [[1f, 2f, 3f], [1f, float.NaN, 2f]]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => Decorrelation.Fit(data))!;

        Assert.That(error.Message, Does.Contain("'b'").And.Contain("event 1"));
    }

    [Test]
    public void Decorrelation_SingularCovariance_IsRejected()
    {
        var data = new Dataset(["a", "b"], [[1f, 2f, 3f, 4f], [2f, 4f, 6f, 8f]]);

        Assert.That(Assert.Throws<ArgumentException>(() => Decorrelation.Fit(data))!.Message, Does.Contain("singular"));
    }

    [Test]
    public void InverseOfDecorrelation_IsNotSupported()
    {
        var d = new Decorrelation(1, [[2.0]]);

        Assert.Throws<NotSupportedException>(() => d.InverseTransform([1f], new float[1]));
    }
}
