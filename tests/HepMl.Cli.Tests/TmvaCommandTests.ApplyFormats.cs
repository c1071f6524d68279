using System.Globalization;
using HepMl.Io.Csv;
using HepMl.Io.Hdf5;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.Io.Root.Writing;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Cli.Tests;

/// <summary><c>hepml tmva apply</c> on ROOT trees and HDF5 files, checked against the shared cases' reference outputs.</summary>
public partial class TmvaCommandTests
{
    [Test]
    public void Apply_RootTreeMadeByConvert_WritesATreeWithTheInputBranchesAndTheReaderResponse()
    {
        string dir = Case("bdtg_depth7_bortigno");
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-root");
        string events = Path.Combine(scratch, "events.root");
        string scored = Path.Combine(scratch, "scored.root");
        Run("convert", Path.Combine(dir, "inputs.csv"), events);

        (int code, string stdout, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(dir, "TMVAClassification_GBDT.weights.xml"), "--input", events + ":inputs", "--output", scored);

        Assert.That(code, Is.Zero, error);
        Assert.That(stdout, Does.Contain("1000 events"));
        using RootFile file = RootFile.Open(scored);
        TreeReader tree = file.GetTree("inputs");
        Assert.That(tree.Entries, Is.EqualTo(1000));
        (string[] names, float[][] inputs) = Inputs(dir);
        Assert.That(tree.AllBranches.Select(b => b.Path), Is.EqualTo(names.Append("GBDT")));
        Assert.That(ToDouble(tree.ReadColumn(names[3]).Values).Select(v => (float)v), Is.EqualTo(inputs[3]));
        var scores = (float[])tree.ReadColumn("GBDT").Values;
        AssertMatchesReference(dir, scores.Select(s => (double)s).ToArray(), relative: 1e-6);
    }

    [Test]
    public void Apply_RootTreeFriend_WritesOnlyTheResponseWithTheInputsEntries()
    {
        string dir = Case("bdtg_depth7_bortigno");
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-friend");
        string events = Path.Combine(scratch, "events.root");
        string scored = Path.Combine(scratch, "friend.root");
        Run("convert", Path.Combine(dir, "inputs.csv"), events);

        Run("tmva", "apply", Path.Combine(dir, "TMVAClassification_GBDT.weights.xml"), "--input", events + ":inputs", "--output", scored + ":scores", "--friend");

        using RootFile file = RootFile.Open(scored);
        TreeReader tree = file.GetTree("scores");
        Assert.That(tree.AllBranches.Select(b => b.Path), Is.EqualTo(new[] { "GBDT" }));
        Assert.That(tree.Entries, Is.EqualTo(1000));
        Assert.That(tree.FriendTrees, Has.Count.EqualTo(1));
        Assert.That(tree.FriendTrees[0], Is.EqualTo($"inputs ({events})"));
        AssertMatchesReference(dir, ((float[])tree.ReadColumn("GBDT").Values).Select(s => (double)s).ToArray(), relative: 1e-6);
    }

    [Test]
    public void Apply_Hdf5GroupMadeByConvert_WritesOneDatasetPerColumnAndTheResponse()
    {
        string dir = Case("fisher_apmorris");
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-hdf5");
        string events = Path.Combine(scratch, "events.h5");
        string scored = Path.Combine(scratch, "scored.h5");
        Run("convert", Path.Combine(dir, "inputs.csv"), events);

        Run("tmva", "apply", Path.Combine(dir, "TMVAClassification_Fisher.weights.xml"), "--input", events, "--output", scored, "--threads", "2");

        using Hdf5File file = Hdf5File.Open(scored);
        (string[] names, float[][] inputs) = Inputs(dir);
        Assert.That(file.Root.Links.Select(l => l.Name), Is.EquivalentTo(names.Append("Fisher")));
        Assert.That(file.Root.GetDataset(names[0]).Read<double>().Select(v => (float)v), Is.EqualTo(inputs[0]));
        AssertMatchesReference(dir, file.Root.GetDataset("Fisher").Read<double>(), relative: 1e-6);
    }

