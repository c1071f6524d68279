using System.Globalization;
using System.Xml.Linq;
using HepMl.Analysis.Data;
using HepMl.Tmva.Pdfs;
using HepMl.Tmva.Writing;

namespace HepMl.Tmva.Factory.Trainers;

/// <summary>
/// TMVA's projective likelihood (<c>MethodLikelihood</c>): per variable and class a weighted single-precision
/// histogram on the variable's training range with about <c>NAvEvtPerBin</c> events per bin (or <c>Nbins</c>),
/// smoothed <c>NSmooth</c> times and interpolated by <c>PDFInterpol</c> (Spline0, Spline1, Spline2) when read back.
/// </summary>
internal sealed class LikelihoodTrainer : MethodTrainer
{
    private readonly Dictionary<string, int> _smoothing = new(StringComparer.OrdinalIgnoreCase);
    private int _smooth;
    private int _eventsPerBin = 50;
    private int _bins;
    private int _interpolation = 2;
    private bool _transformOutput;

    public LikelihoodTrainer(IReadOnlyList<KeyValuePair<string, string>> options, string context)
    {
        var binder = new OptionBinder(context);
        binder
            .Int("NSmooth", v => _smooth = v, 0)
            .Int("NAvEvtPerBin", v => _eventsPerBin = v, 1)
            .Int("Nbins", v => _bins = v, 0)
            .Choice("PDFInterpol", v => _interpolation = v switch { "Spline0" => 0, "Spline1" => 1, _ => 2 }, "Spline0", "Spline1", "Spline2")
            .Bool("TransformOutput", v => _transformOutput = v)
            .Ignored("IgnoreNegWeightsInTraining", "KDEtype", "KDEiter", "KDEFineFactor", "KDEborder", "CheckHist");
        foreach (string prefix in new[] { "NSmoothSig", "NSmoothBkg", "NAvEvtPerBin", "PDFInterpol" })
        {
            binder.On(prefix, _ => { });
        }

        // Per-variable settings: NSmoothSig[0]=20, NSmoothBkg[1]=10 (the binder strips the index, so handle them here).
        var rest = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, string> option in options)
        {
            if (option.Key.StartsWith("NSmoothSig[", StringComparison.OrdinalIgnoreCase) || option.Key.StartsWith("NSmoothBkg[", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(option.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                {
                    throw new TmvaOptionException(context, option.Key, $"expects a non-negative integer; got '{option.Value}'");
                }

                _smoothing[option.Key.Replace(" ", "", StringComparison.Ordinal)] = n;
            }
            else if (option.Key.Contains('[', StringComparison.Ordinal))
            {
                throw new TmvaOptionException(context, option.Key, "per-variable settings are supported for NSmoothSig[i] and NSmoothBkg[i] only");
            }
            else
            {
                rest.Add(option);
            }
        }

        binder.Apply(rest);
    }

    public override string MethodType => "Likelihood";

    public override IReadOnlyList<(string Name, string Value)> WrittenOptions => [("TransformOutput", TmvaXmlFormat.OptionBool(_transformOutput))];

    public override XElement Train(Dataset training, int seed, IProgress<string>? progress)
    {
        ReadOnlySpan<int> labels = training.Labels;
        ReadOnlySpan<float> weights = training.Weights;
        int signalCount = 0;
        foreach (int label in labels)
        {
            signalCount += label;
        }

        int backgroundCount = labels.Length - signalCount;
        int bins = _bins > 0 ? _bins : Math.Max(2, Math.Min(signalCount, backgroundCount) / _eventsPerBin);
        var signal = new List<TmvaPdfDefinition>();
        var background = new List<TmvaPdfDefinition>();
        var ranking = new List<(string, double)>();
        for (int v = 0; v < training.FeatureCount; v++)
        {
            ReadOnlySpan<float> x = training.Column(v);
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            foreach (float value in x)
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }

            if (!(max > min))
            {
                throw new ArgumentException($"Likelihood: variable '{training.FeatureNames[v]}' is constant in the training sample");
            }

            var edges = new double[bins + 1];
            for (int b = 0; b <= bins; b++)
            {
                edges[b] = b == bins ? max : min + (b * (((double)max - min) / bins));
            }

            var hs = new float[bins];
            var hb = new float[bins];
            for (int i = 0; i < x.Length; i++)
            {
                // ROOT TH1::Fill: x at the upper edge goes to the overflow and is not counted.
                int bin = (int)(bins * (x[i] - (double)min) / ((double)max - min));
                if (bin < 0 || bin >= bins)
                {
                    continue;
                }

                if (labels[i] == 1)
                {
                    hs[bin] += weights[i];
                }
                else
                {
                    hb[bin] += weights[i];
                }
            }

            int smoothS = _smoothing.GetValueOrDefault($"NSmoothSig[{v}]", _smooth);
            int smoothB = _smoothing.GetValueOrDefault($"NSmoothBkg[{v}]", _smooth);
            string name = training.FeatureNames[v];
            signal.Add(new TmvaPdfDefinition($"{name}_sig_original", _interpolation, smoothS, smoothS, edges, hs, true));
            background.Add(new TmvaPdfDefinition($"{name}_bgd_original", _interpolation, smoothB, smoothB, edges, hb, true));
            ranking.Add((name, HistogramSeparation(hs, hb)));
        }

        Ranking = ranking;
        return TmvaLikelihoodWriter.Weights(signal, background);
    }

    /// <summary>TMVA's separation ⟨S²⟩ = ½ Σ (s - b)² / (s + b) of the normalised histograms.</summary>
    private static double HistogramSeparation(float[] s, float[] b)
    {
        double ss = s.Sum(v => (double)v), sb = b.Sum(v => (double)v), separation = 0;
        for (int i = 0; i < s.Length; i++)
        {
            double ps = s[i] / ss, pb = b[i] / sb;
            if (ps + pb > 0)
            {
                separation += (ps - pb) * (ps - pb) / (ps + pb);
            }
        }

        return 0.5 * separation;
    }
}
