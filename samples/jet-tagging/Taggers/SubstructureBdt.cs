using System.Diagnostics;
using HepMl.Analysis.Data;
using HepMl.Analysis.Trees;
using HepMl.Samples.JetTagging.Data;

namespace HepMl.Samples.JetTagging.Taggers;

/// <summary>Gradient-boosted trees on (mass, τ21, D2): the physicist's multivariate baseline.</summary>
internal static class SubstructureBdt
{
    /// <summary>The BDT inputs, in this order.</summary>
    public static readonly string[] FeatureNames = ["mass", "tau21", "d2"];

    /// <summary>Trains on <paramref name="train"/>, saves to <paramref name="modelPath"/> and scores <paramref name="test"/>.</summary>
    public static TaggerResult Run(JetSample train, JetSample test, int trees, int maxDepth, string modelPath, IProgress<BoostingProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        BoostedDecisionTrees bdt = GradientBoostingTrainer.Train(
            ToDataset(train),
            new GradientBoostingOptions { NumberOfTrees = trees, MaxDepth = maxDepth, LearningRate = 0.1 },
            progress: progress);
        double seconds = clock.Elapsed.TotalSeconds;
        bdt.Save(modelPath);
        return TaggerResult.FromScores("bdt", "mass, tau21, D2", bdt.Score(ToDataset(test)), test.Labels, seconds, modelPath);
    }

    private static Dataset ToDataset(JetSample jets) =>
        new(FeatureNames, [jets.Mass, jets.Tau21, jets.D2], jets.Labels);
}
