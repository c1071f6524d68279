namespace HepMl.Analysis.Metrics;

/// <summary>
/// The weighted confusion matrix of a classifier: entry [t, p] is the total weight of events of true class t
/// predicted as class p. Per-class precision, recall, specificity and F1 follow from it.
/// </summary>
/// <remarks>scikit-learn: <c>confusion_matrix(y_true, y_pred, sample_weight=w)</c> (rows = true class).</remarks>
public sealed class ConfusionMatrix
{
    private readonly double[,] _weights;

    private ConfusionMatrix(double[,] weights)
    {
        _weights = weights;
        ClassCount = weights.GetLength(0);
    }

    /// <summary>Number of classes (rows and columns).</summary>
    public int ClassCount { get; }

    /// <summary>Total weight of events of true class <paramref name="trueClass"/> predicted as <paramref name="predictedClass"/>.</summary>
    public double this[int trueClass, int predictedClass] => _weights[trueClass, predictedClass];

    /// <summary>Total weight of all events.</summary>
    public double Total
    {
        get
        {
            double total = 0;
            foreach (double w in _weights)
            {
                total += w;
            }

            return total;
        }
    }

    /// <summary>Weighted share of events predicted as their true class.</summary>
    public double Accuracy
    {
        get
        {
            double correct = 0;
            for (int c = 0; c < ClassCount; c++)
            {
                correct += _weights[c, c];
            }

            return correct / Total;
        }
    }

    /// <summary>Builds the matrix from true and predicted class indices.</summary>
    /// <param name="trueLabels">True class per event, in [0, classCount).</param>
    /// <param name="predictedLabels">Predicted class per event, in [0, classCount).</param>
    /// <param name="weights">Per-event weights, or empty for unit weights.</param>
    /// <param name="classCount">Number of classes; 0 means 1 + the largest label seen.</param>
    /// <exception cref="ArgumentException">Lengths differ, a label is out of range, or a weight is not finite.</exception>
    public static ConfusionMatrix Compute(ReadOnlySpan<int> trueLabels, ReadOnlySpan<int> predictedLabels, ReadOnlySpan<float> weights = default, int classCount = 0)
    {
        int n = trueLabels.Length;
        if (predictedLabels.Length != n)
        {
            throw new ArgumentException($"{predictedLabels.Length} predictions for {n} true labels", nameof(predictedLabels));
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException($"{weights.Length} weights for {n} labels", nameof(weights));
        }

        if (classCount <= 0)
        {
            for (int i = 0; i < n; i++)
            {
                classCount = Math.Max(classCount, Math.Max(trueLabels[i], predictedLabels[i]) + 1);
            }

            classCount = Math.Max(classCount, 2);
        }

        var matrix = new double[classCount, classCount];
        for (int i = 0; i < n; i++)
        {
            int t = trueLabels[i], p = predictedLabels[i];
            if ((uint)t >= (uint)classCount || (uint)p >= (uint)classCount)
            {
                throw new ArgumentException($"event {i} has true label {t} and prediction {p}; both must be in [0, {classCount})", nameof(trueLabels));
            }

            double w = weights.IsEmpty ? 1.0 : weights[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException($"weight {i} is {w}; weights must be finite", nameof(weights));
            }

            matrix[t, p] += w;
        }

        return new ConfusionMatrix(matrix);
    }

    /// <summary>Builds the binary matrix of scores cut at <paramref name="threshold"/> (score &gt;= threshold → class 1).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a label is not 0/1, a score is NaN, or a weight is not finite.</exception>
    public static ConfusionMatrix FromScores(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, double threshold, ReadOnlySpan<float> weights = default)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels for {scores.Length} scores", nameof(labels));
        }

        var predicted = new int[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i]))
            {
                throw new ArgumentException($"score {i} is NaN", nameof(scores));
            }

            if ((uint)labels[i] > 1)
            {
                throw new ArgumentException($"label {i} is {labels[i]}; expected 0 or 1", nameof(labels));
            }

            predicted[i] = scores[i] >= threshold ? 1 : 0;
        }

        return Compute(labels, predicted, weights, 2);
    }

    /// <summary>Precision of class c: weight truly c among events predicted c (NaN when nothing is predicted c).</summary>
    public double Precision(int positiveClass = 1) => Ratio(_weights[positiveClass, positiveClass], Column(positiveClass));

    /// <summary>Recall (sensitivity, signal efficiency) of class c: weight predicted c among events truly c.</summary>
    public double Recall(int positiveClass = 1) => Ratio(_weights[positiveClass, positiveClass], Row(positiveClass));

    /// <summary>Specificity of class c: weight predicted not-c among events truly not-c (1 − background efficiency).</summary>
    public double Specificity(int positiveClass = 1)
    {
        double negatives = Total - Row(positiveClass);
        double falsePositives = Column(positiveClass) - _weights[positiveClass, positiveClass];
        return Ratio(negatives - falsePositives, negatives);
    }

    /// <summary>F1 score of class c: harmonic mean of precision and recall.</summary>
    public double F1(int positiveClass = 1)
    {
        double tp = _weights[positiveClass, positiveClass];
        return Ratio(2 * tp, Row(positiveClass) + Column(positiveClass));
    }

    private double Row(int c)
    {
        double sum = 0;
        for (int p = 0; p < ClassCount; p++)
        {
            sum += _weights[c, p];
        }

        return sum;
    }

    private double Column(int c)
    {
        double sum = 0;
        for (int t = 0; t < ClassCount; t++)
        {
            sum += _weights[t, c];
        }

        return sum;
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
