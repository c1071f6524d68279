using System.Xml.Linq;
using HepMl.Analysis.Transformations;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Pdfs;

/// <summary>
/// A TMVA <c>PDF</c> rebuilt from its <c>&lt;PDF&gt;</c> element exactly as <c>PDF::ReadXML</c> +
/// <c>BuildSplinePDF</c> do: the stored (unsmoothed) histogram is smoothed with ROOT's <c>TH1::Smooth</c>, turned
/// into a graph of bin centres, interpolated by the requested spline onto a 10000-bin single-precision reference
/// histogram (or used as is for Spline0), and normalised when asked.
/// </summary>
/// <remarks>Supported interpolations: Spline0, Spline1, Spline2. Spline3/Spline5 (ROOT <c>TSpline3/5</c>) and KDE
/// are rejected with <see cref="HepMl.Io.UnsupportedFormatException"/>.</remarks>
internal sealed class TmvaPdf
{
    public const int ReferenceBinCount = 10000;
    public const double Epsilon = 1e-12;

    private readonly float[] _contents;

    private TmvaPdf(TmvaPdfInterpolation interpolation, RootAxis axis, float[] contents, double xmin, double xmax, TmvaPdfDefinition definition)
    {
        Definition = definition;
        Interpolation = interpolation;
        Axis = axis;
        _contents = contents;
        XMinimum = xmin;
        XMaximum = xmax;
    }

    public TmvaPdfInterpolation Interpolation { get; }

    /// <summary>What the weight file stored (for writing the PDF back unchanged).</summary>
    public TmvaPdfDefinition Definition { get; }

    /// <summary>Axis of the reference histogram (<c>fPDFHist</c>).</summary>
    public RootAxis Axis { get; }

    /// <summary>Lower edge of the original histogram (<c>PDF::GetXmin</c>).</summary>
    public double XMinimum { get; }

    /// <summary>Upper edge of the original histogram (<c>PDF::GetXmax</c>).</summary>
    public double XMaximum { get; }

    /// <summary>Reference histogram contents, bins 1..n at indices 0..n-1.</summary>
    public ReadOnlySpan<float> Contents => _contents;

    /// <summary>Content of bin <paramref name="bin"/> (0 for under- and overflow).</summary>
    public double BinContent(int bin) => bin >= 1 && bin <= _contents.Length ? _contents[bin - 1] : 0.0;

    /// <summary><c>PDF::GetVal</c>: interpolated between neighbouring bin centres (or the bin content for Spline0),
    /// floored at 1e-12.</summary>
    public double Evaluate(double x)
    {
        int bin = Math.Clamp(Axis.FindBin(x), 1, Axis.BinCount);
        if (Interpolation == TmvaPdfInterpolation.Spline0)
        {
            return Math.Max(BinContent(bin), Epsilon);
        }

        return Math.Max(Interpolate(x, bin), Epsilon);
    }

    /// <summary>Linear interpolation between the centre of <paramref name="bin"/> and its neighbour, as in
    /// <c>PDF::GetVal</c> and <c>MethodLikelihood::GetMvaValue</c>.</summary>
    public double Interpolate(double x, int bin)
    {
        int next = (x > Axis.Centre(bin) && bin != Axis.BinCount) || bin == 1 ? bin + 1 : bin - 1;
        double dx = Axis.Centre(bin) - Axis.Centre(next);
        double dy = BinContent(bin) - BinContent(next);
        return BinContent(bin) + ((x - Axis.Centre(bin)) * dy / dx);
    }

    /// <summary>This PDF's reference table as a <see cref="TabulatedCdf"/> (needs equal bins).</summary>
    public TabulatedCdf ToTabulatedCdf(XElement where)
    {
        if (!Axis.IsEquidistant || Interpolation == TmvaPdfInterpolation.Spline0)
        {
            throw TmvaXml.Unsupported(where, "a cumulative distribution stored as a Spline0 PDF on a variable binning is not supported");
        }

        return new TabulatedCdf(Axis.Minimum, Axis.Maximum, _contents);
    }

