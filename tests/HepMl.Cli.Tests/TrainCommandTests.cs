using System.Globalization;
using System.Text;
using HepMl.Cli.Commands;
using HepMl.TestData;
using HepMl.Tmva.Factory;
using NUnit.Framework;

namespace HepMl.Cli.Tests;

public class TrainCommandTests
{
    [Test]
    public void Example_SmallSample_EndsWithTheSummaryAndTheOptimisedCut()
    {
        string dir = SharedData.CreateScratchDirectory("train-example");

        (int code, string stdout, string error) = CliRunner.Run("train", "--example", "--events", "400", "--output", dir);

        Assert.That(code, Is.Zero, error);
        Assert.That(stdout, Does.Contain("Evaluation on the test sample").And.Contain("Overtraining check").And.Contain("Input variables ranked"));
        foreach (string method in new[] { "BDTG", "BDT", "MLP", "Likelihood", "Fisher", "Cuts" })
        {
            Assert.That(File.Exists(Path.Combine(dir, "dataset", "weights", $"TMVAExample_{method}.weights.xml")), method);
        }

        Assert.That(stdout, Does.Contain("Optimised cuts maximising Asimov Z"));
        Assert.That(stdout, Does.Contain("Best cut"));
        Assert.That(File.Exists(Path.Combine(dir, "TMVAExample.root")));
        Assert.That(File.Exists(Path.Combine(dir, "TMVAExample_summary.json")));
    }

    [Test]
    public void Job_CsvWithCliSignificance_UsesTheOptions()
    {
        string dir = SharedData.CreateScratchDirectory("train-job");
        WriteCsv(Path.Combine(dir, "events.csv"), 300);
        File.WriteAllText(Path.Combine(dir, "job.yaml"), """
            job: Csv
            input: events.csv
            class: "label > 0.5"
            variables: [m_bb, btag]
            methods:
              - {type: LD}
            """);

        (int code, string stdout, string error) = CliRunner.Run(
            "train", Path.Combine(dir, "job.yaml"), "--output", Path.Combine(dir, "out"),
            "--figure", "s_over_sqrt_b", "--signal-yield", "20", "--background-yield", "500");

        Assert.That(code, Is.Zero, error);
        Assert.That(stdout, Does.Contain("Optimised cuts maximising S/√B for S = 20, B = 500"));
        Assert.That(File.Exists(Path.Combine(dir, "out", "dataset", "weights", "Csv_LD.weights.xml")));
    }

    [Test]
    public void Job_UnknownKey_IsADataErrorNamingIt()
    {
        string dir = SharedData.CreateScratchDirectory("train-bad");
        File.WriteAllText(Path.Combine(dir, "job.yaml"), "signal: s.csv\nbackground: b.csv\nvariables: [x]\nmethods: [{type: LD}]\nmethod: BDT\n");

        (int code, _, string error) = CliRunner.Run("train", Path.Combine(dir, "job.yaml"));

        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("unknown key 'method'").And.Contain("line 5"));
    }

    [Test]
    public void Job_UnknownMethodOption_IsAUsageErrorNamingIt()
    {
        string dir = SharedData.CreateScratchDirectory("train-bad-option");
        File.WriteAllText(Path.Combine(dir, "job.yaml"), "signal: s.csv\nbackground: b.csv\nvariables: [x]\nmethods: [{type: BDT, options: \"NTrees=5:Shrinkadge=0.1\"}]\n");

        (int code, _, string error) = CliRunner.Run("train", Path.Combine(dir, "job.yaml"));

        Assert.That(code, Is.EqualTo(HepMlCommandLine.UsageErrorExitCode));
        Assert.That(error, Does.Contain("'Shrinkadge'"));
    }

    [TestCase("--figure", "z")]
    [TestCase("--signal-yield", "-3")]
    [TestCase("--events", "10")]
    public void BadOption_IsAUsageError(string option, string value)
    {
        (int code, _, _) = CliRunner.Run("train", "--example", option, value);

        Assert.That(code, Is.EqualTo(HepMlCommandLine.UsageErrorExitCode));
    }

    [Test]
    public void Figure_Asimov_IsTheClosedForm()
    {
        // Z_A(s = 10, b = 100) = sqrt(2((s + b) ln(1 + s/b) − s)) (arXiv:1007.1727 eq. 97) = 0.98399164...;
        // with σB = 0.1 b = 10 (Cowan 2012): 0.69019606...; both computed with Python's math module.
        FigureOfMerit plain = TrainCommand.Figure("asimov", 0);
        FigureOfMerit uncertain = TrainCommand.Figure("asimov", 0.1);

        Assert.That(plain(10, 100), Is.EqualTo(0.9839916447569484).Within(1e-12));
        Assert.That(uncertain(10, 100), Is.EqualTo(0.6901960632965309).Within(1e-12));
        Assert.That(TrainCommand.Figure("s_over_sqrt_b", 0)(10, 100), Is.EqualTo(1.0));
        Assert.That(TrainCommand.Figure("s_over_sqrt_s_plus_b", 0)(10, 90), Is.EqualTo(1.0));
    }

    private static void WriteCsv(string path, int perClass)
    {
        var text = new StringBuilder("m_bb,btag,label\n");
        foreach (bool signal in new[] { true, false })
        {
            IReadOnlyDictionary<string, float[]> columns = TmvaExampleData.Generate(signal, perClass, 9);
            for (int i = 0; i < perClass; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{columns["m_bb"][i]:R},{columns["btag"][i]:R},{(signal ? 1 : 0)}\n");
            }
        }

        File.WriteAllText(path, text.ToString());
    }
}