    [Test]
    public void Apply_Hdf5MatrixWithColumnNames_ReadsEachColumnAsAVariable()
    {
        string dir = Case("mlp_tanh_ce_norm_inutard");
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-matrix");
        string events = Path.Combine(scratch, "matrix.h5");
        string scored = Path.Combine(scratch, "scored.csv");
        (string[] names, float[][] inputs) = Inputs(dir);
        var matrix = new float[1000 * names.Length];
        for (int row = 0; row < 1000; row++)
        {
            for (int column = 0; column < names.Length; column++)
            {
                matrix[(row * names.Length) + column] = inputs[column][row];
            }
        }

        using (Hdf5FileWriter writer = Hdf5FileWriter.Create(events))
        {
            writer.Root.WriteDataset<float>("features", matrix, [1000, names.Length]).SetAttribute("columns", names);
        }

        Run("tmva", "apply", Path.Combine(dir, "TMVAClassification_MLP.weights.xml"), "--input", events, "--output", scored);

        string[] lines = File.ReadAllLines(scored);
        Assert.That(lines[0], Is.EqualTo(string.Join(",", names) + ",MLP"));
        AssertMatchesReference(dir, lines.Skip(1).Select(l => double.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture)).ToArray(), relative: 1e-5);
    }

    [Test]
    public void Apply_RootBranchesUnderTheExpressions_EvaluatesTheVariableExpressions()
    {
        // likelihood_danchepkwony's variables are var1+var2, var1-var2, var3, var4. Double branches var1 = (a+b)/2 and
        // var2 = (a-b)/2 (exact in double for float a, b) give back a and b through the expressions, as TTreeFormula does.
        string dir = Case("likelihood_danchepkwony");
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-expressions");
        string events = Path.Combine(scratch, "events.root");
        (string[] names, float[][] inputs) = Inputs(dir);
        Assert.That(names, Is.EqualTo(new[] { "var1+var2", "var1-var2", "var3", "var4" }));
        double[] sum = inputs[0].Select(v => (double)v).ToArray(), difference = inputs[1].Select(v => (double)v).ToArray();
        using (RootFileWriter writer = RootFileWriter.Create(events))
        {
            RootTreeWriter tree = writer.Root.CreateTree(
                "nominal", "nominal",
                [RootBranchDefinition.Scalar<double>("var1"), RootBranchDefinition.Scalar<double>("var2"),
                 RootBranchDefinition.Scalar<float>("var3"), RootBranchDefinition.Scalar<float>("var4")]);
            tree.Append(new RootTreeBlock(1000)
                .Add("var1", sum.Zip(difference, (s, d) => (s + d) / 2).ToArray())
                .Add("var2", sum.Zip(difference, (s, d) => (s - d) / 2).ToArray())
                .Add("var3", inputs[2])
                .Add("var4", inputs[3]));
        }

        string scored = Path.Combine(scratch, "scored.csv");
        Run("tmva", "apply", Path.Combine(dir, "TMVAClassification_Likelihood.weights.xml"), "--input", events + ":nominal", "--output", scored);

        string[] lines = File.ReadAllLines(scored);
        Assert.That(lines[0], Is.EqualTo("var1,var2,var3,var4,Likelihood"));
        // The reference is class.C only, which differs from the Reader by up to ~2e-4 in steep PDF tails (see
        // HepMl.Tmva.Tests' ReferenceCaseTests, which uses the same tolerance for this case).
        AssertMatchesReference(dir, lines.Skip(1).Select(l => double.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture)).ToArray(), relative: 2e-4);
    }

    [Test]
    public void Apply_RootTreeWithoutAVariable_NamesItAndTheBranches()
    {
        string dir = Case("bdtg_depth7_bortigno");
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-missing");
        string events = Path.Combine(scratch, "events.root");
        Run("convert", Path.Combine(dir, "inputs.csv"), events, "--branches", "LifeTime,FlightDistance,pt");

        (int code, _, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(dir, "TMVAClassification_GBDT.weights.xml"), "--input", events + ":inputs", "--output", Path.Combine(scratch, "out.root"));

        Assert.That(code, Is.EqualTo(HepMlCommandLine.DataErrorExitCode));
        Assert.That(error, Does.Contain("'FlightDistanceError'"));
        Assert.That(error, Does.Contain("FlightDistance"));
        Assert.That(File.Exists(Path.Combine(scratch, "out.root")), Is.False);
    }

    [TestCase("--output", "scored.txt")]
    [TestCase("--input", "events.parquet")]
    public void Apply_UnknownExtension_IsAUsageErrorNamingTheOption(string option, string file)
    {
        string dir = Case("fisher_apmorris");
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-extension");
        string input = option == "--input" ? Path.Combine(scratch, file) : Path.Combine(dir, "inputs.csv");
        string output = option == "--output" ? Path.Combine(scratch, file) : Path.Combine(scratch, "out.csv");

        (int code, _, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(dir, "TMVAClassification_Fisher.weights.xml"), "--input", input, "--output", output);

        Assert.That(code, Is.EqualTo(HepMlCommandLine.UsageErrorExitCode));
        Assert.That(error, Does.Contain(option));
        Assert.That(error, Does.Contain(Path.GetExtension(file)));
    }

    [Test]
    public void Apply_TextInAVariableColumn_IsADataErrorNamingTheColumn()
    {
        string scratch = SharedData.CreateScratchDirectory("tmva-apply-text");
        string input = Path.Combine(scratch, "text.csv");
        File.WriteAllLines(input, ["var1+var2,var1-var2,var3,var4", "1,2,3,x", "1,2,3,y"]);

        (int code, _, string error) = CliRunner.Run(
            "tmva", "apply", Path.Combine(Case("likelihood_danchepkwony"), "TMVAClassification_Likelihood.weights.xml"),
            "--input", input, "--output", Path.Combine(scratch, "out.csv"));

        Assert.That(code, Is.EqualTo(HepMlCommandLine.DataErrorExitCode));
        Assert.That(error, Does.Contain("'var4'"));
        Assert.That(error, Does.Contain("one number per event"));
    }

    private static void Run(params string[] arguments)
    {
        (int code, _, string error) = CliRunner.Run(arguments);
        Assert.That(code, Is.Zero, $"hepml {string.Join(' ', arguments)}: {error}");
    }

    /// <summary>The case's inputs as TMVA reads them (float32), by column.</summary>
    private static (string[] Names, float[][] Columns) Inputs(string dir)
    {
        CsvTable table = CsvFile.Read(Path.Combine(dir, "inputs.csv"), new CsvReadOptions { FloatsAsSingle = true });
        return (table.Columns.Select(c => c.Name).ToArray(), table.Columns.Select(c => ToDouble(c.Values).Select(v => (float)v).ToArray()).ToArray());
    }

    private static double[] ToDouble(Array values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = System.Convert.ToDouble(values.GetValue(i), CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>Compares with the case's <c>spec</c> column (the Reader-exact reference), else <c>expected</c>.</summary>
    private static void AssertMatchesReference(string dir, double[] actual, double relative)
    {
        string[] expected = File.ReadAllLines(Path.Combine(dir, "expected.csv"));
        string[] header = expected[0].Split(',');
        int column = Array.IndexOf(header, "spec") is int spec and >= 0 ? spec : Array.IndexOf(header, "expected");
        Assert.That(actual, Has.Length.EqualTo(expected.Length - 1));
        for (int row = 1; row < expected.Length; row++)
        {
            double reference = double.Parse(expected[row].Split(',')[column], CultureInfo.InvariantCulture);
            Tolerance.AssertClose(reference, actual[row - 1], relative, what: $"row {row - 1}");
        }
    }
}