    /// <summary>Rebuilds a PDF from its <c>&lt;PDF&gt;</c> element.</summary>
    /// <param name="pdf">The element.</param>
    /// <param name="normalise">True for likelihood PDFs (unit integral), false for Gauss-transform CDFs.</param>
    public static TmvaPdf Read(XElement pdf, bool normalise)
    {
        int minSmooth = TmvaXml.Int(pdf, "MinNSmooth");
        int maxSmooth = TmvaXml.Int(pdf, "MaxNSmooth");
        int method = TmvaXml.Int(pdf, "InterpolMethod");
        _ = method switch
        {
            0 or 1 or 2 => method,
            3 => throw TmvaXml.Unsupported(pdf, "PDF interpolation Spline3 (ROOT TSpline3) is not supported; Spline0, Spline1 and Spline2 are"),
            4 => throw TmvaXml.Unsupported(pdf, "PDF interpolation Spline5 (ROOT TSpline5) is not supported; Spline0, Spline1 and Spline2 are"),
            5 => throw TmvaXml.Unsupported(pdf, "KDE PDFs (InterpolMethod=5) are not supported; Spline0, Spline1 and Spline2 are"),
            _ => throw TmvaXml.Error(pdf, $"expected InterpolMethod 0-5; found {method}"),
        };

        XElement histogram = pdf.Elements().FirstOrDefault()
            ?? throw TmvaXml.Error(pdf, "expected a <Histogram> child; the PDF is empty");
        int bins = TmvaXml.Int(histogram, "NBins");
        if (bins < 1)
        {
            throw TmvaXml.Error(histogram, $"expected NBins >= 1; found {bins}");
        }

        bool equidistant = TmvaXml.Bool(histogram, "HasEquidistantBins");
        double[] values = TmvaXml.Numbers(histogram, bins, "bin contents");
        var contents = new float[bins];
        for (int i = 0; i < bins; i++)
        {
            contents[i] = (float)values[i];
        }

        double[] allEdges;
        if (equidistant)
        {
            double xmin = TmvaXml.Double(histogram, "XMin"), xmax = TmvaXml.Double(histogram, "XMax");
            if (!(xmax > xmin))
            {
                throw TmvaXml.Error(histogram, $"expected XMax > XMin; found [{xmin}, {xmax}]");
            }

            // Only the two ends are stored; the inner edges are informational (TMVA uses fixed-width bins).
            allEdges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? xmax : xmin + (i * ((xmax - xmin) / bins))).ToArray();
        }
        else
        {
            XElement binning = histogram.ElementsAfterSelf().FirstOrDefault()
                ?? throw TmvaXml.Error(pdf, "expected a <HistogramBinning> element after the non-equidistant histogram");
            int declared = TmvaXml.Int(binning, "NBins");
            if (declared != bins)
            {
                throw TmvaXml.Error(binning, $"expected NBins={bins} like the histogram; found {declared}");
            }

            double[] edges = TmvaXml.Numbers(binning, bins + 1, "bin edges");
            for (int i = 0; i < bins; i++)
            {
                if (!(edges[i + 1] > edges[i]))
                {
                    throw TmvaXml.Error(binning, $"expected increasing bin edges; edge {i + 1} is {edges[i + 1]} after {edges[i]}");
                }
            }

            allEdges = edges;
        }

