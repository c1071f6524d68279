using System.Text.Json;
using HepMl.Analysis.Classic;
using HepMl.Analysis.Data;
using HepMl.Analysis.LinearModels;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.LinearModels;

public class LogisticRegressionTests
{
    private static IEnumerable<string> Cases() =>
        LinearFixture.Root.GetProperty("logistic").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    [TestCaseSource(nameof(Cases))]
    public void Train_MatchesSklearn(string name)
    {
        JsonElement reference = LinearFixture.Root.GetProperty("logistic").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);
        var options = new LogisticRegressionOptions
        {
            Penalty = reference.GetProperty("penalty").GetString() switch { "l1" => RegularizationPenalty.L1, "l2" => RegularizationPenalty.L2, _ => RegularizationPenalty.None },
            InverseRegularization = reference.GetProperty("C").GetDouble(),
        };

        var model = LogisticRegression.Train(LinearFixture.Data(reference.GetProperty("weighted").GetBoolean()), options);

        // sklearn stops at its own tolerance (saga converges slowly); our Newton solution is the exact optimum, so
        // its objective may only be lower, and the coefficients agree to the accuracy sklearn reached.
        double expectedObjective = reference.GetProperty("objective").GetDouble();
        Assert.That(model.Objective, Is.LessThanOrEqualTo(expectedObjective * (1 + 1e-12)));
        Tolerance.AssertClose(expectedObjective, model.Objective, 1e-9, 0, "objective");
        double[] coefficients = reference.GetProperty("coefficients").Doubles();
        ClassicFixture.AssertAllClose(coefficients, model.Coefficients, 1e-5, 1e-7, "coefficients");
        Tolerance.AssertClose(reference.GetProperty("intercept").GetDouble(), model.Intercept, 1e-5, 1e-5, "intercept (lbfgs stops on a relative objective change of 64 eps)");
        for (int k = 0; k < coefficients.Length; k++)
        {
            if (coefficients[k] == 0)
            {
                Assert.That(model.Coefficients[k], Is.EqualTo(0.0), $"L1 zeroes coefficient {k} exactly");
            }
        }
    }

    [Test]
    public void Score_IsSigmoidOfLinearPredictor()
    {
        Dataset data = LinearFixture.Data(weighted: false);
        var model = LogisticRegression.Train(data);
        var row = new float[data.FeatureCount];
        data.CopyRow(3, row);
        double z = model.Intercept + model.Coefficients.Select((c, k) => c * row[k]).Sum();
        Tolerance.AssertClose(1 / (1 + Math.Exp(-z)), model.Score(data)[3], 1e-6);
        Tolerance.AssertClose(z, model.DecisionFunction(row), 1e-12);
    }

    [Test]
    public void Train_SeparableWithoutPenalty_ThrowsConvergence()
    {
        var data = new Dataset(["a"], [[0f, 1f, 2f, 3f]], [0, 0, 1, 1]);
        Assert.That(() => LogisticRegression.Train(data, new LogisticRegressionOptions { Penalty = RegularizationPenalty.None, MaximumIterations = 30 }),
            Throws.TypeOf<ConvergenceException>().With.Message.Contains("no convergence after 30 Newton steps"));
    }

    [Test]
    public void Train_BadInput_Throws()
    {
        Assert.That(() => LogisticRegression.Train(new Dataset(["a"], [[1f, 2f]], [0, 1], [1f, -1f])),
            Throws.ArgumentException.With.Message.Contains("event 1 has weight -1"));
        Assert.That(() => LogisticRegression.Train(new Dataset(["a"], [[1f, 2f]], [0, 1]), new LogisticRegressionOptions { InverseRegularization = 0 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("C) must be positive"));
        Assert.That(() => LogisticRegression.Train(new Dataset(["a"], [[1f, 2f]], [0, 0])),
            Throws.ArgumentException.With.Message.Contains("single class"));
    }
}
