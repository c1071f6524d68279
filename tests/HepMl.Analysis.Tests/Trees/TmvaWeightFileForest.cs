using System.Globalization;
using System.Xml.Linq;
using HepMl.Analysis.Trees;
using HepMl.TestData;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>
/// A minimal reader of the BDT part of a TMVA weight file, for testing the forest's scoring against the shared TMVA
/// test vectors (<c>../shared/data/tmva</c>, spec in <c>../shared/docs/tmva-weights.md</c> section 4). The real
/// reader belongs to HepMl.Tmva; this one only turns nested <c>&lt;Node&gt;</c> elements into pre-order nodes.
/// </summary>
internal static class TmvaWeightFileForest
{
    public static BoostedDecisionTrees Load(string caseName, string fileName)
    {
        XDocument document = XDocument.Load(SharedData.Shared("data", "tmva", caseName, fileName));
        XElement root = document.Root!;
        string boostType = Option(root, "BoostType") ?? "AdaBoost";
        bool yesNo = !string.Equals(Option(root, "UseYesNoLeaf"), "False", StringComparison.OrdinalIgnoreCase);
        string[] names = root.Element("Variables")!.Elements("Variable").Select(v => (string)v.Attribute("Expression")!).ToArray();
        var trees = new List<DecisionTree>();
        foreach (XElement tree in root.Element("Weights")!.Elements("BinaryTree"))
        {
            var nodes = new List<DecisionTreeNode>();
            AddNode(tree.Element("Node")!, nodes);
            double boostWeight = (float)double.Parse((string)tree.Attribute("boostWeight")!, CultureInfo.InvariantCulture);
            trees.Add(new DecisionTree(nodes.ToArray(), boostWeight));
        }

        ForestOutput output = boostType == "Grad" ? ForestOutput.TmvaGradient
            : yesNo ? ForestOutput.WeightedNodeTypeAverage : ForestOutput.WeightedPurityAverage;
        return new BoostedDecisionTrees(names, LearningTask.BinaryClassification, 2, output, trees);
    }

    /// <summary>Rows of <c>inputs.csv</c> (parsed as float) and the <c>spec</c> column of <c>expected.csv</c>.</summary>
    public static (float[][] Inputs, double[] Expected) Vectors(string caseName)
    {
        float[][] inputs = File.ReadLines(SharedData.Shared("data", "tmva", caseName, "inputs.csv")).Skip(1)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        string[] lines = File.ReadAllLines(SharedData.Shared("data", "tmva", caseName, "expected.csv"));
        int spec = Array.IndexOf(lines[0].Split(','), "spec");
        double[] expected = lines.Skip(1).Select(line => double.Parse(line.Split(',')[spec], CultureInfo.InvariantCulture)).ToArray();
        return (inputs, expected);
    }

    private static string? Option(XElement root, string name) =>
        root.Element("Options")?.Elements("Option").FirstOrDefault(o => (string?)o.Attribute("name") == name)?.Value;

    private static int AddNode(XElement element, List<DecisionTreeNode> nodes)
    {
        int index = nodes.Count;
        nodes.Add(default);
        XElement? left = element.Elements("Node").FirstOrDefault(n => (string?)n.Attribute("pos") == "l");
        XElement? right = element.Elements("Node").FirstOrDefault(n => (string?)n.Attribute("pos") == "r");
        int leftIndex = -1, rightIndex = -1;
        if (left is not null && right is not null)
        {
            leftIndex = AddNode(left, nodes);
            rightIndex = AddNode(right, nodes);
        }

        float purity = Float(element, "purity");
        int type = int.Parse((string)element.Attribute("nType")!, CultureInfo.InvariantCulture);
        nodes[index] = new DecisionTreeNode
        {
            Left = leftIndex,
            Right = rightIndex,
            Feature = leftIndex < 0 ? -1 : int.Parse((string)element.Attribute("IVar")!, CultureInfo.InvariantCulture),
            Threshold = leftIndex < 0 ? 0f : Float(element, "Cut"),
            CutType = (string)element.Attribute("cType")! == "1",
            Response = Float(element, "res"),
            Purity = purity,
            NodeType = leftIndex >= 0 ? NodeType.Internal : type switch { 1 => NodeType.Signal, -1 => NodeType.Background, _ => purity > 0.5f ? NodeType.Signal : NodeType.Background },
            Depth = int.Parse((string)element.Attribute("depth")!, CultureInfo.InvariantCulture),
        };
        return index;
    }

    private static float Float(XElement element, string name) =>
        (float)double.Parse((string)element.Attribute(name)!, CultureInfo.InvariantCulture);
}
