using System.Globalization;
using System.Text;
using System.Xml.Linq;
using HepMl.Analysis.Transformations;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Writing;

/// <summary>
/// Writes a <see cref="TransformationChain"/> as TMVA's <c>&lt;Transformations&gt;</c> (new format, each with its
/// <c>Selection</c>): Normalize, Decorrelation, PCA, Gauss/Uniform. A Gauss CDF is written as its 10000-bin table
/// (equal bins, linear spline, no smoothing), which TMVA's <c>PDF::BuildSplinePDF</c> rebuilds into the same table.
/// </summary>
internal static class TmvaTransformationWriter
{
    public static XElement Write(TmvaHeader header)
    {
        TransformationChain? chain = header.Transformations;
        var list = new XElement("Transformations", new XAttribute("NTransformations", chain?.Steps.Count ?? 0));
        if (chain is null)
        {
            return list;
        }

        int variables = header.Variables.Count, targets = header.Targets.Count;
        if (chain.Length != variables + targets)
        {
            throw new ArgumentException(
                $"the transformation chain acts on {chain.Length} values; the file has {variables} variables and {targets} targets",
                nameof(header));
        }

        foreach (TransformationStep step in chain.Steps)
        {
            // TMVA's Reader applies every transformation with its last ("all classes") parameter set; a step bound to one
            // class is written with that class's parameters as its only set, which the Reader then uses for every event.
            VariableTransformation transformation = step.ReferenceClass == VariableTransformation.AllClasses
                ? step.Transformation
                : SingleSet(step.Transformation, step.Transformation.ResolveParameterSet(step.ReferenceClass));
            var transform = new XElement("Transform");
            transform.Add(Selection(header, step.Positions));
            switch (transformation)
            {
                case Normalisation n:
                    transform.SetAttributeValue("Name", "Normalize");
                    WriteNormalize(transform, n);
                    break;
                case Decorrelation d:
                    transform.SetAttributeValue("Name", "Decorrelation");
                    for (int set = 0; set < d.ParameterSetCount; set++)
                    {
                        transform.Add(new XElement("Matrix",
                            new XAttribute("Rows", d.VariableCount), new XAttribute("Columns", d.VariableCount), Numbers(d.Matrix(set))));
                    }

                    break;
                case PrincipalComponents p:
                    transform.SetAttributeValue("Name", "PCA");
                    WritePca(transform, p);
                    break;
                case Gaussianisation g:
                    transform.SetAttributeValue("Name", "Gauss");
                    transform.SetAttributeValue("FlatOrGauss", g.IsFlat ? "Flat" : "Gauss");
                    WriteGauss(transform, g);
                    break;
                default:
                    throw new ArgumentException(
                        $"the {step.Transformation.Name} transformation has no TMVA counterpart and cannot be written to a weight file",
                        nameof(header));
            }

            list.Add(transform);
        }

        return list;
    }

    private static VariableTransformation SingleSet(VariableTransformation t, int set)
    {
        int n = t.VariableCount;
        return t switch
        {
            Normalisation x => new Normalisation(
                [Enumerable.Range(0, n).Select(j => x.Minimum(set, j)).ToArray()], [Enumerable.Range(0, n).Select(j => x.Maximum(set, j)).ToArray()]),
            Decorrelation x => new Decorrelation(n, [x.Matrix(set)]),
            PrincipalComponents x => new PrincipalComponents(n, [x.Means(set)], [x.Eigenvectors(set)]),
            Gaussianisation x => new Gaussianisation([Enumerable.Range(0, n).Select(j => x.Distribution(set, j)).ToArray()], x.IsFlat),
            _ => t,
        };
    }

