using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HepMl.Io;
using HepMl.Io.Columns;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.TestData;
using HepMl.Tmva.Factory;
using HepMl.Tmva.Jobs;
using HepMl.Tmva.Reader;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Jobs;

/// <summary>YAML jobs (<c>hepml train JOB.yaml</c>): parsing, errors that name the key or option, and a small run.</summary>
public class TmvaJobTests
{
    private const string Minimal = """
        signal: s.csv
        background: b.csv
        variables: [m_bb]
        methods:
          - {type: Fisher}
        """;

    [Test]
    public void Parse_EveryKey_IsRead()
    {
        const string yaml = """
            job: Higgs
            output: out
            dataset: ds
            seed: 7
            threads: 2
            variables: [m_bb, "log(pt_bb)"]
            spectators: [met]
            signal:
              - sig.root:Events
              - {file: sig2.csv, weight: 0.5}
            background: bkg.h5:/events
            weight: w
            backgroundWeight: "w*2"
            cut: "pt_bb > 35"
            split: {SplitMode: Block, nTrain_Signal: 100, NormMode: None}
            factory: "!V:AnalysisType=Classification"
            methods:
              - type: BDT
                title: BDTG
                options: {NTrees: 50, BoostType: Grad, UseBaggedBoost: true, MaxDepth: 2}
              - {type: Fisher, options: "!H:!V:VarTransform=D"}
            significance: {figure: s_over_sqrt_b, signal: 30, background: 800, backgroundUncertainty: 0.1, search: scan}
            crossValidation: {folds: 3}
            """;

        TmvaJob job = TmvaJob.Parse(yaml, "job.yaml");

        Assert.That(job.Name, Is.EqualTo("Higgs"));
        Assert.That(job.OutputDirectory, Is.EqualTo("out"));
        Assert.That(job.Dataset, Is.EqualTo("ds"));
        Assert.That((job.Seed, job.Threads), Is.EqualTo((7, 2)));
        Assert.That(job.Variables, Is.EqualTo(new[] { "m_bb", "log(pt_bb)" }));
        Assert.That(job.Spectators, Is.EqualTo(new[] { "met" }));
        Assert.That(job.Signal, Is.EqualTo(new[] { ("sig.root:Events", 1.0), ("sig2.csv", 0.5) }));
        Assert.That(job.Background, Is.EqualTo(new[] { ("bkg.h5:/events", 1.0) }));
        Assert.That((job.SignalWeight, job.BackgroundWeight), Is.EqualTo(("w", "w*2")));
        Assert.That((job.SignalCut, job.BackgroundCut), Is.EqualTo(("pt_bb > 35", "pt_bb > 35")));
        Assert.That(job.Split, Is.EqualTo("SplitMode=Block:nTrain_Signal=100:NormMode=None"));
        Assert.That(job.FactoryOptions, Is.EqualTo("!V:AnalysisType=Classification"));
        Assert.That(job.Methods, Is.EqualTo(new[]
        {
            new TmvaJobMethod("BDT", "BDTG", "NTrees=50:BoostType=Grad:UseBaggedBoost=true:MaxDepth=2"),
            new TmvaJobMethod("Fisher", "Fisher", "!H:!V:VarTransform=D"),
        }));
        Assert.That(job.Significance, Is.EqualTo(new TmvaJobSignificance("s_over_sqrt_b", 30, 800, 0.1, Genetic: false)));
        Assert.That(job.CrossValidationFolds, Is.EqualTo(3));
    }

    [Test]
    public void Parse_InputWithClass_SplitsTheSourceByTheExpression()
    {
        TmvaJob job = TmvaJob.Parse("""
            input: both.csv
            class: "label > 0.5"
            cut: "m_bb > 0"
            variables: [m_bb]
            methods: [{type: LD}]
            """);

        Assert.That(job.ClassCuts(), Is.EqualTo(("(m_bb > 0) && (label > 0.5)", "(m_bb > 0) && (!(label > 0.5))")));
    }

