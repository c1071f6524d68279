using System.Globalization;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Cli.Tests;

public class TmvaCommandTests
{
    private static string Case(string name) => SharedData.Shared("data", "tmva", name);

    [Test]
    public void Apply_Bdt_WritesInputColumnsAndTheReaderResponse()
    {
        string dir = Case("bdtg_depth2_apmorris");
        string output = Path.Combine(SharedData.CreateScratchDirectory("tmva-apply"), "scores.csv");

        (int code, string stdout, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(dir, "TMVAClassification_BDTG.weights.xml"),
            "--input", Path.Combine(dir, "inputs.csv"), "--output", output, "--threads", "2");

        Assert.That(code, Is.Zero, error);
        Assert.That(stdout, Does.Contain("1000 events"));
        string[] lines = File.ReadAllLines(output);
        string[] inputHeader = File.ReadLines(Path.Combine(dir, "inputs.csv")).First().Split(',');
        Assert.That(lines[0], Is.EqualTo(string.Join(",", inputHeader) + ",BDTG"));
        Assert.That(lines, Has.Length.EqualTo(1001));
        string[] expected = File.ReadAllLines(Path.Combine(dir, "expected.csv"));
        int spec = Array.IndexOf(expected[0].Split(','), "spec");
        for (int row = 1; row <= 1000; row++)
        {
            double actual = double.Parse(lines[row].Split(',')[^1], CultureInfo.InvariantCulture);
            double reference = double.Parse(expected[row].Split(',')[spec], CultureInfo.InvariantCulture);
            Tolerance.AssertClose(reference, actual, 1e-6, what: $"row {row}");
        }
    }

    [Test]
    public void Apply_CutsWithSignalEfficiency_GivesTheWorkingPointDecision()
    {
        string dir = Case("cuts_mc_danchepkwony");
        string output = Path.Combine(SharedData.CreateScratchDirectory("tmva-apply"), "cuts.csv");

        (int code, _, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(dir, "TMVAClassification_Cuts.weights.xml"),
            "--input", Path.Combine(dir, "inputs.csv"), "--output", output, "--signal-efficiency", "0.5");

        Assert.That(code, Is.Zero, error);
        string[] expected = File.ReadAllLines(Path.Combine(dir, "expected.csv"));
        int column = Array.IndexOf(expected[0].Split(','), "effS=0.5");
        string[] lines = File.ReadAllLines(output);
        for (int row = 1; row <= 1000; row++)
        {
            Assert.That(lines[row].Split(',')[^1], Is.EqualTo(expected[row].Split(',')[column]), $"row {row}");
        }
    }

    [Test]
    public void Apply_CutsWithoutSignalEfficiency_IsAUsageError()
    {
        string dir = Case("cuts_mc_danchepkwony");

        (int code, _, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(dir, "TMVAClassification_Cuts.weights.xml"),
            "--input", Path.Combine(dir, "inputs.csv"), "--output", Path.Combine(Path.GetTempPath(), "never.csv"));

        Assert.That(code, Is.EqualTo(HepMlCommandLine.UsageErrorExitCode));
        Assert.That(error, Does.Contain("signal efficiency"));
    }

    [Test]
    public void Apply_InputWithoutAVariable_NamesTheMissingVariable()
    {
        string dir = SharedData.CreateScratchDirectory("tmva-apply");
        string input = Path.Combine(dir, "short.csv");
        File.WriteAllLines(input, ["var1+var2,var1-var2,var3", "1,2,3"]);

        (int code, _, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(Case("likelihood_danchepkwony"), "TMVAClassification_Likelihood.weights.xml"),
            "--input", input, "--output", Path.Combine(dir, "out.csv"));

        Assert.That(code, Is.EqualTo(HepMlCommandLine.DataErrorExitCode));
        Assert.That(error, Does.Contain("'var4'"));
    }

    [Test]
    public void Apply_MissingWeightFile_IsADataError()
    {
        (int code, _, string error) = CliRunner.Run(
            "tmva", "apply", "/nonexistent/x.weights.xml", "--input", "a.csv", "--output", "b.csv");

        Assert.That(code, Is.EqualTo(HepMlCommandLine.DataErrorExitCode));
        Assert.That(error, Does.Contain("x.weights.xml"));
    }

    [Test]
    public void Inspect_ListsVariablesAndTransformations()
    {
        (int code, string output, string error) = CliRunner.Run(
            "tmva", "inspect", Path.Combine(Case("likelihood_pca_bilokin"), "TMVAClassification_LikelihoodPCA.weights.xml"));

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("Likelihood::LikelihoodPCA"));
        Assert.That(output, Does.Contain("var1+var2"));
        Assert.That(output, Does.Contain("transformations: PCA"));
    }

    [Test]
    public void Convert_XgboostModel_WritesAFileApplyEvaluates()
    {
        string dir = SharedData.CreateScratchDirectory("tmva-convert");
        string weights = Path.Combine(dir, "xgb.weights.xml");
        string fixture = SharedData.Fixture("tmva", "xgboost");

        (int code, string output, string error) = CliRunner.Run(
            "tmva", "convert", Path.Combine(fixture, "binary_logistic.model.json"), "--output", weights, "--title", "XGB");

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("30 trees").And.Contain("p = (y + 1) / 2"));
        string[] predictions = File.ReadAllLines(Path.Combine(fixture, "binary_logistic.predictions.csv"));
        string input = Path.Combine(dir, "events.csv");
        File.WriteAllLines(input, predictions.Select(l => string.Join(",", l.Split(',').Take(5))));
        string scored = Path.Combine(dir, "scored.csv");
        (code, _, error) = CliRunner.Run("tmva", "apply", weights, "--input", input, "--output", scored);
        Assert.That(code, Is.Zero, error);
        string[] lines = File.ReadAllLines(scored);
        Assert.That(lines[0], Does.EndWith(",XGB"));
        for (int row = 1; row < lines.Length; row++)
        {
            double y = double.Parse(lines[row].Split(',')[^1], CultureInfo.InvariantCulture);
            if (lines[row].Contains("nan", StringComparison.Ordinal))
            {
                Assert.That(y, Is.EqualTo(-999));
                continue;
            }

            double p = double.Parse(predictions[row].Split(',')[5], CultureInfo.InvariantCulture);
            Tolerance.AssertClose(p, (y + 1) / 2, 1e-6, 1e-7, $"row {row}");
        }
    }

    [Test]
    public void Convert_WrongVariableCount_IsAUsageError()
    {
        (int code, _, string error) = CliRunner.Run(
            "tmva", "convert", SharedData.Fixture("tmva", "xgboost", "binary_logistic.model.json"),
            "--output", Path.Combine(Path.GetTempPath(), "never.xml"), "--variables", "a,b");

        Assert.That(code, Is.EqualTo(HepMlCommandLine.UsageErrorExitCode));
        Assert.That(error, Does.Contain("5 features"));
    }
}
