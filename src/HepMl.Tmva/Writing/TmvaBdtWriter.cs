using System.Globalization;
using System.Xml.Linq;
using HepMl.Tmva.Methods;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Writing;

/// <summary>
/// Writes a BDT's <c>&lt;Weights&gt;</c> (TMVA <c>MethodBDT::AddWeightsXMLTo</c>): one <c>BinaryTree</c> per tree
/// with its boost weight, nodes with every attribute <c>DecisionTreeNode::ReadAttributes</c> reads.
/// </summary>
public static class TmvaBdtWriter
{
    /// <summary>Builds the <c>Weights</c> element.</summary>
    /// <param name="trees">The trees in evaluation order.</param>
    /// <param name="boostWeights">One boost weight per tree (Grad: 1, and for regression tree 0's weight is the offset).</param>
    /// <param name="regressionTrees">True when leaves answer with their response (Grad, regression, multi-class):
    /// written as <c>AnalysisType="1"</c>.</param>
    /// <exception cref="ArgumentException">Counts differ, or a tree is malformed.</exception>
    public static XElement Weights(IReadOnlyList<TmvaTreeNode> trees, IReadOnlyList<float> boostWeights, bool regressionTrees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(boostWeights);
        if (trees.Count != boostWeights.Count || trees.Count == 0)
        {
            throw new ArgumentException($"{trees.Count} trees and {boostWeights.Count} boost weights; both must be equal and non-zero", nameof(boostWeights));
        }

        var weights = new XElement("Weights", new XAttribute("NTrees", trees.Count), new XAttribute("AnalysisType", regressionTrees ? 1 : 0));
        for (int t = 0; t < trees.Count; t++)
        {
            weights.Add(new XElement("BinaryTree",
                new XAttribute("type", "DecisionTree"),
                new XAttribute("boostWeight", TmvaXmlFormat.Number(boostWeights[t])),
                new XAttribute("itree", t),
                Node(trees[t], "s", 0)));
        }

        return weights;
    }

    /// <summary>The options a BDT file needs: <c>BoostType</c>, <c>UseYesNoLeaf</c>, and <c>VarTransform</c>.</summary>
    public static IReadOnlyList<(string, string)> Options(TmvaBdtBoostType boostType, string varTransform = "None", int treeCount = 0, int maxDepth = 0)
    {
        var options = new List<(string, string)>
        {
            ("VarTransform", varTransform),
            ("BoostType", boostType switch
            {
                TmvaBdtBoostType.Grad => "Grad",
                TmvaBdtBoostType.Bagging => "Bagging",
                TmvaBdtBoostType.AdaBoostR2 => "AdaBoostR2",
                _ => "AdaBoost",
            }),
            ("UseYesNoLeaf", TmvaXmlFormat.OptionBool(boostType != TmvaBdtBoostType.RealAdaBoost)),
        };
        if (treeCount > 0)
        {
            options.Add(("NTrees", treeCount.ToString(CultureInfo.InvariantCulture)));
        }

        if (maxDepth > 0)
        {
            options.Add(("MaxDepth", maxDepth.ToString(CultureInfo.InvariantCulture)));
        }

        return options;
    }

    private static XElement Node(TmvaTreeNode node, string pos, int depth)
    {
        var fisher = node.FisherCoefficients;
        var element = new XElement("Node",
            new XAttribute("pos", pos),
            new XAttribute("depth", depth),
            new XAttribute("NCoef", fisher?.Count ?? 0));
        if (fisher is not null)
        {
            for (int i = 0; i < fisher.Count; i++)
            {
                element.Add(new XAttribute("fC" + i.ToString(CultureInfo.InvariantCulture), TmvaXmlFormat.Number(fisher[i])));
            }
        }

        element.Add(
            new XAttribute("IVar", node.IsLeaf ? -1 : node.Variable),
            new XAttribute("Cut", TmvaXmlFormat.Number(node.Cut)),
            new XAttribute("cType", TmvaXmlFormat.Bool(node.CutType)),
            new XAttribute("res", TmvaXmlFormat.Number(node.Response)),
            new XAttribute("rms", TmvaXmlFormat.Number(node.Rms)),
            new XAttribute("purity", TmvaXmlFormat.Number(node.Purity)),
            new XAttribute("nType", node.NodeType));
        if (!node.IsLeaf)
        {
            if (node.Left is null || node.Right is null)
            {
                throw new ArgumentException($"an internal node at depth {depth} has fewer than two children");
            }

            element.Add(Node(node.Left, "l", depth + 1), Node(node.Right, "r", depth + 1));
        }

        return element;
    }

    /// <summary>The complete weight file of a BDT already read by HepMl (for round trips).</summary>
    public static XDocument Document(TmvaBdt bdt, TmvaHeader header) =>
        TmvaWeightFileWriter.Build(header, Weights(bdt.Trees, bdt.BoostWeights, bdt.TreeAnalysisType == 1));

    /// <summary>The header of a weight file already read, reused for rewriting its method.</summary>
    public static TmvaHeader HeaderOf(TmvaWeightFile file, Analysis.Transformations.TransformationChain? transformations, IReadOnlyList<(string, string)> options) =>
        new(file.MethodType, file.MethodTitle, file.AnalysisType, file.Variables)
        {
            Spectators = file.Spectators,
            Targets = file.Targets,
            ClassNames = file.ClassNames.Count > 0 ? file.ClassNames : file.AnalysisType == TmvaAnalysisType.Regression ? ["Regression"] : ["Signal", "Background"],
            Options = options,
            Transformations = transformations is { IsIdentity: true } ? null : transformations,
        };
}
