using HepMl.Analysis.Metrics;
using HepMl.Physics.Statistics;

namespace HepMl.Samples.Anomaly.Detectors;

/// <summary>
/// One anomaly score on the test events (larger = more anomalous) and how well it finds the injected signal: ROC AUC,
/// signal efficiency and significance improvement ε_S/√ε_B at a fixed background efficiency, and the Asimov
/// significance of the test sample before and after the cut.
/// </summary>
/// <param name="Name">Short name (branch and file names).</param>
/// <param name="Method">The detector and the quantity scored.</param>
/// <param name="TestScores">One score per test event.</param>
/// <param name="Roc">ROC curve on the test events (signal = label 1).</param>
/// <param name="BackgroundEfficiency">The working point ε_B.</param>
/// <param name="SignalEvents">Signal events in the test sample.</param>
/// <param name="BackgroundEvents">Background events in the test sample.</param>
/// <param name="TrainSeconds">Training wall-clock time of the detector.</param>
public sealed record AnomalyScore(string Name, string Method, float[] TestScores, RocCurve Roc, double BackgroundEfficiency,
    int SignalEvents, int BackgroundEvents, double TrainSeconds)
{
    /// <summary>Area under the ROC curve.</summary>
    public double AreaUnderRocCurve => Roc.AreaUnderCurve;

    /// <summary>ε_S at the working point.</summary>
    public double SignalEfficiency => Roc.SignalEfficiencyAtBackgroundEfficiency(BackgroundEfficiency);

    /// <summary>Significance improvement ε_S/√ε_B at the working point.</summary>
    public double SignificanceImprovement => SignalEfficiency / Math.Sqrt(BackgroundEfficiency);

    /// <summary>Asimov significance of all test events (no cut).</summary>
    public double SignificanceBeforeCut => Significance.Asimov(SignalEvents, BackgroundEvents);

    /// <summary>Asimov significance of the test events passing the cut at the working point.</summary>
    public double SignificanceAfterCut => Significance.Asimov(SignalEvents * SignalEfficiency, BackgroundEvents * BackgroundEfficiency);

    /// <summary>Builds the result from test scores.</summary>
    public static AnomalyScore FromScores(string name, string method, float[] testScores, int[] testLabels, double backgroundEfficiency, double trainSeconds)
    {
        int signal = testLabels.Count(label => label == 1);
        return new AnomalyScore(name, method, testScores, RocCurve.Compute(testScores, testLabels), backgroundEfficiency,
            signal, testLabels.Length - signal, trainSeconds);
    }
}
