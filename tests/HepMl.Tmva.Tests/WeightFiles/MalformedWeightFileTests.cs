using HepMl.Io;
using HepMl.TestData;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.WeightFiles;

/// <summary>Corrupt, truncated and unsupported weight files raise typed errors that say what and where.</summary>
public class MalformedWeightFileTests
{
    private static string Original(string name, string file) => File.ReadAllText(SharedData.Shared("data", "tmva", name, file));

    private static string Bdt => Original("bdt_fishercuts_stepobr", "TMVAClassification_BDTMitFisher.weights.xml");

    private static void Book(string xml) => TmvaReader.Create(TmvaWeightFile.Parse(xml, "broken.weights.xml"));

    [Test]
    public void Truncated_IsAFormatErrorWithTheLine()
    {
        string xml = Bdt[..(Bdt.Length / 2)];

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => TmvaWeightFile.Parse(xml, "broken.weights.xml"))!;

        Assert.That(error.Message, Does.Contain("well-formed XML"));
        Assert.That(error.ObjectPath, Does.StartWith("line "));
        Assert.That(error.FilePath, Is.EqualTo("broken.weights.xml"));
    }

    [Test]
    public void WrongRootElement_SaysWhatWasExpected()
    {
        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => TmvaWeightFile.Parse("<Model/>"))!;

        Assert.That(error.Message, Does.Contain("<MethodSetup>").And.Contain("<Model>"));
    }

    [Test]
    public void MissingWeights_NamesTheElement()
    {
        string xml = Bdt[..Bdt.IndexOf("<Weights", StringComparison.Ordinal)] + "</MethodSetup>";

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => TmvaWeightFile.Parse(xml))!;

        Assert.That(error.Message, Does.Contain("<Weights>"));
    }

    [Test]
    public void UnsupportedMethod_NamesItAndTheSupportedOnes()
    {
        string xml = Bdt.Replace("Method=\"BDT::BDTMitFisher\"", "Method=\"SVM::SVM\"", StringComparison.Ordinal);

        UnsupportedFormatException error = Assert.Throws<UnsupportedFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("'SVM'").And.Contain("BDT"));
    }

    [Test]
    public void UnknownBoostType_NamesTheValue()
    {
        string xml = Bdt.Replace(">AdaBoost</Option>", ">Fancy</Option>", StringComparison.Ordinal);

        UnsupportedFormatException error = Assert.Throws<UnsupportedFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("'Fancy'"));
    }

    [Test]
    public void NonNumericCut_NamesTheAttributeAndLine()
    {
        string xml = Bdt.Replace("Cut=\"9.2857141494750977e+00\"", "Cut=\"nine\"", StringComparison.Ordinal);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("'Cut'").And.Contain("'nine'"));
        Assert.That(error.ObjectPath, Does.Contain("Node").And.Contain("(line "));
    }

    [Test]
    public void InternalNodeWithoutChildren_IsRejected()
    {
        int at = Bdt.IndexOf("<Node pos=\"l\" depth=\"3\"", StringComparison.Ordinal);
        int end = Bdt.IndexOf("/>", at, StringComparison.Ordinal) + 2;
        string xml = Bdt[..at] + Bdt[end..];

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("two children"));
    }

    [Test]
    public void TreeCountMismatch_IsRejected()
    {
        string xml = Bdt.Replace("NTrees=\"50\"", "NTrees=\"51\"", StringComparison.Ordinal);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("51").And.Contain("50"));
    }

    [Test]
    public void VariableCountMismatch_IsRejected()
    {
        string xml = Bdt.Replace("<Variables NVar=\"4\">", "<Variables NVar=\"5\">", StringComparison.Ordinal);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => TmvaWeightFile.Parse(xml))!;

        Assert.That(error.Message, Does.Contain("NVar"));
    }

    [Test]
    public void UnknownTransformation_NamesIt()
    {
        string xml = Original("bdt_adaboost_decorr_stepobr", "TMVAClassification_BDTD.weights.xml")
            .Replace("<Transform Name=\"Decorrelation\">", "<Transform Name=\"Whiten\">", StringComparison.Ordinal);

        UnsupportedFormatException error = Assert.Throws<UnsupportedFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("'Whiten'"));
    }

    [Test]
    public void DecorrelationMatrixTooShort_IsRejected()
    {
        string xml = Original("bdt_adaboost_decorr_stepobr", "TMVAClassification_BDTD.weights.xml")
            .Replace("<Matrix Rows=\"4\" Columns=\"4\">", "<Matrix Rows=\"4\" Columns=\"4\">1 2 3", StringComparison.Ordinal);
        xml = xml[..xml.IndexOf("1 2 3", StringComparison.Ordinal)] + "1 2 3 </Matrix>" + xml[xml.IndexOf("</Matrix>", StringComparison.Ordinal)..][9..];

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("expected 16 numbers"));
    }

    [Test]
    public void Spline3Pdf_IsUnsupportedAndNamed()
    {
        string xml = Original("likelihood_danchepkwony", "TMVAClassification_Likelihood.weights.xml")
            .Replace("InterpolMethod=\"2\"", "InterpolMethod=\"3\"", StringComparison.Ordinal);

        UnsupportedFormatException error = Assert.Throws<UnsupportedFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("Spline3"));
    }

    [Test]
    public void InvalidNeuronType_NamesTheOption()
    {
        string xml = Original("mlp_tanh_ce_norm_inutard", "TMVAClassification_MLP.weights.xml")
            .Replace(">tanh</Option>", ">swish</Option>", StringComparison.Ordinal);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("NeuronType").And.Contain("'swish'"));
    }

    [Test]
    public void MlpSynapseCountMismatch_IsRejected()
    {
        string xml = Original("mlp_tanh_ce_norm_inutard", "TMVAClassification_MLP.weights.xml")
            .Replace("<Neuron NSynapses=\"12\">", "<Neuron NSynapses=\"11\">", StringComparison.Ordinal);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => Book(xml))!;

        Assert.That(error.Message, Does.Contain("NSynapses=12"));
    }

    [Test]
    public void ReaderVariables_MustMatchTheFile()
    {
        TmvaWeightFile file = TmvaWeightFile.Parse(Bdt);

        TmvaVariableMismatchException error = Assert.Throws<TmvaVariableMismatchException>(
            () => TmvaReader.Create(file, ["Pt_J", "N_tr", "D1_tr", "D3_tr"]))!;

        Assert.That(error.Missing, Is.EqualTo(new[] { "D2_tr" }));
        Assert.That(error.Unused, Is.EqualTo(new[] { "D3_tr" }));
    }

    [Test]
    public void ReaderVariables_MayComeInAnotherOrder()
    {
        TmvaWeightFile file = TmvaWeightFile.Parse(Bdt);
        TmvaBookedMethod inOrder = TmvaReader.Create(file)[file.MethodTitle];
        TmvaBookedMethod reversed = TmvaReader.Create(file, ["D2_tr", "D1_tr", "N_tr", "Pt_J"])[file.MethodTitle];

        Assert.That(reversed.Evaluate([0.01f, 0.05f, 12f, 300f]), Is.EqualTo(inOrder.Evaluate([300f, 12f, 0.05f, 0.01f])));
    }

    [Test]
    public void AddVariableAfterBooking_IsRejected()
    {
        var reader = new TmvaReader();
        foreach (string name in new[] { "Pt_J", "N_tr", "D1_tr", "D2_tr" })
        {
            reader.AddVariable(name);
        }

        reader.BookMva("bdt", TmvaWeightFile.Parse(Bdt));

        Assert.Throws<InvalidOperationException>(() => reader.AddVariable("extra"));
        Assert.Throws<ArgumentException>(() => reader.BookMva("bdt", TmvaWeightFile.Parse(Bdt)));
        Assert.That(Assert.Throws<KeyNotFoundException>(() => reader.EvaluateMva("nope", [1f, 2f, 3f, 4f]))!.Message, Does.Contain("bdt"));
    }

    [Test]
    public void ShortInput_IsAnArgumentError()
    {
        TmvaBookedMethod method = TmvaReader.Create(TmvaWeightFile.Parse(Bdt)).Methods.Values.Single();

        Assert.Throws<ArgumentException>(() => method.Evaluate([1f, 2f]));
        Assert.Throws<ArgumentException>(() => method.EvaluateBatch(new float[7], new double[2]));
    }
}
