using System.Globalization;
using HepMl.Analysis.Trees;
using HepMl.Io;
using HepMl.TestData;
using HepMl.Tmva.Import;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using HepMl.Tmva.Writing;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Import;

/// <summary>
/// Models trained by Debian's python3-xgboost 1.7.4 (tools/refgen/xgboost_models.py) and the predictions XGBoost
/// itself made on 200 test rows with NaNs: HepMl's evaluation, the HepMl forest, and the converted TMVA file agree
/// with them to 1e-6.
/// </summary>
public class XgboostModelTests
{
    private static string Fixture(string name) => SharedData.Fixture("tmva", "xgboost", name);

    private static (float[][] Rows, Dictionary<string, float[]> Columns) Predictions(string name)
    {
        string[] lines = File.ReadAllLines(Fixture(name));
        string[] header = lines[0].Split(',');
        float[][] values = lines.Skip(1).Select(l => l.Split(',').Select(v => v == "nan" ? float.NaN : float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var columns = new Dictionary<string, float[]>();
        for (int c = 5; c < header.Length; c++)
        {
            columns[header[c]] = values.Select(r => r[c]).ToArray();
        }

        return (values.Select(r => r[..5]).ToArray(), columns);
    }

    [Test]
    public void BinaryLogistic_PredictAndMargin_MatchXgboost()
    {
        XgboostModel model = XgboostModel.Load(Fixture("binary_logistic.model.json"));
        (float[][] rows, var expected) = Predictions("binary_logistic.predictions.csv");

        Assert.That(model.Objective, Is.EqualTo(XgboostObjective.BinaryLogistic));
        Assert.That(model.FeatureNames, Is.EqualTo(new[] { "pt", "eta", "phi", "mass", "btag" }));
        Assert.That(model.Trees, Has.Count.EqualTo(30));
        Assert.That(rows.Count(r => r.Any(float.IsNaN)), Is.GreaterThan(20), "the fixture exercises missing values");
        for (int i = 0; i < rows.Length; i++)
        {
            Tolerance.AssertClose(expected["margin"][i], model.PredictMargin(rows[i]), 1e-6, 1e-6, $"margin row {i}");
            Tolerance.AssertClose(expected["predict"][i], model.Predict(rows[i]), 1e-6, 1e-7, $"prediction row {i}");
        }
    }

    [Test]
    public void Regression_Predict_MatchesXgboost()
    {
        XgboostModel model = XgboostModel.Load(Fixture("regression.model.json"));
        (float[][] rows, var expected) = Predictions("regression.predictions.csv");

        Assert.That(model.BaseMargin, Is.EqualTo(1.5f));
        for (int i = 0; i < rows.Length; i++)
        {
            Tolerance.AssertClose(expected["predict"][i], model.Predict(rows[i]), 1e-6, 1e-6, $"row {i}");
        }
    }

    [TestCase("binary_logistic", "binary:logistic", 0.5f)]
    [TestCase("regression", "reg:squarederror", 1.5f)]
    public void JsonDump_GivesTheSamePredictions(string name, string objective, float baseScore)
    {
        var settings = new XgboostDumpSettings { Objective = objective, BaseScore = baseScore, FeatureNames = ["pt", "eta", "phi", "mass", "btag"] };
        XgboostModel dump = XgboostModel.Load(Fixture(name + ".dump.json"), settings);
        (float[][] rows, var expected) = Predictions(name + ".predictions.csv");

        for (int i = 0; i < rows.Length; i++)
        {
            Tolerance.AssertClose(expected["predict"][i], dump.Predict(rows[i]), 1e-6, 1e-6, $"row {i}");
        }
    }

    [TestCase("binary_logistic")]
    [TestCase("regression")]
    public void HepMlForest_MatchesXgboost(string name)
    {
        BoostedDecisionTrees forest = XgboostModel.Load(Fixture(name + ".model.json")).ToBoostedDecisionTrees();
        (float[][] rows, var expected) = Predictions(name + ".predictions.csv");

        for (int i = 0; i < rows.Length; i++)
        {
            Tolerance.AssertClose(expected["predict"][i], forest.Score(rows[i]), 1e-6, 1e-6, $"row {i}");
        }
    }

    [Test]
    public void ConvertedTmvaFile_BinaryLogistic_GivesTwoPMinusOne()
    {
        XgboostModel model = XgboostModel.Load(Fixture("binary_logistic.model.json"));
        TmvaWeightFile file = TmvaWeightFile.Parse(TmvaWeightFileWriter.ToText(model.ToTmvaWeightFile()), "converted.weights.xml");
        TmvaBookedMethod method = TmvaReader.Create(file)[file.MethodTitle];
        (float[][] rows, var expected) = Predictions("binary_logistic.predictions.csv");

        int compared = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            double y = method.Evaluate(rows[i]);
            if (rows[i].Any(float.IsNaN))
            {
                Assert.That(y, Is.EqualTo(-999), "TMVA's Reader answers -999 for NaN inputs");
                continue;
            }

            Tolerance.AssertClose(expected["predict"][i], (y + 1) / 2, 1e-6, 1e-7, $"row {i}");
            compared++;
        }

        Assert.That(compared, Is.GreaterThan(100));
    }

    [Test]
    public void ConvertedTmvaFile_Regression_GivesThePrediction()
    {
        XgboostModel model = XgboostModel.Load(Fixture("regression.model.json"));
        TmvaWeightFile file = TmvaWeightFile.Parse(TmvaWeightFileWriter.ToText(model.ToTmvaWeightFile("BDTReg")));
        TmvaBookedMethod method = TmvaReader.Create(file)[file.MethodTitle];
        (float[][] rows, var expected) = Predictions("regression.predictions.csv");

        Assert.That(file.AnalysisType, Is.EqualTo(TmvaAnalysisType.Regression));
        foreach (int i in Enumerable.Range(0, rows.Length).Where(i => !rows[i].Any(float.IsNaN)))
        {
            Tolerance.AssertClose(expected["predict"][i], method.EvaluateRegression(rows[i])[0], 1e-6, 1e-6, $"row {i}");
        }
    }

    [Test]
    public void UnsupportedObjective_IsNamed()
    {
        string json = File.ReadAllText(Fixture("regression.model.json")).Replace("reg:squarederror", "rank:pairwise", StringComparison.Ordinal);

        Assert.That(Assert.Throws<UnsupportedFormatException>(() => XgboostModel.Parse(json))!.Message, Does.Contain("rank:pairwise"));
    }

    [Test]
    public void MalformedJson_IsAFormatError()
    {
        Assert.Throws<HepMlFormatException>(() => XgboostModel.Parse("{\"learner\": {", "broken.json"));
        Assert.Throws<HepMlFormatException>(() => XgboostModel.Parse("{\"something\": 1}", "other.json"));
    }

    [Test]
    public void ChildOutOfRange_IsAFormatError()
    {
        string json = File.ReadAllText(Fixture("binary_logistic.model.json"));
        int at = json.IndexOf("\"left_children\":[1,", StringComparison.Ordinal);
        json = json[..at] + "\"left_children\":[99," + json[(at + "\"left_children\":[1,".Length)..];

        Assert.That(Assert.Throws<HepMlFormatException>(() => XgboostModel.Parse(json))!.Message, Does.Contain("outside"));
    }
}