    [TestCase("colour: red\n", "unknown key 'colour'", "line 6")]
    [TestCase("significance: {figure: asimov, sigma: 3}\n", "unknown key 'sigma'", "line 6")]
    [TestCase("significance: {figure: z_score}\n", "unknown figure of merit 'z_score'", "line 6")]
    [TestCase("significance: {search: annealing}\n", "unknown cut search 'annealing'", "line 6")]
    [TestCase("crossValidation: {folds: many}\n", "expected an integer >= 0 for 'folds'", "line 6")]
    [TestCase("significance: {background: -5}\n", "expected a number >= 0 for 'background'", "line 6")]
    [TestCase("crossValidation: 1\n", "at least 2 folds", "line 6")]
    [TestCase("crossValidation: {folds: 3, repeats: 2}\n", "unknown key 'repeats'", "line 6")]
    [TestCase("seed: [1, 2]\n", "expected a single value for 'seed'", "line 6")]
    [TestCase("split: {nTrain_Signal: \"1:2\"}\n", "contains ':' or '='", "line 6")]
    public void Parse_BadKeyOrValue_NamesItWithTheLine(string extra, string message, string line)
    {
        var error = Assert.Throws<HepMlFormatException>(() => TmvaJob.Parse(Minimal + "\n" + extra, "job.yaml"))!;

        Assert.That(error.Message, Does.Contain(message));
        Assert.That(error.Message, Does.Contain("job.yaml").And.Contain(line));
    }

    [Test]
    public void Parse_UnknownMethodKey_IsNamed()
    {
        var error = Assert.Throws<HepMlFormatException>(() => TmvaJob.Parse(Minimal.Replace("{type: Fisher}", "{type: Fisher, option: x}", StringComparison.Ordinal)))!;

        Assert.That(error.Message, Does.Contain("unknown key 'option' in a method").And.Contain("options"));
    }

    [TestCase("{type: BDT, options: \"NTrees=10:MaxDepht=3\"}", "MaxDepht")]
    [TestCase("{type: BDT, options: {NTrees: 10, BoostType: Fancy}}", "BoostType")]
    [TestCase("{type: MLP, options: \"VarTransform=Whiten\"}", "VarTransform")]
    public void Parse_UnknownMethodOption_IsNamedBeforeAnyDataIsRead(string method, string option)
    {
        var error = Assert.Throws<TmvaOptionException>(() => TmvaJob.Parse(Minimal.Replace("{type: Fisher}", method, StringComparison.Ordinal)))!;

        Assert.That(error.Option, Is.EqualTo(option));
    }

    [Test]
    public void Parse_UnknownSplitOption_IsNamed()
    {
        var error = Assert.Throws<TmvaOptionException>(() => TmvaJob.Parse(Minimal + "\nsplit: \"nTrain_Sgnal=10\"\n"))!;

        Assert.That(error.Option, Is.EqualTo("nTrain_Sgnal"));
    }

