using System.Globalization;
using System.Xml.Linq;
using HepMl.Tmva.Pdfs;

namespace HepMl.Tmva.Writing;

/// <summary>
/// Writes a Likelihood's <c>&lt;Weights&gt;</c> (<c>MethodLikelihood::AddWeightsXMLTo</c>): per variable a signal then
/// a background <c>PDFDescriptor</c>, each holding the original histogram the Reader smooths and splines.
/// </summary>
public static class TmvaLikelihoodWriter
{
    /// <summary>Builds the <c>Weights</c> element.</summary>
    /// <exception cref="ArgumentException">The two lists differ in length, or a PDF uses an interpolation that is not written.</exception>
    public static XElement Weights(IReadOnlyList<TmvaPdfDefinition> signal, IReadOnlyList<TmvaPdfDefinition> background)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(background);
        if (signal.Count != background.Count || signal.Count == 0)
        {
            throw new ArgumentException($"{signal.Count} signal and {background.Count} background PDFs; one of each per variable", nameof(background));
        }

        var weights = new XElement("Weights", new XAttribute("NVariables", signal.Count), new XAttribute("NClasses", 2));
        for (int v = 0; v < signal.Count; v++)
        {
            weights.Add(new XElement("PDFDescriptor", new XAttribute("VarIndex", v), new XAttribute("ClassIndex", 0), Pdf(signal[v], $"PDF Sig[{v}]")));
            weights.Add(new XElement("PDFDescriptor", new XAttribute("VarIndex", v), new XAttribute("ClassIndex", 1), Pdf(background[v], $"PDF Bkg[{v}]")));
        }

        return weights;
    }

    /// <summary>A <c>&lt;PDF&gt;</c> element (TMVA <c>PDF::AddXMLTo</c>).</summary>
    /// <exception cref="ArgumentException">The interpolation is not 0, 1 or 2, or the histogram is inconsistent.</exception>
    public static XElement Pdf(TmvaPdfDefinition definition, string name)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Interpolation is < 0 or > 2)
        {
            throw new ArgumentException($"PDF interpolation {definition.Interpolation} is not written (Spline0, Spline1, Spline2 are)", nameof(definition));
        }

        int bins = definition.Contents.Count;
        if (bins < 1 || definition.Edges.Count != bins + 1)
        {
            throw new ArgumentException($"{definition.Edges.Count} edges for {bins} bins; expected {bins + 1}", nameof(definition));
        }

        var pdf = new XElement("PDF",
            new XAttribute("Name", name),
            new XAttribute("MinNSmooth", definition.MinSmooth),
            new XAttribute("MaxNSmooth", definition.MaxSmooth),
            new XAttribute("InterpolMethod", definition.Interpolation),
            new XAttribute("KDE_type", 1),
            new XAttribute("KDE_iter", 1),
            new XAttribute("KDE_border", 1),
            new XAttribute("KDE_finefactor", TmvaXmlFormat.Number(1.0)));
        pdf.Add(new XElement("Histogram",
            new XAttribute("Name", definition.Name.Length > 0 ? definition.Name : name.Replace(' ', '_') + "_original"),
            new XAttribute("NBins", bins),
            new XAttribute("XMin", TmvaXmlFormat.Number(definition.Edges[0])),
            new XAttribute("XMax", TmvaXmlFormat.Number(definition.Edges[^1])),
            new XAttribute("HasEquidistantBins", TmvaXmlFormat.Bool(definition.Equidistant)),
            TmvaTransformationWriter.Numbers(definition.Contents.Select(c => (double)c))));
        if (!definition.Equidistant)
        {
            pdf.Add(new XElement("HistogramBinning",
                new XAttribute("NBins", bins.ToString(CultureInfo.InvariantCulture)),
                TmvaTransformationWriter.Numbers(definition.Edges)));
        }

        return pdf;
    }
}