        var definition = new TmvaPdfDefinition(
            histogram.Attribute("Name")?.Value ?? "", method, minSmooth, maxSmooth, allEdges, (float[])contents.Clone(), equidistant);
        return FromDefinition(definition, normalise);
    }

    /// <summary>Builds the PDF TMVA builds from <paramref name="definition"/> (smoothing, spline, normalisation).</summary>
    public static TmvaPdf FromDefinition(TmvaPdfDefinition definition, bool normalise)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var interpolation = definition.Interpolation switch
        {
            0 => TmvaPdfInterpolation.Spline0,
            1 => TmvaPdfInterpolation.Spline1,
            2 => TmvaPdfInterpolation.Spline2,
            _ => throw new ArgumentException($"PDF interpolation {definition.Interpolation} is not supported", nameof(definition)),
        };
        int bins = definition.Contents.Count;
        RootAxis axis = definition.Equidistant
            ? RootAxis.Fixed(bins, definition.Edges[0], definition.Edges[^1])
            : RootAxis.Variable(definition.Edges.ToArray());
        float[] contents = definition.Contents.ToArray();
        if (definition.MaxSmooth > 0 && definition.MinSmooth >= 0)
        {
            RootHistogramSmoothing.SmoothPdfHistogram(contents, definition.MinSmooth, definition.MaxSmooth);
        }

        return Build(interpolation, axis, contents, normalise, definition);
    }

    private static TmvaPdf Build(TmvaPdfInterpolation interpolation, RootAxis axis, float[] smoothed, bool normalise, TmvaPdfDefinition definition)
    {
        RootAxis referenceAxis;
        float[] reference;
        if (interpolation == TmvaPdfInterpolation.Spline0)
        {
            referenceAxis = axis;
            reference = (float[])smoothed.Clone();
        }
        else
        {
            int n = axis.BinCount;
            var xs = new double[n];
            var ys = new double[n];
            for (int i = 0; i < n; i++)
            {
                xs[i] = axis.Centre(i + 1);
                ys[i] = smoothed[i];
            }

            referenceAxis = RootAxis.Fixed(ReferenceBinCount, axis.Minimum, axis.Maximum);
            reference = new float[ReferenceBinCount];
            for (int bin = 1; bin <= ReferenceBinCount; bin++)
            {
                double x = referenceAxis.Centre(bin);
                double y = interpolation == TmvaPdfInterpolation.Spline1
                    ? GraphInterpolation.Linear(xs, ys, x)
                    : QuadraticSpline(xs, ys, x);
                if (y <= Epsilon)
                {
                    int source = axis.FindBin(x);
                    y = source >= 1 && source <= n ? smoothed[source - 1] : 0.0;
                }

                reference[bin - 1] = (float)Math.Max(y, Epsilon);
            }
        }

        if (normalise)
        {
            double sum = 0;
            foreach (float value in reference)
            {
                sum += value;
            }

            double integral = sum * ((referenceAxis.Maximum - referenceAxis.Minimum) / referenceAxis.BinCount);
            if (integral > 0)
            {
                double scale = 1.0 / integral;
                for (int i = 0; i < reference.Length; i++)
                {
                    reference[i] = (float)(reference[i] * scale);
                }
            }
        }

        return new TmvaPdf(interpolation, referenceAxis, reference, axis.Minimum, axis.Maximum, definition);
    }

    /// <summary>TMVA <c>TSpline2::Eval</c>: average of the two parabolas through neighbouring points, in float.</summary>
    private static double QuadraticSpline(double[] xs, double[] ys, double x)
    {
        int n = xs.Length;
        int i = Math.Clamp(GraphInterpolation.LargestIndexNotAbove(xs, x), 0, n - 1);
        if (n < 3)
        {
            return ys[i];
        }

        if (i == 0)
        {
            return Quadrax(x, xs[0], xs[1], xs[2], ys[0], ys[1], ys[2]);
        }

        if (i >= n - 2)
        {
            i = n - 1;
            return Quadrax(x, xs[i - 2], xs[i - 1], xs[i], ys[i - 2], ys[i - 1], ys[i]);
        }

        return (Quadrax(x, xs[i - 1], xs[i], xs[i + 1], ys[i - 1], ys[i], ys[i + 1])
                + Quadrax(x, xs[i], xs[i + 1], xs[i + 2], ys[i], ys[i + 1], ys[i + 2])) * 0.5;
    }

    /// <summary>TMVA <c>TSpline2::Quadrax</c>: the parabola through three points at x, every argument and operation in float.</summary>
    private static double Quadrax(double xd, double x1d, double x2d, double x3d, double y1d, double y2d, double y3d)
    {
        float dm = (float)xd, dm1 = (float)x1d, dm2 = (float)x2d, dm3 = (float)x3d;
        float cos1 = (float)y1d, cos2 = (float)y2d, cos3 = (float)y3d;
        float a = (cos1 * (dm2 - dm3)) + (cos2 * (dm3 - dm1)) + (cos3 * (dm1 - dm2));
        float b = (cos1 * ((dm2 * dm2) - (dm3 * dm3))) + (cos2 * ((dm3 * dm3) - (dm1 * dm1))) + (cos3 * ((dm1 * dm1) - (dm2 * dm2)));
        float c = (cos1 * (dm2 - dm3) * dm2 * dm3) + (cos2 * (dm3 - dm1) * dm3 * dm1) + (cos3 * (dm1 - dm2) * dm1 * dm2);
        float denom = (dm2 - dm3) * (dm3 - dm1) * (dm1 - dm2);
        return denom != 0.0f ? ((-a * dm * dm) + (b * dm) - c) / denom : 0.0;
    }
}
