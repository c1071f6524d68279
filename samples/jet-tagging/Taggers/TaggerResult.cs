using HepMl.Analysis.Metrics;

namespace HepMl.Samples.JetTagging.Taggers;

/// <summary>One tagger's outcome on the test jets.</summary>
/// <param name="Name">Short name (file names, table rows).</param>
/// <param name="Inputs">What the tagger sees.</param>
/// <param name="TestScores">One score per test jet; larger means more W-like.</param>
/// <param name="Roc">The ROC curve on the test jets.</param>
/// <param name="TrainSeconds">Wall-clock training time (0 for fixed cuts).</param>
/// <param name="ModelPath">The saved model, if any.</param>
public sealed record TaggerResult(string Name, string Inputs, float[] TestScores, RocCurve Roc, double TrainSeconds, string? ModelPath)
{
    /// <summary>The signal efficiency of the working point the paper quotes.</summary>
    public const double WorkingPointSignalEfficiency = 0.5;

    /// <summary>Area under the ROC curve.</summary>
    public double AreaUnderRocCurve => Roc.AreaUnderCurve;

    /// <summary>1/ε_B at ε_S = 50%.</summary>
    public double BackgroundRejection => Roc.BackgroundRejectionAtSignalEfficiency(WorkingPointSignalEfficiency);

    /// <summary>Builds the result from test scores.</summary>
    public static TaggerResult FromScores(string name, string inputs, float[] testScores, int[] testLabels, double trainSeconds, string? modelPath) =>
        new(name, inputs, testScores, RocCurve.Compute(testScores, testLabels), trainSeconds, modelPath);
}
