using System.Globalization;
using System.Xml.Linq;
using HepMl.Analysis.Transformations;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Transformations;

/// <summary>
/// Transformations built from the parameters stored in real TMVA weight files (shared/data/tmva) reproduce the
/// Reader: feeding their output to the file's linear method gives the spec-derived reference (the Reader emulation).
/// The XML is read here directly, so these tests do not depend on HepMl.Tmva.
/// </summary>
public class TmvaWeightFileTransformationTests
{
    [Test]
    public void Normalisation_FromLdFile_GivesTheReaderResponse()
    {
        string dir = SharedData.Shared("data", "tmva", "ld_norm_inutard");
        XElement root = XDocument.Load(Path.Combine(dir, "TMVAClassification_LD.weights.xml")).Root!;
        XElement all = root.Descendants("Transform").Single().Elements("Class").Single(c => (string)c.Attribute("ClassIndex")! == "2");
        float[] min = all.Descendants("Range").Select(r => (float)Number(r, "Min")).ToArray();
        float[] max = all.Descendants("Range").Select(r => (float)Number(r, "Max")).ToArray();
        var normalisation = new Normalisation([min], [max]);
        double[] coefficients = root.Element("Weights")!.Elements("Coefficient").Select(c => Number(c, "Value")).ToArray();
        (float[][] inputs, double[] expected) = Read(dir);
        var y = new float[min.Length];

        for (int row = 0; row < inputs.Length; row++)
        {
            normalisation.Transform(inputs[row], y);
            float r = (float)coefficients[0];
            for (int i = 0; i < y.Length; i++)
            {
                r = (float)(r + (coefficients[i + 1] * y[i]));
            }

            Tolerance.AssertClose(expected[row], r, 1e-6, what: $"row {row}");
        }
    }

    [Test]
    public void Gaussianisation_FromFisherFile_GivesTheReaderResponse()
    {
        string dir = SharedData.Shared("data", "tmva", "fisher_gauss_bilokin");
        XElement root = XDocument.Load(Path.Combine(dir, "TMVAClassification_FisherG.weights.xml")).Root!;
        XElement transform = root.Descendants("Transform").Single();
        var perVariable = transform.Elements("Variable")
            .Select(v => v.Elements().Select(cls => Cdf(cls.Element("PDF")!)).ToArray())
            .ToArray();
        int sets = perVariable[0].Length;
        var distributions = Enumerable.Range(0, sets).Select(s => perVariable.Select(v => v[s]).ToArray()).ToArray();
        var gauss = new Gaussianisation(distributions, flat: false);
        double[] coefficients = root.Element("Weights")!.Elements("Coefficient").Select(c => Number(c, "Value")).ToArray();
        (float[][] inputs, double[] expected) = Read(dir);
        var y = new float[perVariable.Length];

        for (int row = 0; row < inputs.Length; row++)
        {
            gauss.Transform(inputs[row], y);
            double r = coefficients[0];
            for (int i = 0; i < y.Length; i++)
            {
                r += coefficients[i + 1] * y[i];
            }

            // README: Gauss transform 1e-4 (the reference here is the Reader emulation).
            Tolerance.AssertClose(expected[row], r, 1e-4, 1e-6, what: $"row {row}");
        }
    }

    /// <summary>A Gauss-transform PDF: linear spline (InterpolMethod=1), no smoothing, variable bins, not normalised.</summary>
    private static TabulatedCdf Cdf(XElement pdf)
    {
        Assert.That((string)pdf.Attribute("InterpolMethod")!, Is.EqualTo("1"));
        Assert.That((string)pdf.Attribute("MaxNSmooth")!, Is.EqualTo("0"));
        XElement histogram = pdf.Element("Histogram")!;
        int bins = int.Parse((string)histogram.Attribute("NBins")!, CultureInfo.InvariantCulture);
        float[] contents = Numbers(histogram.Value).Take(bins).Select(v => (float)v).ToArray();
        double[] edges = Numbers(pdf.Element("HistogramBinning")!.Value).Take(bins + 1).ToArray();
        return TabulatedCdf.FromHistogramLinearSpline(edges, contents);
    }

    private static (float[][] Inputs, double[] Expected) Read(string dir)
    {
        float[][] inputs = File.ReadAllLines(Path.Combine(dir, "inputs.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        string[] expected = File.ReadAllLines(Path.Combine(dir, "expected.csv"));
        int spec = Array.IndexOf(expected[0].Split(','), "spec");
        return (inputs, expected.Skip(1).Select(l => double.Parse(l.Split(',')[spec], CultureInfo.InvariantCulture)).ToArray());
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static IEnumerable<double> Numbers(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture));
}
