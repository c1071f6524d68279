using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>TMVA-style training against scikit-learn (tools/refgen/trees_reference.py). On integer-valued features a
/// grid of 1000 cuts reaches every boundary between values, so TMVA's TrainNodeFast sees the same candidates as
/// scikit-learn's exact trees; unit weights and balanced classes leave TMVA's normalisation at 1.</summary>
public partial class TmvaBdtTrainerTests
{
    [Test]
    public void Train_AdaBoost_MatchesScikitLearnSamme()
    {
        var fixture = TreeFixture.Load("sk_adaboost.json");
        var options = new TmvaBdtOptions
        {
            NTrees = 8, MaxDepth = 3, MinNodeSize = 5, NCuts = 1000, AdaBoostBeta = 0.5, BoostType = TmvaBoostType.AdaBoost,
        };

        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(fixture.Dataset(), options);

        Assert.That(forest.Output, Is.EqualTo(ForestOutput.WeightedNodeTypeAverage));
        double[] weights = fixture.Vector("estimator_weights");
        Assert.That(forest.Trees, Has.Count.EqualTo(weights.Length));
        for (int t = 0; t < weights.Length; t++)
        {
            Tolerance.AssertClose(weights[t], forest.Trees[t].BoostWeight, rel: 1e-9, what: $"boost weight {t}");
        }

        double[] errors = fixture.Vector("estimator_errors");
        for (int t = 0; t < errors.Length; t++)
        {
            Tolerance.AssertClose(errors[t], forest.History!.ErrorFractions[t], rel: 1e-9, what: $"error fraction {t}");
        }

        AssertScores(forest, fixture, fixture.Vector("decision_function"), tolerance: 1e-6);
    }

    [Test]
    public void Train_Grad_MatchesScikitLearnGradientBoostingWithHalvedMargin()
    {
        var fixture = TreeFixture.Load("sk_gradboost.json");
        var options = new TmvaBdtOptions
        {
            NTrees = 6, MaxDepth = 3, MinNodeSize = 5, NCuts = 1000, Shrinkage = 0.4, BoostType = TmvaBoostType.Grad,
        };

        BoostedDecisionTrees forest = TmvaBdtTrainer.Train(fixture.Dataset(), options);

        // TMVA: MVA = 2/(1+exp(-2F)) - 1 with F = F_sklearn / 2, so MVA = 2 p_sklearn - 1.
        Assert.That(forest.Output, Is.EqualTo(ForestOutput.TmvaGradient));
        double[] expected = fixture.Vector("probability").Select(p => (2 * p) - 1).ToArray();
        AssertScores(forest, fixture, expected, tolerance: 1e-6);
    }

    private static void AssertScores(BoostedDecisionTrees forest, TreeFixture fixture, double[] expected, double tolerance)
    {
        float[][] rows = fixture.Matrix("features");
        for (int i = 0; i < rows.Length; i++)
        {
            Tolerance.AssertClose(expected[i], forest.Score(rows[i]), rel: tolerance, abs: tolerance, what: $"score[{i}]");
        }
    }
}
