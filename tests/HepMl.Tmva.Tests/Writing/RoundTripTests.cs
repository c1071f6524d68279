using System.Xml.Linq;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using HepMl.Tmva.Writing;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Writing;

/// <summary>Every writable developer case: read → write → read → evaluate gives the same bits; the written file is
/// structurally what TMVA::Reader reads.</summary>
public class RoundTripTests
{
    private static IEnumerable<string> WritableCases() =>
        ReferenceCase.Names("data", "tmva").Where(n => !n.StartsWith("cuts", StringComparison.Ordinal));

    [TestCaseSource(nameof(WritableCases))]
    public void WriteReadEvaluate_IsIdentical(string name)
    {
        ReferenceCase reference = ReferenceCase.Load("data", "tmva", name);
        TmvaWeightFile original = TmvaWeightFile.Load(reference.WeightFile);
        TmvaBookedMethod first = TmvaReader.Create(original, reference.Header)[original.MethodTitle];

        XDocument written = TmvaMethodWriter.Write(first);
        WeightFileStructure.AssertValid(written);
        TmvaWeightFile reread = TmvaWeightFile.Parse(TmvaWeightFileWriter.ToText(written), name + ".rewritten.xml");
        TmvaBookedMethod second = TmvaReader.Create(reread, reference.Header)[reread.MethodTitle];

        Assert.That(reread.MethodType, Is.EqualTo(original.MethodType));
        Assert.That(reread.Variables.Select(v => v.Expression), Is.EqualTo(original.Variables.Select(v => v.Expression)));
        Assert.That(reread.TransformationNames, Is.EqualTo(original.TransformationNames));
        for (int row = 0; row < reference.Inputs.Length; row++)
        {
            Assert.That(second.Evaluate(reference.Inputs[row]), Is.EqualTo(first.Evaluate(reference.Inputs[row])), $"row {row}");
        }
    }

    [Test]
    public void Save_WritesAFileTheReaderLoads()
    {
        ReferenceCase reference = ReferenceCase.Load("data", "tmva", "bdtg_depth2_apmorris");
        TmvaWeightFile original = TmvaWeightFile.Load(reference.WeightFile);
        TmvaBookedMethod first = TmvaReader.Create(original)[original.MethodTitle];
        string path = Path.Combine(HepMl.TestData.SharedData.CreateScratchDirectory("tmva-write"), "dataset", "weights", "Job_BDTG.weights.xml");

        TmvaWeightFileWriter.Save(TmvaMethodWriter.Write(first), path);
        TmvaBookedMethod second = new TmvaReader().BookMva("BDTG", path);

        Assert.That(second.Evaluate(reference.Inputs[0]), Is.EqualTo(first.Evaluate(reference.Inputs[0])));
    }
}
