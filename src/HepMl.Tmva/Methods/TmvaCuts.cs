using System.Globalization;
using System.Xml.Linq;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods;

/// <summary>
/// TMVA rectangular cuts (<c>MethodCuts</c>): for each signal-efficiency bin a window per variable; an event passes
/// (1) when every variable lies in <c>(min, max]</c> of the window chosen by the requested signal efficiency.
/// </summary>
/// <remarks>
/// The window is chosen as <c>MethodCuts::GetMvaValue</c> does: the efficiency's 1-based bin on a fixed
/// N-bin [0, 1] axis is used as a 0-based index into the stored bins (clamped to [0, N−1]), so 0.5 with 100 bins
/// uses the cuts stored as <c>ibin=52</c>. A signal efficiency ≤ 0 always gives 0.
/// </remarks>
public sealed class TmvaCuts : TmvaMethod
{
    private readonly double[][] _minimum;
    private readonly double[][] _maximum;
    private readonly double[] _signalEfficiency;
    private readonly double[] _backgroundEfficiency;

    internal TmvaCuts(TmvaWeightFile file)
        : base(file)
    {
        if (file.AnalysisType != TmvaAnalysisType.Classification)
        {
            throw TmvaXml.Unsupported(file.Root, $"Cuts is a two-class classifier; AnalysisType {file.AnalysisType} is not supported");
        }

        XElement weights = file.WeightsElement;
        int bins = TmvaXml.Int(weights, "nbins");
        if (bins < 1)
        {
            throw TmvaXml.Error(weights, $"expected nbins >= 1; found {bins}");
        }

        int n = file.Variables.Count;
        _minimum = new double[bins][];
        _maximum = new double[bins][];
        _signalEfficiency = new double[bins];
        _backgroundEfficiency = new double[bins];
        foreach (XElement bin in weights.Elements("Bin"))
        {
            int index = TmvaXml.Int(bin, "ibin") - 1;
            if ((uint)index >= (uint)bins)
            {
                throw TmvaXml.Error(bin, $"expected ibin in [1, {bins}]; found {index + 1}");
            }

            XElement cuts = TmvaXml.Child(bin, "Cuts");
            _minimum[index] = new double[n];
            _maximum[index] = new double[n];
            _signalEfficiency[index] = TmvaXml.Double(bin, "effS");
            _backgroundEfficiency[index] = TmvaXml.Double(bin, "effB");
            for (int v = 0; v < n; v++)
            {
                string s = v.ToString(CultureInfo.InvariantCulture);
                _minimum[index][v] = TmvaXml.Double(cuts, "cutMin_" + s);
                _maximum[index][v] = TmvaXml.Double(cuts, "cutMax_" + s);
            }
        }

        for (int b = 0; b < bins; b++)
        {
            if (_minimum[b] is null)
            {
                throw TmvaXml.Error(weights, $"expected a <Bin> for every ibin 1..{bins}; ibin={b + 1} is missing");
            }
        }
    }

    /// <summary>Number of signal-efficiency bins.</summary>
    public int BinCount => _minimum.Length;

    /// <summary>The stored signal efficiency of bin <paramref name="bin"/> (0-based).</summary>
    public double SignalEfficiency(int bin) => _signalEfficiency[bin];

    /// <summary>The stored background efficiency of bin <paramref name="bin"/> (0-based).</summary>
    public double BackgroundEfficiency(int bin) => _backgroundEfficiency[bin];

    /// <summary>Lower cut of variable <paramref name="variable"/> in bin <paramref name="bin"/>.</summary>
    public double Minimum(int bin, int variable) => _minimum[bin][variable];

    /// <summary>Upper cut of variable <paramref name="variable"/> in bin <paramref name="bin"/>.</summary>
    public double Maximum(int bin, int variable) => _maximum[bin][variable];

    /// <summary>The 0-based stored bin TMVA uses for signal efficiency <paramref name="efficiency"/>.</summary>
    public int BinFor(double efficiency)
    {
        int n = BinCount;
        int bin = efficiency >= 1 ? n + 1 : efficiency < 0 ? 0 : 1 + (int)(n * efficiency);
        return Math.Clamp(bin, 0, n - 1);
    }

    /// <inheritdoc />
    internal override void Evaluate(ReadOnlySpan<float> inputs, double auxiliary, Span<double> outputs)
    {
        if (auxiliary <= 0)
        {
            outputs[0] = 0;
            return;
        }

        int bin = BinFor(auxiliary);
        double[] min = _minimum[bin], max = _maximum[bin];
        bool pass = true;
        for (int v = 0; v < min.Length && pass; v++)
        {
            double x = inputs[v];
            pass = x > min[v] && x <= max[v];
        }

        outputs[0] = pass ? 1.0 : 0.0;
    }
}
