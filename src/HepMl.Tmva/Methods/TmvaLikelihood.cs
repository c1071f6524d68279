using System.Xml.Linq;
using HepMl.Tmva.Pdfs;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods;

/// <summary>
/// TMVA projective likelihood (<c>MethodLikelihood</c>): the product of per-variable signal and background PDFs,
/// <c>r = P_S / (P_S + P_B)</c>, optionally mapped through the inverse Fermi function (<c>TransformOutput</c>).
/// </summary>
/// <remarks>
/// As in TMVA the variable transformations are applied twice, with the signal and the background parameters;
/// each value is clamped to the signal PDF's range and read from the 10000-bin reference histogram by linear
/// interpolation between bin centres (bin content for Spline0 PDFs and discrete 'N' variables), floored at
/// 1e3·DBL_MIN.
/// </remarks>
public sealed class TmvaLikelihood : TmvaMethod
{
    private const double Epsilon = 1e3 * 2.2250738585072014e-308;

    private readonly TmvaPdf[] _signal;
    private readonly TmvaPdf[] _background;
    private readonly bool[] _discrete;

    internal TmvaLikelihood(TmvaWeightFile file)
        : base(file)
    {
        if (file.AnalysisType != TmvaAnalysisType.Classification)
        {
            throw TmvaXml.Unsupported(file.Root, $"Likelihood is a two-class classifier; AnalysisType {file.AnalysisType} is not supported");
        }

        TransformOutput = file.Options.GetBool("TransformOutput", false);
        XElement weights = file.WeightsElement;
        int variables = TmvaXml.Int(weights, "NVariables");
        if (variables != file.Variables.Count)
        {
            throw TmvaXml.Error(weights, $"expected NVariables={file.Variables.Count}; found {variables}");
        }

        XElement[] descriptors = weights.Elements("PDFDescriptor").ToArray();
        if (descriptors.Length != 2 * variables)
        {
            throw TmvaXml.Error(weights, $"expected {2 * variables} <PDFDescriptor> elements (signal and background per variable); found {descriptors.Length}");
        }

        _signal = new TmvaPdf[variables];
        _background = new TmvaPdf[variables];
        _discrete = new bool[variables];
        for (int i = 0; i < variables; i++)
        {
            // MethodLikelihood::ReadWeightsFromXML reads the descriptors in order: signal, then background, per variable.
            _signal[i] = TmvaPdf.Read(PdfOf(descriptors[2 * i]), normalise: true);
            _background[i] = TmvaPdf.Read(PdfOf(descriptors[(2 * i) + 1]), normalise: true);
            _discrete[i] = file.Variables[i].Type == 'N';
        }
    }

    /// <summary>The signal PDFs as stored in the file, one per variable.</summary>
    public IReadOnlyList<TmvaPdfDefinition> SignalPdfs => _signal.Select(p => p.Definition).ToArray();

    /// <summary>The background PDFs as stored in the file, one per variable.</summary>
    public IReadOnlyList<TmvaPdfDefinition> BackgroundPdfs => _background.Select(p => p.Definition).ToArray();

    /// <summary>Number of variables.</summary>
    internal int PdfCount => _signal.Length;

    /// <summary>The signal PDF of variable <paramref name="variable"/>.</summary>
    internal TmvaPdf SignalPdf(int variable) => _signal[variable];

    /// <summary>The background PDF of variable <paramref name="variable"/>.</summary>
    internal TmvaPdf BackgroundPdf(int variable) => _background[variable];

    /// <summary>True when the ratio is mapped through <c>-ln(1/r - 1)/15</c>.</summary>
    public bool TransformOutput { get; }

    /// <inheritdoc />
    internal override bool UsesClassSpecificInputs => true;

    /// <inheritdoc />
    internal override void Evaluate(ReadOnlySpan<float> inputs, double auxiliary, Span<double> outputs) =>
        Evaluate(inputs, inputs, outputs);

    /// <inheritdoc />
    internal override void Evaluate(ReadOnlySpan<float> signalInputs, ReadOnlySpan<float> backgroundInputs, Span<double> outputs)
    {
        double ps = 1, pb = 1;
        for (int i = 0; i < _signal.Length; i++)
        {
            TmvaPdf reference = _signal[i];
            bool histogram = reference.Interpolation == TmvaPdfInterpolation.Spline0 || _discrete[i];
            ps *= Probability(signalInputs[i], _signal[i], reference, histogram);
            pb *= Probability(backgroundInputs[i], _background[i], reference, histogram);
        }

        outputs[0] = Ratio(ps, pb);
    }

    private static double Probability(double x, TmvaPdf pdf, TmvaPdf reference, bool histogram)
    {
        if (x >= reference.XMaximum)
        {
            x = reference.XMaximum - 1.0e-10;
        }
        else if (x < reference.XMinimum)
        {
            x = reference.XMinimum;
        }

        int bin = pdf.Axis.FindBin(x);
        double p = histogram ? pdf.BinContent(bin) : pdf.Interpolate(x, bin);
        return Math.Max(p, Epsilon);
    }

    private double Ratio(double ps, double pb)
    {
        ps = Math.Max(ps, Epsilon);
        pb = Math.Max(pb, Epsilon);
        double r = ps / (ps + pb);
        if (r >= 1.0)
        {
            r = 1.0 - 1.0e-15;
        }

        if (TransformOutput)
        {
            if (r <= 0.0)
            {
                r = Epsilon;
            }
            else if (r >= 1.0)
            {
                r = 1.0 - 1.0e-15;
            }

            r = -Math.Log((1.0 / r) - 1.0) / 15.0;
        }

        return r;
    }

    private static XElement PdfOf(XElement descriptor) =>
        descriptor.Element("PDF") ?? throw TmvaXml.Error(descriptor, "expected a <PDF> child; none was found");
}
