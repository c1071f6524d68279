using System.Xml.Linq;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods;

/// <summary>
/// TMVA linear discriminant (<c>MethodLD</c>), classification or (multi-target) regression. Each output is
/// accumulated in single precision as TMVA does: <c>r = f32(c0)</c>, then <c>r = f32(r + c_{i+1} x_i)</c>.
/// </summary>
public sealed class TmvaLinearDiscriminant : TmvaMethod
{
    private readonly double[][] _coefficients;

    internal TmvaLinearDiscriminant(TmvaWeightFile file)
        : base(file)
    {
        XElement weights = file.WeightsElement;
        int outputs = TmvaXml.Int(weights, "NOut");
        int count = TmvaXml.Int(weights, "NCoeff");
        if (count != file.Variables.Count + 1)
        {
            throw TmvaXml.Error(weights, $"expected NCoeff={file.Variables.Count + 1} (variables + offset); found {count}");
        }

        if (outputs < 1)
        {
            throw TmvaXml.Error(weights, $"expected NOut >= 1; found {outputs}");
        }

        _coefficients = new double[outputs][];
        var seen = new bool[outputs, count];
        for (int o = 0; o < outputs; o++)
        {
            _coefficients[o] = new double[count];
        }

        foreach (XElement c in weights.Elements("Coefficient"))
        {
            int output = TmvaXml.Int(c, "IndexOut");
            int index = TmvaXml.Int(c, "IndexCoeff");
            if ((uint)output >= (uint)outputs || (uint)index >= (uint)count)
            {
                throw TmvaXml.Error(c, $"expected IndexOut in [0, {outputs}) and IndexCoeff in [0, {count}); found {output}, {index}");
            }

            _coefficients[output][index] = TmvaXml.Double(c, "Value");
            seen[output, index] = true;
        }

        foreach (bool s in seen)
        {
            if (!s)
            {
                throw TmvaXml.Error(weights, $"expected {outputs}x{count} <Coefficient> elements; some are missing");
            }
        }

        if (file.AnalysisType == TmvaAnalysisType.Multiclass)
        {
            throw TmvaXml.Unsupported(file.Root, "LD does not support multi-class analysis");
        }
    }

    /// <summary>Number of outputs (1 for classification, one per target for regression).</summary>
    public override int OutputCount => AnalysisType == TmvaAnalysisType.Regression ? _coefficients.Length : 1;

    /// <summary>Coefficients of output <paramref name="output"/>: the offset, then one per variable.</summary>
    public IReadOnlyList<double> Coefficients(int output) => _coefficients[output];

    /// <inheritdoc />
    internal override void Evaluate(ReadOnlySpan<float> inputs, double auxiliary, Span<double> outputs)
    {
        for (int o = 0; o < OutputCount; o++)
        {
            double[] c = _coefficients[o];
            float result = (float)c[0];
            for (int i = 0; i < VariableCount; i++)
            {
                result = (float)(result + (c[i + 1] * inputs[i]));
            }

            outputs[o] = result;
        }
    }
}
