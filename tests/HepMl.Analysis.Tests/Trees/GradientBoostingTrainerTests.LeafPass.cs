using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>The pass that finishes a tree (leaf values from exact sums, margins, node statistics), against sums worked
/// out by hand from the forest's own routing and staged margins.</summary>
public partial class GradientBoostingTrainerTests
{
    /// <summary>
    /// For tree t, every training event's margin before it is the forest's raw score after t rounds; so its gradient
    /// pair is w(p - y), w·p(1 - p) with p the logistic of that margin. The root's hessian sum, each leaf's event
    /// count and weight, and each leaf's value -G/(H + λ)·η must follow from the events the tree routes to the leaf.
    /// Depth 4 keeps the per-event leaf index in one byte; depth 12 grows trees with hundreds of leaves.
    /// </summary>
    [TestCase(4)]
    [TestCase(12)]
    public void Train_LeafValuesAndStatistics_FollowFromTheEventsRoutedToEachLeaf(int depth)
    {
        const int n = 6000;
        Dataset data = NoisySample(n, 21);
        float[][] columns = [data.Column(0).ToArray(), data.Column(1).ToArray(), data.Column(2).ToArray()];
        int[] labels = data.Labels.ToArray();
        float[] weights = data.Weights.ToArray();
        const double learningRate = 0.3, lambda = 1.0;
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = 3, MaxDepth = depth, LearningRate = learningRate, L2Regularization = lambda,
            MinChildWeight = 1e-3, ThreadCount = 2,
        };
        BoostedDecisionTrees forest = GradientBoostingTrainer.Train(data, options);
        if (depth == 12)
        {
            Assert.That(forest.Trees[1].Nodes.ToArray().Count(node => node.Left < 0), Is.GreaterThan(255), "leaves of tree 1");
        }

        for (int t = 1; t < 3; t++)
        {
            float[] before = forest.RawScore(data, rounds: t);
            DecisionTree tree = forest.Trees[t];
            var gradient = new Dictionary<int, double>();
            var hessian = new Dictionary<int, double>();
            var weight = new Dictionary<int, double>();
            var count = new Dictionary<int, int>();
            double rootHessian = 0;
            var row = new float[3];
            for (int i = 0; i < n; i++)
            {
                row[0] = columns[0][i];
                row[1] = columns[1][i];
                row[2] = columns[2][i];
                int leaf = tree.FindLeaf(row);
                double p = 1 / (1 + Math.Exp(-before[i]));
                double g = weights[i] * (p - labels[i]), h = weights[i] * Math.Max(p * (1 - p), 1e-16);
                gradient[leaf] = gradient.GetValueOrDefault(leaf) + g;
                hessian[leaf] = hessian.GetValueOrDefault(leaf) + h;
                weight[leaf] = weight.GetValueOrDefault(leaf) + weights[i];
                count[leaf] = count.GetValueOrDefault(leaf) + 1;
                rootHessian += h;
            }

            Tolerance.AssertClose(rootHessian, tree[0].SumHessian, rel: 1e-5, what: $"root hessian of tree {t}");
            foreach (int leaf in count.Keys)
            {
                DecisionTreeNode node = tree[leaf];
                Assert.That(node.EventCount, Is.EqualTo(count[leaf]), $"events of leaf {leaf}, tree {t}");
                Tolerance.AssertClose(weight[leaf], node.SumWeight, rel: 1e-9, what: $"weight of leaf {leaf}, tree {t}");
                double expected = -gradient[leaf] / (hessian[leaf] + lambda) * learningRate;
                Tolerance.AssertClose(expected, node.Response, rel: 2e-4, abs: 1e-6, what: $"value of leaf {leaf}, tree {t}");
            }
        }
    }
}
