namespace HepMl.Analysis.Trees;

/// <summary>Feature importance and TMVA-style variable ranking.</summary>
public sealed partial class BoostedDecisionTrees
{
    /// <summary>Importance of every feature, from the splits of all trees (not normalised).</summary>
    /// <param name="type">What to add up per split.</param>
    /// <returns>One value per feature, in <see cref="FeatureNames"/> order.</returns>
    public double[] FeatureImportance(ImportanceType type = ImportanceType.TotalGain)
    {
        var total = new double[FeatureCount];
        var splits = new int[FeatureCount];
        foreach (DecisionTree tree in _trees)
        {
            foreach (DecisionTreeNode node in tree.Nodes)
            {
                if (node.IsLeaf)
                {
                    continue;
                }

                splits[node.Feature]++;
                total[node.Feature] += type switch
                {
                    ImportanceType.SplitCount => 1,
                    ImportanceType.TotalCover => node.SumHessian,
                    _ => node.Gain,
                };
            }
        }

        if (type == ImportanceType.AverageGain)
        {
            for (int f = 0; f < total.Length; f++)
            {
                total[f] = splits[f] > 0 ? total[f] / splits[f] : 0;
            }
        }

        return total;
    }

    /// <summary>
    /// TMVA's variable ranking (<c>MethodBDT::GetVariableImportance</c>): in each tree every split adds gain² × (node
    /// weight)² to its feature, the tree's sums are normalised to 1 and weighted by the tree's boost weight, and the
    /// forest's sums are square-rooted and normalised to 1. Sorted by decreasing importance.
    /// </summary>
    /// <remarks>For TMVA-style forests the gain is TMVA's separation gain; for gradient-boosted forests the loss
    /// reduction. TMVA also counts splits that <c>CleanTree</c> later merged away; this ranking uses the final trees.</remarks>
    public IReadOnlyList<VariableRank> VariableRanking()
    {
        var importance = new double[FeatureCount];
        var perTree = new double[FeatureCount];
        foreach (DecisionTree tree in _trees)
        {
            Array.Clear(perTree);
            double sum = 0;
            foreach (DecisionTreeNode node in tree.Nodes)
            {
                if (!node.IsLeaf)
                {
                    double contribution = node.Gain * node.Gain * node.SumWeight * node.SumWeight;
                    perTree[node.Feature] += contribution;
                    sum += contribution;
                }
            }

            if (sum > Internal.TmvaSeparation.MachineEpsilon)
            {
                for (int f = 0; f < perTree.Length; f++)
                {
                    importance[f] += tree.BoostWeight * perTree[f] / sum;
                }
            }
        }

        double total = 0;
        for (int f = 0; f < importance.Length; f++)
        {
            importance[f] = Math.Sqrt(Math.Max(0, importance[f]));
            total += importance[f];
        }

        var ranking = new VariableRank[FeatureCount];
        for (int f = 0; f < importance.Length; f++)
        {
            ranking[f] = new VariableRank(_featureNames[f], f, total > 0 ? importance[f] / total : 0);
        }

        Array.Sort(ranking, (a, b) => b.Importance != a.Importance ? b.Importance.CompareTo(a.Importance) : a.Feature.CompareTo(b.Feature));
        return ranking;
    }
}