    private static XElement Selection(TmvaHeader header, IReadOnlyList<int> positions)
    {
        var input = new XElement("Input", new XAttribute("NInputs", positions.Count));
        var output = new XElement("Output", new XAttribute("NOutputs", positions.Count));
        foreach (int position in positions)
        {
            (string type, TmvaVariableInfo info) = position < header.Variables.Count
                ? ("Variable", header.Variables[position])
                : ("Target", header.Targets[position - header.Variables.Count]);
            input.Add(new XElement("Input", new XAttribute("Type", type), new XAttribute("Label", info.Label), new XAttribute("Expression", info.Expression)));
            output.Add(new XElement("Output", new XAttribute("Type", type), new XAttribute("Label", info.Label), new XAttribute("Expression", info.Expression)));
        }

        return new XElement("Selection", input, output);
    }

    private static void WriteNormalize(XElement transform, Normalisation n)
    {
        for (int set = 0; set < n.ParameterSetCount; set++)
        {
            var ranges = new XElement("Ranges");
            for (int j = 0; j < n.VariableCount; j++)
            {
                ranges.Add(new XElement("Range",
                    new XAttribute("Index", j),
                    new XAttribute("Min", TmvaXmlFormat.Number(n.Minimum(set, j))),
                    new XAttribute("Max", TmvaXmlFormat.Number(n.Maximum(set, j)))));
            }

            transform.Add(new XElement("Class", new XAttribute("ClassIndex", set), ranges));
        }
    }

    private static void WritePca(XElement transform, PrincipalComponents p)
    {
        int n = p.VariableCount;
        for (int set = 0; set < p.ParameterSetCount; set++)
        {
            transform.Add(new XElement("Statistics",
                new XAttribute("Class", SetName(set, p.ParameterSetCount)), new XAttribute("ClassIndex", set), new XAttribute("NRows", n),
                Numbers(p.Means(set))));
        }

        for (int set = 0; set < p.ParameterSetCount; set++)
        {
            transform.Add(new XElement("Eigenvectors",
                new XAttribute("Class", SetName(set, p.ParameterSetCount)), new XAttribute("ClassIndex", set),
                new XAttribute("NRows", n), new XAttribute("NCols", n), Numbers(p.Eigenvectors(set))));
        }
    }

    private static void WriteGauss(XElement transform, Gaussianisation g)
    {
        for (int j = 0; j < g.VariableCount; j++)
        {
            var variable = new XElement("Variable", new XAttribute("VarIndex", j));
            for (int set = 0; set < g.ParameterSetCount; set++)
            {
                TabulatedCdf cdf = g.Distribution(set, j);
                string name = $"Cumulative_Var{j}_cls{set}_original";
                var pdf = new XElement("PDF",
                    new XAttribute("Name", $"GaussTransform var{j} cls{set}"),
                    new XAttribute("MinNSmooth", 0), new XAttribute("MaxNSmooth", 0), new XAttribute("InterpolMethod", 1),
                    new XAttribute("KDE_type", 0), new XAttribute("KDE_iter", 1), new XAttribute("KDE_border", 1),
                    new XAttribute("KDE_finefactor", TmvaXmlFormat.Number(0.0)),
                    new XElement("Histogram",
                        new XAttribute("Name", name), new XAttribute("NBins", cdf.BinCount),
                        new XAttribute("XMin", TmvaXmlFormat.Number(cdf.Minimum)), new XAttribute("XMax", TmvaXmlFormat.Number(cdf.Maximum)),
                        new XAttribute("HasEquidistantBins", 1),
                        Numbers(cdf.Values.Select(v => (double)v))));
                variable.Add(new XElement("CumulativePDF_cls" + set.ToString(CultureInfo.InvariantCulture), pdf));
            }

            transform.Add(variable);
        }
    }

    private static string SetName(int set, int sets) =>
        set == sets - 1 && sets > 1 ? "Combined" : set == 0 ? "Signal" : set == 1 ? "Background" : "Class" + set.ToString(CultureInfo.InvariantCulture);

    internal static string Numbers(IEnumerable<double> values)
    {
        var text = new StringBuilder();
        foreach (double v in values)
        {
            text.Append(TmvaXmlFormat.Number(v)).Append(' ');
        }

        return text.ToString();
    }
}
