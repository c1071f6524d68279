using System.Xml.Linq;
using HepMl.Analysis.Trees;
using HepMl.Tmva.Methods;
using HepMl.Tmva.WeightFiles;
using HepMl.Tmva.Writing;

namespace HepMl.Tmva.Import;

public sealed partial class XgboostModel
{
    /// <summary>
    /// The model as a TMVA gradient-boosted BDT weight file (<c>BoostType=Grad</c>) that <c>TMVA::Reader</c> evaluates.
    /// </summary>
    /// <remarks>
    /// <para>Cuts keep XGBoost's semantics: TMVA sends <c>x &gt;= cut</c> right, XGBoost sends <c>x &lt; cut</c> left.</para>
    /// <para>Classification (<c>binary:logistic</c>, <c>binary:logitraw</c>): TMVA's Grad response is
    /// <c>2/(1+exp(-2S))-1</c>, so leaf values are halved and the base margin becomes a first one-leaf tree: then
    /// <c>S = margin/2</c> and the TMVA score is <c>y = 2p - 1</c> with p XGBoost's probability (p = (y + 1)/2).</para>
    /// <para>Regression (<c>reg:squarederror</c>): TMVA adds <c>boostWeight[0]</c> to the sum of responses, which holds
    /// the base margin; the TMVA value equals XGBoost's prediction.</para>
    /// <para>TMVA has no default direction for missing values: its Reader answers -999 for an event with a NaN input.</para>
    /// </remarks>
    /// <param name="title">The method title (<c>BDT::title</c>).</param>
    /// <param name="variableNames">Variable expressions to write, in feature order; null for the model's feature names.</param>
    /// <exception cref="NotSupportedException">The objective has no TMVA counterpart (<c>reg:logistic</c>).</exception>
    /// <exception cref="ArgumentException">The number of names differs from the feature count.</exception>
    public XDocument ToTmvaWeightFile(string title = "BDTG", IReadOnlyList<string>? variableNames = null)
    {
        IReadOnlyList<string> names = variableNames ?? FeatureNames;
        if (names.Count != FeatureCount)
        {
            throw new ArgumentException($"{names.Count} variable names for {FeatureCount} features", nameof(variableNames));
        }

        bool regression = Objective == XgboostObjective.SquaredError;
        if (Objective == XgboostObjective.RegressionLogistic)
        {
            throw new NotSupportedException("reg:logistic has no TMVA counterpart (TMVA regressions have no output sigmoid)");
        }

        float scale = regression ? 1f : 0.5f;
        var trees = new List<TmvaTreeNode>();
        var weights = new List<float>();
        if (!regression && BaseMargin != 0)
        {
            trees.Add(TmvaTreeNode.Leaf(BaseMargin >= 0 ? 1 : -1, 0.5f, BaseMargin * scale));
            weights.Add(1f);
        }

        foreach (XgboostTree tree in _trees)
        {
            trees.Add(ToTmvaNode(tree, 0, scale));
            weights.Add(regression && weights.Count == 0 ? BaseMargin : 1f);
        }

        var variables = new TmvaVariableInfo[FeatureCount];
        for (int i = 0; i < FeatureCount; i++)
        {
            (double min, double max) = CutRange(i);
            variables[i] = TmvaHeader.Variable(i, names[i], min, max);
        }

        int depth = _trees.Max(t => t.Depth());
        var header = new TmvaHeader("BDT", title, regression ? TmvaAnalysisType.Regression : TmvaAnalysisType.Classification, variables)
        {
            Targets = regression ? [TmvaHeader.Variable(0, "target")] : [],
            Options = TmvaBdtWriter.Options(TmvaBdtBoostType.Grad, "None", _trees.Length, depth),
        };
        return TmvaWeightFileWriter.Build(header, TmvaBdtWriter.Weights(trees, weights, regressionTrees: true));
    }

    /// <summary>
    /// The model as a HepMl forest (<see cref="BoostedDecisionTrees"/>) with XGBoost's cuts and default directions:
    /// <see cref="ForestOutput.Logistic"/> for <c>binary:logistic</c>, <see cref="ForestOutput.Sum"/> for
    /// <c>reg:squarederror</c>.
    /// </summary>
    /// <exception cref="NotSupportedException">Another objective.</exception>
    public BoostedDecisionTrees ToBoostedDecisionTrees()
    {
        (LearningTask task, ForestOutput output, int classes) = Objective switch
        {
            XgboostObjective.BinaryLogistic => (LearningTask.BinaryClassification, ForestOutput.Logistic, 2),
            XgboostObjective.SquaredError => (LearningTask.Regression, ForestOutput.Sum, 0),
            _ => throw new NotSupportedException($"{Objective} has no HepMl forest counterpart; binary:logistic and reg:squarederror do"),
        };
        var trees = _trees.Select(ToDecisionTree).ToArray();
        return new BoostedDecisionTrees(FeatureNames, task, classes, output, trees, [BaseMargin]);
    }

    private static TmvaTreeNode ToTmvaNode(XgboostTree tree, int node, float scale)
    {
        if (tree.IsLeaf(node))
        {
            float value = tree.Condition[node] * scale;
            return TmvaTreeNode.Leaf(value >= 0 ? 1 : -1, 0.5f, value);
        }

        return TmvaTreeNode.Split(
            tree.Feature[node], tree.Condition[node], cutType: true,
            ToTmvaNode(tree, tree.Left[node], scale), ToTmvaNode(tree, tree.Right[node], scale));
    }

    private static DecisionTree ToDecisionTree(XgboostTree tree)
    {
        // Breadth-first renumbering: HepMl trees keep every child after its parent.
        var order = new List<int> { 0 };
        for (int i = 0; i < order.Count; i++)
        {
            if (!tree.IsLeaf(order[i]))
            {
                order.Add(tree.Left[order[i]]);
                order.Add(tree.Right[order[i]]);
            }
        }

        var position = new Dictionary<int, int>();
        for (int i = 0; i < order.Count; i++)
        {
            position[order[i]] = i;
        }

        var nodes = new DecisionTreeNode[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            int source = order[i];
            nodes[i] = tree.IsLeaf(source)
                ? new DecisionTreeNode { Response = tree.Condition[source], NodeType = tree.Condition[source] >= 0 ? NodeType.Signal : NodeType.Background }
                : new DecisionTreeNode
                {
                    Left = position[tree.Left[source]],
                    Right = position[tree.Right[source]],
                    Feature = tree.Feature[source],
                    Threshold = tree.Condition[source],
                    CutType = true,
                    MissingGoesRight = !tree.DefaultLeft[source],
                    NodeType = NodeType.Internal,
                };
        }

        return new DecisionTree(nodes);
    }

    private (double Min, double Max) CutRange(int feature)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (XgboostTree tree in _trees)
        {
            for (int n = 0; n < tree.NodeCount; n++)
            {
                if (!tree.IsLeaf(n) && tree.Feature[n] == feature)
                {
                    min = Math.Min(min, tree.Condition[n]);
                    max = Math.Max(max, tree.Condition[n]);
                }
            }
        }

        return double.IsFinite(min) ? (min, max) : (0, 0);
    }
}
