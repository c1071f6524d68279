namespace HepMl.Analysis.Metrics;

/// <summary>Multi-class figures of merit: one-vs-rest ROC AUCs, their averages, and the confusion matrix of the arg-max prediction.</summary>
/// <remarks>scikit-learn: <c>roc_auc_score(y, P, multi_class='ovr', average=None|'macro'|'weighted')</c>.</remarks>
public sealed class MulticlassMetrics
{
    private MulticlassMetrics(double[] auc, double[] prevalence, ConfusionMatrix confusion)
    {
        OneVersusRestAreaUnderRocCurve = auc;
        ClassWeight = prevalence;
        ConfusionMatrix = confusion;
    }

    /// <summary>AUC of class c's score for "class c" against "any other class" (NaN for a class without events).</summary>
    public IReadOnlyList<double> OneVersusRestAreaUnderRocCurve { get; }

    /// <summary>Total weight per class.</summary>
    public IReadOnlyList<double> ClassWeight { get; }

    /// <summary>Confusion matrix of the arg-max prediction.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }

    /// <summary>Unweighted mean of the one-vs-rest AUCs over classes with events.</summary>
    public double MacroAverageAreaUnderRocCurve
    {
        get
        {
            double sum = 0;
            int count = 0;
            foreach (double auc in OneVersusRestAreaUnderRocCurve)
            {
                if (!double.IsNaN(auc))
                {
                    sum += auc;
                    count++;
                }
            }

            return sum / count;
        }
    }

    /// <summary>Mean of the one-vs-rest AUCs weighted by each class's total weight.</summary>
    public double WeightedAverageAreaUnderRocCurve
    {
        get
        {
            double sum = 0, total = 0;
            for (int c = 0; c < OneVersusRestAreaUnderRocCurve.Count; c++)
            {
                if (!double.IsNaN(OneVersusRestAreaUnderRocCurve[c]))
                {
                    sum += OneVersusRestAreaUnderRocCurve[c] * ClassWeight[c];
                    total += ClassWeight[c];
                }
            }

            return sum / total;
        }
    }

    /// <summary>Evaluates class scores (row-major <c>[events, classes]</c>) against class labels.</summary>
    /// <param name="scores">Score of each class per event, row-major.</param>
    /// <param name="classCount">Number of classes (columns of <paramref name="scores"/>), at least 2.</param>
    /// <param name="labels">True class per event.</param>
    /// <param name="weights">Per-event weights, or empty.</param>
    /// <exception cref="ArgumentException">Shapes differ, a label is out of range, fewer than two classes have events, or a score is NaN.</exception>
    public static MulticlassMetrics Evaluate(ReadOnlySpan<float> scores, int classCount, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        int n = labels.Length;
        if (scores.Length != (long)n * classCount)
        {
            throw new ArgumentException($"scores hold {scores.Length} values; [{n}, {classCount}] needs {(long)n * classCount}", nameof(scores));
        }

        var prevalence = new double[classCount];
        var predicted = new int[n];
        for (int i = 0; i < n; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"label {i} is {labels[i]}; expected [0, {classCount})", nameof(labels));
            }

            prevalence[labels[i]] += weights.IsEmpty ? 1 : weights[i];
            ReadOnlySpan<float> row = scores.Slice(i * classCount, classCount);
            int best = 0;
            for (int c = 0; c < classCount; c++)
            {
                if (float.IsNaN(row[c]))
                {
                    throw new ArgumentException($"score of class {c} for event {i} is NaN", nameof(scores));
                }

                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            predicted[i] = best;
        }

        int present = prevalence.Count(p => p != 0);
        if (present < 2)
        {
            throw new ArgumentException($"one-vs-rest AUCs need at least two classes with events; found {present}", nameof(labels));
        }

        var auc = new double[classCount];
        var column = new float[n];
        var binary = new int[n];
        for (int c = 0; c < classCount; c++)
        {
            if (prevalence[c] == 0)
            {
                auc[c] = double.NaN;
                continue;
            }

            for (int i = 0; i < n; i++)
            {
                column[i] = scores[(i * classCount) + c];
                binary[i] = labels[i] == c ? 1 : 0;
            }

            auc[c] = AreaUnderRocCurve.Compute(column, binary, weights);
        }

        return new MulticlassMetrics(auc, prevalence, ConfusionMatrix.Compute(labels, predicted, weights, classCount));
    }
}
