namespace HepMl.Analysis.Metrics;

/// <summary>The usual figures of merit of a binary classifier, all weighted, at one score threshold plus the threshold-free ROC AUC.</summary>
/// <remarks>Signal is label 1 (the positive class); an event is classified as signal when its score is &gt;= the threshold.</remarks>
public sealed class BinaryClassificationMetrics
{
    private BinaryClassificationMetrics(ConfusionMatrix confusion, RocCurve roc, double threshold)
    {
        ConfusionMatrix = confusion;
        RocCurve = roc;
        Threshold = threshold;
    }

    /// <summary>The score threshold used for the threshold-dependent figures.</summary>
    public double Threshold { get; }

    /// <summary>The weighted confusion matrix at <see cref="Threshold"/>.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }

    /// <summary>The weighted ROC curve.</summary>
    public RocCurve RocCurve { get; }

    /// <summary>Area under the ROC curve.</summary>
    public double AreaUnderRocCurve => RocCurve.AreaUnderCurve;

    /// <summary>Weighted share of correctly classified events.</summary>
    public double Accuracy => ConfusionMatrix.Accuracy;

    /// <summary>Signal purity of the selected events.</summary>
    public double Precision => ConfusionMatrix.Precision(1);

    /// <summary>Signal efficiency (sensitivity, true-positive rate).</summary>
    public double Recall => ConfusionMatrix.Recall(1);

    /// <summary>Background rejection as a fraction (true-negative rate, 1 − ε_B).</summary>
    public double Specificity => ConfusionMatrix.Specificity(1);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1Score => ConfusionMatrix.F1(1);

    /// <summary>Evaluates scores against labels (1 signal, 0 background).</summary>
    /// <param name="scores">Classifier output per event.</param>
    /// <param name="labels">1 for signal, 0 for background.</param>
    /// <param name="weights">Per-event weights (may be negative), or empty for unit weights.</param>
    /// <param name="threshold">Score at or above which an event counts as signal.</param>
    /// <exception cref="ArgumentException">See <see cref="RocCurve.Compute"/>.</exception>
    public static BinaryClassificationMetrics Evaluate(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights = default, double threshold = 0.5)
    {
        RocCurve roc = RocCurve.Compute(scores, labels, weights);
        return new BinaryClassificationMetrics(ConfusionMatrix.FromScores(scores, labels, threshold, weights), roc, threshold);
    }
}
