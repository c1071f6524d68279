using System.Xml.Linq;

namespace HepMl.Tmva.Writing;

/// <summary>Writes the <c>&lt;Weights&gt;</c> of TMVA's linear methods, Fisher and LD.</summary>
public static class TmvaLinearWriter
{
    /// <summary>Fisher (<c>MethodFisher::AddWeightsXMLTo</c>): the offset F0 then one coefficient per variable.</summary>
    /// <exception cref="ArgumentException">Fewer than two coefficients.</exception>
    public static XElement FisherWeights(IReadOnlyList<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count < 2)
        {
            throw new ArgumentException("Fisher needs an offset and at least one coefficient", nameof(coefficients));
        }

        var weights = new XElement("Weights", new XAttribute("NCoeff", coefficients.Count));
        for (int i = 0; i < coefficients.Count; i++)
        {
            weights.Add(new XElement("Coefficient", new XAttribute("Index", i), new XAttribute("Value", TmvaXmlFormat.Number(coefficients[i]))));
        }

        return weights;
    }

    /// <summary>LD (<c>MethodLD::AddWeightsXMLTo</c>): per output the offset then one coefficient per variable.</summary>
    /// <exception cref="ArgumentException">No output, or outputs of different lengths.</exception>
    public static XElement LdWeights(IReadOnlyList<IReadOnlyList<double>> coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count == 0 || coefficients.Any(c => c.Count != coefficients[0].Count || c.Count < 2))
        {
            throw new ArgumentException("LD needs at least one output, each with an offset and the same number of coefficients", nameof(coefficients));
        }

        var weights = new XElement("Weights", new XAttribute("NOut", coefficients.Count), new XAttribute("NCoeff", coefficients[0].Count));
        for (int o = 0; o < coefficients.Count; o++)
        {
            for (int i = 0; i < coefficients[o].Count; i++)
            {
                weights.Add(new XElement("Coefficient",
                    new XAttribute("IndexOut", o), new XAttribute("IndexCoeff", i), new XAttribute("Value", TmvaXmlFormat.Number(coefficients[o][i]))));
            }
        }

        return weights;
    }
}