    [TestCase("variables: [m_bb]\nmethods: [{type: LD}]\n", "'signal' and 'background'")]
    [TestCase("signal: s.csv\nbackground: b.csv\nmethods: [{type: LD}]\n", "no variables")]
    [TestCase("signal: s.csv\nbackground: b.csv\nvariables: [x]\n", "no methods")]
    [TestCase("input: a.csv\nvariables: [x]\nmethods: [{type: LD}]\n", "'class' expression")]
    [TestCase("- a\n- b\n", "YAML mapping")]
    [TestCase("job: [unclosed\n", "expected a YAML job")]
    public void Parse_IncompleteJob_SaysWhatIsMissing(string yaml, string message)
    {
        var error = Assert.Throws<HepMlFormatException>(() => TmvaJob.Parse(yaml, "job.yaml"))!;

        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void Load_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => TmvaJob.Load(Path.Combine(SharedData.CreateScratchDirectory("job"), "nope.yaml")));
    }

    [Test]
    public void Run_CsvJob_WritesTmvaOutputsAndAFoldSummary()
    {
        string dir = SharedData.CreateScratchDirectory("job-run");
        WriteCsv(Path.Combine(dir, "signal.csv"), TmvaExampleData.Generate(true, 500, 3));
        WriteCsv(Path.Combine(dir, "background.csv"), TmvaExampleData.Generate(false, 500, 3));
        string output = Path.Combine(dir, "out");
        File.WriteAllText(Path.Combine(dir, "job.yaml"), $"""
            job: Small
            output: {output}
            signal: signal.csv
            background: background.csv
            variables: [m_bb, btag, "dR_bb*pt_bb"]
            spectators: [met]
            weight: w
            cut: "pt_bb > 35"
            split: {"{"}SplitMode: Random, nTrain_Signal: 200, nTrain_Background: 200{"}"}
            methods:
              - {"{"}type: BDT, title: BDTG, options: {"{"}NTrees: 20, MaxDepth: 2, BoostType: Grad, Shrinkage: 0.2{"}"}{"}"}
              - {"{"}type: Fisher, options: "!H:!V"{"}"}
            significance: {"{"}figure: s_over_sqrt_b, signal: 40, background: 900{"}"}
            crossValidation: 2
            """);

        TmvaJob job = TmvaJob.Load(Path.Combine(dir, "job.yaml"));
        var reports = new List<TmvaProgress>();
        TmvaJobResult result = job.Run((_, _) => (s, b) => s / Math.Sqrt(b), new Recorder(reports));

        string weights = Path.Combine(output, "dataset", "weights");
        Assert.That(File.Exists(Path.Combine(weights, "Small_BDTG.weights.xml")));
        Assert.That(File.Exists(Path.Combine(weights, "Small_Fisher.weights.xml")));
        Assert.That(result.Report.TrainingEvents, Is.EqualTo((200, 200)));
        Assert.That(result.Report.FigureOfMerit, Is.EqualTo("S/√B"));

        using (RootFile file = RootFile.Open(result.OutputFile))
        {
            foreach (string treeName in new[] { "dataset/TrainTree", "dataset/TestTree" })
            {
                TreeReader tree = file.GetTree(treeName);
                Assert.That(tree.Branches.Select(b => b.Name), Is.SupersetOf(new[] { "classID", "className", "weight", "m_bb", "btag", "met", "BDTG", "Fisher" }), treeName);

                // className (TMVA's className/C branch) names the class of classID in every entry.
                int[] classId = tree.ReadColumn("classID").Span<int>().ToArray();
                ColumnData classNames = tree.ReadColumn("className");
                Assert.That(classNames.StringCount, Is.EqualTo(classId.Length), treeName);
                Assert.That(Enumerable.Range(0, classId.Length).Select(classNames.GetString), Is.EqualTo(classId.Select(c => c == 0 ? "Signal" : "Background")), treeName);
                Assert.That(classId, Does.Contain(0).And.Contain(1), treeName);
            }

            // The TestTree's Fisher branch is what TMVA::Reader gives for the written weight file.
            TreeReader test = file.GetTree("dataset/TestTree");
            TmvaBookedMethod fisher = new TmvaReader().BookMva("Fisher", Path.Combine(weights, "Small_Fisher.weights.xml"));
            float[] m = test.ReadColumn("m_bb").Span<float>().ToArray(), btag = test.ReadColumn("btag").Span<float>().ToArray();
            float[] product = test.ReadColumn(test.Branches.Single(b => b.Name.StartsWith("dR_bb", StringComparison.Ordinal)).Name).Span<float>().ToArray();
            float[] stored = test.ReadColumn("Fisher").Span<float>().ToArray();
            for (int i = 0; i < 20; i++)
            {
                Assert.That((float)fisher.Evaluate([m[i], btag[i], product[i]]), Is.EqualTo(stored[i]), $"event {i}");
            }
        }

        JsonObject summary = JsonNode.Parse(File.ReadAllText(result.SummaryFile))!.AsObject();
        Assert.That(summary["methods"]!.AsArray().Select(x => (string)x!["title"]!), Is.EquivalentTo(new[] { "BDTG", "Fisher" }));
        Assert.That(summary["methods"]![0]!["optimisedCut"]!["figureOfMerit"]!.GetValue<double>(), Is.GreaterThan(0));
        JsonArray folds = summary["crossValidation"]!.AsArray();
        Assert.That(folds, Has.Count.EqualTo(2));
        Assert.That(folds[0]!["folds"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(result.CrossValidation!.Select(r => r.MeanRocIntegral), Has.All.InRange(0.8, 1.0));
        Assert.That(reports.Select(r => r.Fraction), Is.Ordered);
        Assert.That(reports[^1].Fraction, Is.EqualTo(1));
    }

    private static void WriteCsv(string path, IReadOnlyDictionary<string, float[]> columns)
    {
        var text = new StringBuilder(string.Join(",", columns.Keys)).Append('\n');
        int rows = columns.Values.First().Length;
        for (int i = 0; i < rows; i++)
        {
            text.AppendJoin(",", columns.Values.Select(c => c[i].ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private sealed class Recorder(List<TmvaProgress> reports) : IProgress<TmvaProgress>
    {
        public void Report(TmvaProgress value) => reports.Add(value);
    }
}
