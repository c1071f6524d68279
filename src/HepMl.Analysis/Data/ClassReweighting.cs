namespace HepMl.Analysis.Data;

/// <summary>Rescales per-event weights class by class (e.g. to train on balanced signal and background).</summary>
/// <remarks>
/// Totals are signed sums, so negative-weight events keep their sign and reduce their class's total. A class whose
/// total weight is not positive cannot be rescaled and raises an exception.
/// </remarks>
public static class ClassReweighting
{
    /// <summary>Rescales each class's weights so that all classes have the same total weight.</summary>
    public static Dataset Reweight(Dataset data) => Reweight(data, ClassWeightMode.EqualTotals);

    /// <summary>Rescales each class's weights as <paramref name="mode"/> says.</summary>
    /// <exception cref="ArgumentException">The dataset has no labels or is empty, or a present class's total weight is not positive.</exception>
    public static Dataset Reweight(Dataset data, ClassWeightMode mode)
    {
        double[] factors = Factors(data, mode);
        ReadOnlySpan<int> labels = data.Labels;
        ReadOnlySpan<float> weights = data.Weights;
        var result = new float[data.RowCount];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float)(weights[i] * factors[labels[i]]);
        }

        return data.WithWeights(result);
    }

    /// <summary>Multiplies the weights of class c by <paramref name="factors"/>[c].</summary>
    /// <exception cref="ArgumentException">The dataset has no labels, or there are fewer factors than classes.</exception>
    public static Dataset Scale(Dataset data, ReadOnlySpan<double> factors)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (factors.Length < data.ClassCount)
        {
            throw new ArgumentException($"{factors.Length} factors were given for {data.ClassCount} classes", nameof(factors));
        }

        ReadOnlySpan<int> labels = data.Labels;
        ReadOnlySpan<float> weights = data.Weights;
        var result = new float[data.RowCount];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float)(weights[i] * factors[labels[i]]);
        }

        return data.WithWeights(result);
    }

    /// <summary>The factor applied to each class, indexed by label (1 for classes without events).</summary>
    /// <exception cref="ArgumentException">See <see cref="Reweight(Dataset, ClassWeightMode)"/>.</exception>
    public static double[] Factors(Dataset data, ClassWeightMode mode)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.HasLabels)
        {
            throw new ArgumentException("class reweighting needs a dataset with class labels", nameof(data));
        }

        if (data.RowCount == 0)
        {
            throw new ArgumentException("class reweighting needs a non-empty dataset", nameof(data));
        }

        int classes = data.ClassCount;
        var totals = new double[classes];
        var counts = new long[classes];
        ReadOnlySpan<int> labels = data.Labels;
        ReadOnlySpan<float> weights = data.Weights;
        for (int i = 0; i < labels.Length; i++)
        {
            totals[labels[i]] += weights[i];
            counts[labels[i]]++;
        }

        int present = 0;
        for (int c = 0; c < classes; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            present++;
            if (!(totals[c] > 0))
            {
                throw new ArgumentException(
                    $"class {c} ('{data.ClassNames[c]}') has total weight {totals[c]}; it must be positive to be rescaled", nameof(data));
            }
        }

        double meanCount = (double)data.RowCount / present;
        var factors = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            factors[c] = counts[c] == 0 ? 1 : mode switch
            {
                ClassWeightMode.EqualTotals => meanCount / totals[c],
                ClassWeightMode.NumberOfEvents => counts[c] / totals[c],
                ClassWeightMode.Balanced => data.RowCount / ((double)present * counts[c]),
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown class weight mode"),
            };
        }

        return factors;
    }
}
