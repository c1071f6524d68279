using System.Xml.Linq;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods;

/// <summary>
/// TMVA Fisher discriminant (<c>MethodFisher</c>): <c>F0 + Σ c_i x_i</c> in double over the transformed
/// single-precision inputs.
/// </summary>
public sealed class TmvaFisher : TmvaMethod
{
    private readonly double[] _coefficients;

    internal TmvaFisher(TmvaWeightFile file)
        : base(file)
    {
        XElement weights = file.WeightsElement;
        int count = TmvaXml.Int(weights, "NCoeff");
        if (count != file.Variables.Count + 1)
        {
            throw TmvaXml.Error(weights, $"expected NCoeff={file.Variables.Count + 1} (variables + offset); found {count}");
        }

        var coefficients = new double[count];
        var seen = new bool[count];
        foreach (XElement c in weights.Elements("Coefficient"))
        {
            int index = TmvaXml.Int(c, "Index");
            if ((uint)index >= (uint)count)
            {
                throw TmvaXml.Error(c, $"expected Index in [0, {count}); found {index}");
            }

            coefficients[index] = TmvaXml.Double(c, "Value");
            seen[index] = true;
        }

        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw TmvaXml.Error(weights, $"expected a <Coefficient> for every index; index {missing} is missing");
        }

        _coefficients = coefficients;
        if (file.AnalysisType != TmvaAnalysisType.Classification)
        {
            throw TmvaXml.Unsupported(file.Root, $"Fisher is a classifier; AnalysisType {file.AnalysisType} is not supported");
        }
    }

    /// <summary>The offset F0 followed by one coefficient per variable.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <inheritdoc />
    internal override void Evaluate(ReadOnlySpan<float> inputs, double auxiliary, Span<double> outputs)
    {
        double result = _coefficients[0];
        for (int i = 0; i < VariableCount; i++)
        {
            result += _coefficients[i + 1] * inputs[i];
        }

        outputs[0] = result;
    }
}
