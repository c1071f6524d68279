using HepMl.Analysis.Data;
using HepMl.Analysis.LinearModels;
using HepMl.Analysis.Metrics;
using HepMl.Io.Columns;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.TestData;
using HepMl.Tmva.Factory;
using HepMl.Tmva.Methods;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Factory;

/// <summary>The TMVA-style workflow on the generated example sample (small, fast settings).</summary>
public class FactoryTests
{
    private static TmvaDataLoader Loader(int events = 1200, string split = "SplitMode=Random:NormMode=NumEvents:!V")
    {
        var loader = new TmvaDataLoader("dataset");
        foreach (string v in TmvaExampleData.Variables)
        {
            loader.AddVariable(v);
        }

        loader.AddSpectator("w");
        loader.AddSignalTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(true, events, 1), "signal"));
        loader.AddBackgroundTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(false, events, 1), "background"));
        loader.SetWeightExpression("w");
        loader.PrepareTrainingAndTestTree("", split);
        return loader;
    }

    [Test]
    public void TrainTestEvaluate_WritesFilesTheReaderReproduces()
    {
        string dir = SharedData.CreateScratchDirectory("factory");
        TmvaDataLoader loader = Loader();
        var factory = new TmvaFactory("Job", "!V:!Silent:AnalysisType=Classification", new TmvaFactoryOptions { OutputDirectory = dir, Threads = 2 });
        factory.BookMethod(loader, "BDT", "BDT", "!H:!V:NTrees=40:MaxDepth=3:BoostType=AdaBoost:AdaBoostBeta=0.5:nCuts=20:MinNodeSize=2.5%");
        factory.BookMethod(loader, "BDT", "BDTG", "!H:!V:NTrees=40:MaxDepth=2:BoostType=Grad:Shrinkage=0.1:UseBaggedBoost:BaggedSampleFraction=0.5");
        factory.BookMethod(loader, "Fisher", "Fisher", "!H:!V:VarTransform=D");
        factory.BookMethod(loader, "Likelihood", "Likelihood", "!H:!V:NAvEvtPerBin=50:NSmooth=1:NSmoothSig[0]=3:TransformOutput");
        factory.BookMethod(loader, "MLP", "MLP", "!H:!V:NeuronType=tanh:HiddenLayers=N+2:NCycles=10:VarTransform=N");
        factory.BookMethod(loader, "Cuts", "Cuts", "!H:!V:FitMethod=GA:SampleSize=300:Steps=3");

        factory.TrainAllMethods();
        factory.TestAllMethods();
        TmvaTrainingReport report = factory.EvaluateAllMethods((s, b) => s / Math.Sqrt(b), "S/sqrt(B)", 40, 900);
        string output = Path.Combine(dir, "Job.root");
        factory.WriteOutputFile(output);

        Assert.That(report.Methods.Select(m => m.Title), Is.EquivalentTo(new[] { "BDT", "BDTG", "Fisher", "Likelihood", "MLP", "Cuts" }));
        Assert.That(report.Methods.Select(m => m.RocIntegral), Is.Ordered.Descending);
        TmvaMethodEvaluation mlp = report.Methods.Single(m => m.Title == "MLP");
        Assert.That(mlp.Ranking.Select(r => r.Variable), Is.EquivalentTo(loader.Sample.Training.FeatureNames), "MLP ranks every input");
        Assert.That(mlp.Ranking.Select(r => r.Importance), Is.All.GreaterThan(0), "MLP importances");
        Assert.That(mlp.Ranking.Select(r => r.Importance), Is.Ordered.Descending, "MLP ranking order");
        Dataset test = loader.Sample.Test;
        var rows = new float[test.RowCount * test.FeatureCount];
        test.CopyRowMajor(rows);
        using RootFile file = RootFile.Open(output);
        TreeReader testTree = file.GetTree("dataset/TestTree");
        Assert.That(testTree.Entries, Is.EqualTo(test.RowCount));
        foreach (TmvaMethodEvaluation m in report.Methods)
        {
            Assert.That(File.Exists(m.WeightFile), m.WeightFile);
            Assert.That(m.WeightFile, Does.EndWith(Path.Combine("dataset", "weights", $"Job_{m.Title}.weights.xml")));
            if (m.MethodType == "Cuts")
            {
                Assert.That(m.OptimisedRectangularCut, Is.Not.Null);
                continue;
            }

            // The reported ROC integral is that of the written file's responses, evaluated by a fresh reader.
            TmvaBookedMethod reread = new TmvaReader().BookMva(m.Title, m.WeightFile);
            var scores = new double[test.RowCount];
            reread.EvaluateBatch(rows, scores);
            double auc = AreaUnderRocCurve.Compute(scores.Select(v => (float)v).ToArray(), test.Labels, test.Weights);
            Assert.That(m.RocIntegral, Is.EqualTo(auc).Within(1e-12), m.Title);
            Assert.That(m.RocIntegral, Is.GreaterThan(0.85), $"{m.Title} separates the toy's classes");
            Assert.That(m.KolmogorovSmirnovSignal, Is.InRange(0.0, 1.0));
            Assert.That(m.KolmogorovSmirnovBackground, Is.InRange(0.0, 1.0));
            Assert.That(m.Separation, Is.InRange(0.0, 1.0));
            float[] treeScores = testTree.ReadColumn(m.Title).Span<float>().ToArray();
            Assert.That(treeScores, Is.EqualTo(scores.Select(v => (float)v).ToArray()), $"TestTree branch {m.Title}");
            ScoreCut cut = m.OptimisedScoreCut!;
            Assert.That(cut.FigureOfMerit, Is.EqualTo(cut.Signal / Math.Sqrt(cut.Background)).Within(1e-9));
            AssertNoBetterThreshold(scores, test, cut, 40, 900);
        }

        Assert.That(testTree.ReadColumn("classID").Span<int>().ToArray(), Is.EqualTo(test.Labels.ToArray().Select(l => l == 1 ? 0 : 1).ToArray()));
        foreach ((string treeName, Dataset data) in new[] { ("dataset/TrainTree", loader.Sample.Training), ("dataset/TestTree", test) })
        {
            AssertClassNames(file.GetTree(treeName), data, treeName);
        }

        Assert.That(report.InputRanking[0].Variable, Is.EqualTo("m_bb"), "the resonance mass separates best");
    }

    /// <summary>
    /// TMVA's <c>className</c> branch: a C string (TLeafC, title <c>className/C</c>) right after <c>classID</c>, "Signal"
    /// for classID 0 and "Background" for classID 1 in every entry, and classID the dataset's label (signal = 1 -> 0).
    /// </summary>
    private static void AssertClassNames(TreeReader tree, Dataset data, string treeName)
    {
        Assert.That(tree.Branches.Take(2).Select(b => b.Name), Is.EqualTo(new[] { "classID", "className" }), treeName);
        TreeBranch branch = tree.GetBranch("className");
        Assert.That((branch.Title, branch.Leaves.Single().ClassName), Is.EqualTo(("className/C", "TLeafC")), treeName);
        int[] classId = tree.ReadColumn("classID").Span<int>().ToArray();
        Assert.That(classId, Is.EqualTo(data.Labels.ToArray().Select(l => l == 1 ? 0 : 1).ToArray()), treeName);
        ColumnData names = tree.ReadColumn("className");
        Assert.That(names.StringCount, Is.EqualTo(classId.Length), treeName);
        Assert.That(classId, Does.Contain(0).And.Contain(1), $"{treeName} holds both classes");
        for (int i = 0; i < classId.Length; i++)
        {
            Assert.That(names.GetString(i), Is.EqualTo(classId[i] == 0 ? "Signal" : "Background"), $"{treeName} entry {i}");
        }
    }

    [Test]
    public void Fisher_WrittenCoefficients_AreTheClassicFisher()
    {
        TmvaDataLoader loader = Loader(600);
        string dir = SharedData.CreateScratchDirectory("factory-fisher");
        var factory = new TmvaFactory("Job", options: new TmvaFactoryOptions { OutputDirectory = dir });
        factory.BookMethod(loader, "Fisher", "Fisher", "Method=Fisher");
        factory.TrainAllMethods();

        var fisher = (TmvaFisher)new TmvaReader().BookMva("F", Path.Combine(dir, "dataset", "weights", "Job_Fisher.weights.xml")).Method;
        FisherDiscriminant reference = FisherDiscriminant.Train(loader.Sample.Training);

        Assert.That(fisher.Coefficients[0], Is.EqualTo(reference.Offset).Within(1e-12 * Math.Abs(reference.Offset)));
        for (int i = 0; i < reference.Coefficients.Count; i++)
        {
            Tolerance.AssertClose(reference.Coefficients[i], fisher.Coefficients[i + 1], 1e-15, 0, $"coefficient {i}");
        }
    }

    [Test]
    public void Split_HonoursTheRequestedCountsAndNormalisation()
    {
        TmvaDataLoader loader = Loader(1000, "SplitMode=Block:nTrain_Signal=300:nTest_Signal=200:nTrain_Background=400:NormMode=EqualNumEvents");
        Dataset train = loader.Sample.Training, test = loader.Sample.Test;

        int trainSignal = train.Labels.ToArray().Count(l => l == 1), testSignal = test.Labels.ToArray().Count(l => l == 1);
        int trainBackground = train.RowCount - trainSignal, testBackground = test.RowCount - testSignal;
        Assert.That((trainSignal, testSignal, trainBackground, testBackground), Is.EqualTo((300, 200, 400, 600)));
        double signalWeight = 0, backgroundWeight = 0;
        for (int i = 0; i < train.RowCount; i++)
        {
            if (train.Labels[i] == 1)
            {
                signalWeight += train.Weights[i];
            }
            else
            {
                backgroundWeight += train.Weights[i];
            }
        }

        // EqualNumEvents: both classes' training weights sum to the number of signal training events.
        Assert.That(signalWeight, Is.EqualTo(300).Within(1e-3));
        Assert.That(backgroundWeight, Is.EqualTo(300).Within(1e-3));
    }

    [Test]
    public void Split_AskingForTooManyEvents_SaysHowManyPass()
    {
        var loader = new TmvaDataLoader();
        loader.AddVariable("m_bb");
        loader.AddSignalTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(true, 50, 1)));
        loader.AddBackgroundTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(false, 50, 1)));

        var error = Assert.Throws<InvalidOperationException>(() => loader.PrepareTrainingAndTestTree("m_bb > 100", "nTrain_Signal=45:nTest_Signal=10"))!;

        Assert.That(error.Message, Does.Contain("pass the cuts"));
    }

    [Test]
    public void UnknownOption_IsNamedWithTheNearestKnownOne()
    {
        var factory = new TmvaFactory("Job");

        var error = Assert.Throws<TmvaOptionException>(() => factory.BookMethod(Loader(100), "BDT", "BDT", "NTrees=10:MaxDepht=3"))!;

        Assert.That(error.Option, Is.EqualTo("MaxDepht"));
        Assert.That(error.Message, Does.Contain("MaxDepth"));
    }

    [TestCase("BoostType=Fancy", "BoostType")]
    [TestCase("NTrees=many", "NTrees")]
    [TestCase("UseFisherCuts", "UseFisherCuts")]
    [TestCase("VarTransform=Whiten", "VarTransform")]
    public void BadOptionValue_IsNamed(string options, string option)
    {
        var error = Assert.Throws<TmvaOptionException>(() => new TmvaFactory("Job").BookMethod(Loader(100), "BDT", "BDT", options))!;

        Assert.That(error.Option, Is.EqualTo(option));
    }

    [Test]
    public void UnsupportedMethod_ListsTheSupportedOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => new TmvaFactory("Job").BookMethod(Loader(100), "SVM", "SVM", ""))!;

        Assert.That(error.Message, Does.Contain("SVM").And.Contain("BDT"));
    }

    [Test]
    public void NonFiniteVariable_IsReportedWithTheSource()
    {
        var loader = new TmvaDataLoader();
        loader.AddVariable("log(m_bb - 100)");
        loader.AddSignalTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(true, 50, 1), "signal sample"));
        loader.AddBackgroundTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(false, 50, 1), "background sample"));

        var error = Assert.Throws<HepMl.Io.HepMlFormatException>(() => loader.PrepareTrainingAndTestTree("", ""))!;

        Assert.That(error.Message, Does.Contain("log(m_bb - 100)"));
    }

    [Test]
    public void VarTransform_ParsesTmvaSyntax()
    {
        string[] variables = ["a", "b", "c"];

        var requests = TmvaVarTransform.Parse("N,D_Signal(a,c)+G", variables, "test");

        Assert.That(requests.Select(r => r.Kind), Is.EqualTo(new[]
        {
            HepMl.Analysis.Transformations.TransformationKind.Normalise,
            HepMl.Analysis.Transformations.TransformationKind.Decorrelate,
            HepMl.Analysis.Transformations.TransformationKind.Gaussianise,
        }));
        Assert.That(requests[1].Variables, Is.EqualTo(new[] { 0, 2 }));
        Assert.That(requests[1].ReferenceClass, Is.EqualTo(1));
        Assert.That(TmvaVarTransform.Parse("None", variables, "test"), Is.Empty);
    }

    private static void AssertNoBetterThreshold(double[] scores, Dataset test, ScoreCut cut, double s0, double b0)
    {
        double totalS = 0, totalB = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (test.Labels[i] == 1)
            {
                totalS += test.Weights[i];
            }
            else
            {
                totalB += test.Weights[i];
            }
        }

        foreach (double threshold in scores.Distinct().OrderBy(v => v).Where((_, k) => k % 7 == 0))
        {
            double s = 0, b = 0;
            for (int i = 0; i < scores.Length; i++)
            {
                if (scores[i] >= threshold)
                {
                    if (test.Labels[i] == 1)
                    {
                        s += test.Weights[i];
                    }
                    else
                    {
                        b += test.Weights[i];
                    }
                }
            }

            if (b > 0)
            {
                Assert.That(s0 * s / totalS / Math.Sqrt(b0 * b / totalB), Is.LessThanOrEqualTo(cut.FigureOfMerit + 1e-9));
            }
        }
    }
}
