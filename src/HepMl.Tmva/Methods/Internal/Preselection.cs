using System.Globalization;
using System.Xml.Linq;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods.Internal;

/// <summary>
/// BDT preselection cuts (<c>DoPreselection</c>): per variable optional low/high cuts that classify an event as
/// background (-1) or signal (+1) before the trees (TMVA <c>MethodBDT::ApplyPreselectionCuts</c>).
/// </summary>
internal sealed class Preselection
{
    private readonly bool[] _lowBackground, _lowSignal, _highBackground, _highSignal;
    private readonly double[] _lowBackgroundValue, _lowSignalValue, _highBackgroundValue, _highSignalValue;

    private Preselection(int n)
    {
        _lowBackground = new bool[n];
        _lowSignal = new bool[n];
        _highBackground = new bool[n];
        _highSignal = new bool[n];
        _lowBackgroundValue = new double[n];
        _lowSignalValue = new double[n];
        _highBackgroundValue = new double[n];
        _highSignalValue = new double[n];
    }

    public static Preselection Read(XElement weights, int variables)
    {
        var result = new Preselection(variables);
        for (int i = 0; i < variables; i++)
        {
            string v = i.ToString(CultureInfo.InvariantCulture);
            result._lowBackground[i] = TmvaXml.Bool(weights, "PreselectionLowBkgVar" + v);
            result._lowBackgroundValue[i] = TmvaXml.Double(weights, "PreselectionLowBkgVar" + v + "Value");
            result._lowSignal[i] = TmvaXml.Bool(weights, "PreselectionLowSigVar" + v);
            result._lowSignalValue[i] = TmvaXml.Double(weights, "PreselectionLowSigVar" + v + "Value");
            result._highBackground[i] = TmvaXml.Bool(weights, "PreselectionHighBkgVar" + v);
            result._highBackgroundValue[i] = TmvaXml.Double(weights, "PreselectionHighBkgVar" + v + "Value");
            result._highSignal[i] = TmvaXml.Bool(weights, "PreselectionHighSigVar" + v);
            result._highSignalValue[i] = TmvaXml.Double(weights, "PreselectionHighSigVar" + v + "Value");
        }

        return result;
    }

    /// <summary>-1, +1, or 0 when no cut applies; the last matching cut in variable order wins.</summary>
    public double Apply(ReadOnlySpan<float> x)
    {
        double result = 0;
        for (int i = 0; i < _lowBackground.Length; i++)
        {
            if (_lowBackground[i] && x[i] < _lowBackgroundValue[i])
            {
                result = -1;
            }

            if (_lowSignal[i] && x[i] < _lowSignalValue[i])
            {
                result = 1;
            }

            if (_highBackground[i] && x[i] > _highBackgroundValue[i])
            {
                result = -1;
            }

            if (_highSignal[i] && x[i] > _highSignalValue[i])
            {
                result = 1;
            }
        }

        return result;
    }
}
