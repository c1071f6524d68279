using System.Globalization;
using System.Xml.Linq;
using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using TreeBoostType = HepMl.Analysis.Trees.TmvaBoostType;
using HepMl.Tmva.Methods;
using HepMl.Tmva.Writing;

namespace HepMl.Tmva.Factory.Trainers;

/// <summary>BDT booked with TMVA's option names, trained by <see cref="TmvaBdtTrainer"/>.</summary>
internal sealed class BdtTrainer : MethodTrainer
{
    private readonly TmvaBdtOptions _options = new();
    private readonly List<(string, string)> _written = [];
    private bool _seedGiven;

    public BdtTrainer(IReadOnlyList<KeyValuePair<string, string>> options, string context)
    {
        var binder = new OptionBinder(context);
        binder
            .Int("NTrees", v => _options.NTrees = v, 1)
            .Int("MaxDepth", v => _options.MaxDepth = v, 1)
            .On("MinNodeSize", v => _options.MinNodeSize = binder.ParseDouble("MinNodeSize", v.TrimEnd('%')))
            .Int("nCuts", v => _options.NCuts = v)
            .Choice("BoostType", v => _options.BoostType = Enum.Parse<TreeBoostType>(v), "AdaBoost", "RealAdaBoost", "Bagging", "Grad")
            .Double("AdaBoostBeta", v => _options.AdaBoostBeta = v)
            .Bool("UseRandomisedTrees", v => _options.UseRandomisedTrees = v)
            .Int("UseNvars", v => _options.UseNvars = v, 0)
            .Bool("UsePoissonNvars", v => _options.UsePoissonNvars = v)
            .Double("BaggedSampleFraction", v => _options.BaggedSampleFraction = v)
            .Double("GradBaggingFraction", v => _options.BaggedSampleFraction = v)
            .Bool("UseBaggedBoost", v => _options.UseBaggedBoost = v)
            .Bool("UseBaggedGrad", v => _options.UseBaggedBoost = v)
            .Double("Shrinkage", v => _options.Shrinkage = v)
            .Bool("UseYesNoLeaf", v => _options.UseYesNoLeaf = v)
            .Double("NodePurityLimit", v => _options.NodePurityLimit = v)
            .Choice("SeparationType", v => _options.SeparationType = Enum.Parse<TmvaSeparationType>(v),
                "GiniIndex", "GiniIndexWithLaplace", "CrossEntropy", "MisClassificationError", "SDivSqrtSPlusB")
            .Choice("NegWeightTreatment", v => _options.NegWeightTreatment = Enum.Parse<TmvaNegativeWeightTreatment>(v),
                "InverseBoostNegWeights", "IgnoreNegWeightsInTraining", "Pray")
            .Double("SigToBkgFraction", v => _options.SigToBkgFraction = v)
            .Bool("SkipNormalization", v => _options.SkipNormalization = v)
            .Int("Seed", v => { _options.Seed = v; _seedGiven = true; })
            .Fixed("UseFisherCuts", "False", "HepMl's BDT trainer cuts on single variables")
            .Fixed("DoPreselection", "False", "preselection cuts are not trained")
            .Fixed("PruneMethod", "NoPruning", "trees are not pruned")
            .Ignored("DoBoostMonitor", "PruneStrength", "PruningValFraction", "nEventsMin", "UseNTrainEvents", "NNodesMax",
                "Css", "Cts_sig", "Ctb_ss", "Cbb", "AdaBoostR2Loss", "RegressionLossFunctionBDTG", "HuberQuantile",
                "MinLinCorrForFisher", "UseExclusiveVars", "IgnoreNegWeightsInTraining", "UseWeightedTrees", "RenormByClass");
        binder.Apply(options);
        _options.Validate();
    }

    public override string MethodType => "BDT";

    public override IReadOnlyList<(string Name, string Value)> WrittenOptions => _written;

    public override XElement Train(Dataset training, int seed, IProgress<string>? progress)
    {
        if (!_seedGiven)
        {
            _options.Seed = seed;
        }

        var reporter = progress is null ? null : new Progress<BoostingProgress>(p => progress.Report(p.ToString()));
        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(training, _options, reporter);
        Ranking = forest.VariableRanking().Select(r => (r.Name, r.Importance)).ToArray();
        var trees = forest.Trees.Select(t => Convert(t, 0)).ToArray();
        var weights = forest.Trees.Select(t => (float)t.BoostWeight).ToArray();
        bool grad = _options.BoostType == TreeBoostType.Grad;
        TmvaBdtBoostType written = _options.BoostType switch
        {
            TreeBoostType.Grad => TmvaBdtBoostType.Grad,
            TreeBoostType.Bagging => TmvaBdtBoostType.Bagging,
            TreeBoostType.RealAdaBoost => TmvaBdtBoostType.RealAdaBoost,
            _ => _options.UseYesNoLeaf ? TmvaBdtBoostType.AdaBoost : TmvaBdtBoostType.RealAdaBoost,
        };
        _written.Clear();
        _written.AddRange(TmvaBdtWriter.Options(written, "None", _options.NTrees, _options.MaxDepth).Skip(1));
        _written.Add(("Shrinkage", _options.Shrinkage.ToString("R", CultureInfo.InvariantCulture)));
        return TmvaBdtWriter.Weights(trees, weights, regressionTrees: grad);

        TmvaTreeNode Convert(DecisionTree tree, int index)
        {
            DecisionTreeNode node = tree[index];
            if (node.IsLeaf)
            {
                int type = node.NodeType != NodeType.Internal ? (int)node.NodeType : node.Response >= 0 ? 1 : -1;
                return new TmvaTreeNode
                {
                    NodeType = type, Purity = float.IsNaN(node.Purity) ? 0.5f : node.Purity, Response = node.Response, Rms = node.Rms,
                };
            }

            return TmvaTreeNode.Split(
                node.Feature, node.Threshold, node.CutType, Convert(tree, node.Left), Convert(tree, node.Right),
                float.IsNaN(node.Purity) ? 0.5f : node.Purity, node.Response);
        }
    }
}
