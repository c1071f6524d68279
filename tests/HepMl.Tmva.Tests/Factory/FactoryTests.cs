using HepMl.TestData;
using HepMl.Tmva.Factory;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Factory;

public class FactoryTests
{
    private static TmvaDataLoader Loader(int events = 1500)
    {
        var loader = new TmvaDataLoader("dataset");
        foreach (string v in TmvaExampleData.Variables)
        {
            loader.AddVariable(v);
        }

        loader.AddSignalTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(true, events, 1), "signal"));
        loader.AddBackgroundTree(TmvaEventSource.FromColumns(TmvaExampleData.Generate(false, events, 1), "background"));
        loader.SetWeightExpression("w");
        loader.PrepareTrainingAndTestTree("", "SplitMode=Random:NormMode=NumEvents:!V");
        return loader;
    }

    [Test]
    public void Smoke()
    {
        string dir = SharedData.CreateScratchDirectory("factory");
        TmvaDataLoader loader = Loader();
        var factory = new TmvaFactory("Job", "!V:!Silent:AnalysisType=Classification", new TmvaFactoryOptions { OutputDirectory = dir });
        factory.BookMethod(loader, "BDT", "BDT", "!H:!V:NTrees=60:MaxDepth=3:BoostType=AdaBoost:AdaBoostBeta=0.5:nCuts=20");
        factory.BookMethod(loader, "BDT", "BDTG", "!H:!V:NTrees=60:MaxDepth=2:BoostType=Grad:Shrinkage=0.1:UseBaggedBoost:BaggedSampleFraction=0.5");
        factory.BookMethod(loader, "Fisher", "Fisher", "!H:!V:VarTransform=N");
        factory.BookMethod(loader, "LD", "LD", "!H:!V");
        factory.BookMethod(loader, "Likelihood", "Likelihood", "!H:!V:NAvEvtPerBin=50:NSmooth=2:PDFInterpol=Spline2");
        factory.BookMethod(loader, "MLP", "MLP", "!H:!V:NeuronType=tanh:HiddenLayers=N+3:NCycles=20:VarTransform=N");
        factory.BookMethod(loader, "Cuts", "Cuts", "!H:!V:FitMethod=GA:SampleSize=500:Steps=5");
        factory.TrainAllMethods();
        factory.TestAllMethods();
        TmvaTrainingReport report = factory.EvaluateAllMethods((s, b) => s / Math.Sqrt(b), "S/sqrt(B)", 50, 1000);
        factory.WriteOutputFile(Path.Combine(dir, "Job.root"));
        foreach (TmvaMethodEvaluation m in report.Methods)
        {
            TestContext.Out.WriteLine($"{m.Title}: ROC {m.RocIntegral:F3} effS@1% {m.SignalEfficiencyAtBackground[0]:F3} sep {m.Separation:F3} KS {m.KolmogorovSmirnovSignal:F3}/{m.KolmogorovSmirnovBackground:F3} cut {m.OptimisedScoreCut} {m.OptimisedRectangularCut?.FigureOfMerit}");
        }

        Assert.That(report.Methods, Has.Count.EqualTo(7));
    }
}
