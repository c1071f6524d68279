using System.Text.Json;
using HepMl.Analysis.Data;
using HepMl.Analysis.Svm;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Svm;

public class SupportVectorMachineTests
{
    private static readonly JsonElement s_fixture = ClassicFixture.Load("svm.json");

    private static IEnumerable<string> Cases() => s_fixture.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    [TestCaseSource(nameof(Cases))]
    public void Train_MatchesSklearnSvc(string name)
    {
        JsonElement c = s_fixture.GetProperty("cases").EnumerateArray().First(e => e.GetProperty("name").GetString() == name);
        var data = new Dataset(["a", "b", "c"], s_fixture.GetProperty("features").Columns(), s_fixture.GetProperty("labels").Ints(),
            c.GetProperty("weighted").GetBoolean() ? s_fixture.GetProperty("weights").Floats() : null);
        var options = new SupportVectorMachineOptions
        {
            Kernel = c.GetProperty("kernel").GetString() == "rbf" ? SvmKernel.Rbf : SvmKernel.Linear,
            Cost = c.GetProperty("C").GetDouble(),
            Gamma = c.GetProperty("gamma").ValueKind == JsonValueKind.Null ? null : c.GetProperty("gamma").GetDouble(),
            Tolerance = 1e-9,
        };

        var svm = SupportVectorMachine.Train(data, options);
        float[] decision = svm.Score(new Dataset(["a", "b", "c"], s_fixture.GetProperty("queries").Columns()));

        if (options.Kernel == SvmKernel.Rbf)
        {
            Tolerance.AssertClose(c.GetProperty("gamma_used").GetDouble(), svm.Gamma, 1e-6, 0, "gamma");
        }

        Assert.That(svm.SupportVectorCount, Is.EqualTo(c.GetProperty("support_count").GetInt32()), "support vectors");
        Tolerance.AssertClose(c.GetProperty("intercept").GetDouble(), svm.Intercept, 1e-5, 1e-6, "intercept");
        ClassicFixture.AssertAllClose(c.GetProperty("decision").Doubles(), decision.Select(v => (double)v).ToArray(), 1e-5, 1e-5, "decision");
    }

    [Test]
    public void Train_BadInput_Throws()
    {
        Assert.That(() => SupportVectorMachine.Train(new Dataset(["a"], [[1f, 2f]], [1, 1])), Throws.ArgumentException.With.Message.Contains("single class"));
        Assert.That(() => SupportVectorMachine.Train(new Dataset(["a"], [[1f, 2f]], [1, 0], [1f, -2f])), Throws.ArgumentException.With.Message.Contains("non-negative weights"));
        Assert.That(() => SupportVectorMachine.Train(new Dataset(["a"], [[1f, 2f]], [1, 0]), new SupportVectorMachineOptions { Cost = -1 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Cost (C) must be positive"));
        Assert.That(() => SupportVectorMachine.Train(new Dataset(["a"], [[float.PositiveInfinity, 2f]], [1, 0])), Throws.ArgumentException.With.Message.Contains("event 0 is"));
    }
}
