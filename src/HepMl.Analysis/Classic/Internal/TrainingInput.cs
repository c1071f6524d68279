using HepMl.Analysis.Data;

namespace HepMl.Analysis.Classic.Internal;

/// <summary>Argument checks shared by the classic methods; messages name the method, the feature and the event.</summary>
internal static class TrainingInput
{
    /// <summary>Throws unless the dataset has events and features.</summary>
    public static void RequireNonEmpty(Dataset data, string method)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException($"{method}: the training dataset is empty (0 events)", nameof(data));
        }

        if (data.FeatureCount == 0)
        {
            throw new ArgumentException($"{method}: the training dataset has no feature columns", nameof(data));
        }
    }

    /// <summary>Throws on the first NaN or infinite feature value, naming the feature and the event.</summary>
    public static void RequireFinite(Dataset data, string method)
    {
        for (int j = 0; j < data.FeatureCount; j++)
        {
            ReadOnlySpan<float> column = data.Column(j);
            for (int i = 0; i < column.Length; i++)
            {
                if (!float.IsFinite(column[i]))
                {
                    throw new ArgumentException(
                        $"{method}: feature '{data.FeatureNames[j]}' of event {i} is {column[i]}; this method needs finite values (select or impute missing values first)",
                        nameof(data));
                }
            }
        }
    }

    /// <summary>Throws unless labels exist, are 0/1, and both classes have events.</summary>
    public static void RequireBinaryLabels(Dataset data, string method)
    {
        if (!data.HasLabels)
        {
            throw new ArgumentException($"{method}: the training dataset has no class labels", nameof(data));
        }

        ReadOnlySpan<int> labels = data.Labels;
        int signal = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] > 1)
            {
                throw new ArgumentException($"{method}: label of event {i} is {labels[i]}; this method is binary (0 = background, 1 = signal)", nameof(data));
            }

            signal += labels[i];
        }

        if (signal == 0 || signal == labels.Length)
        {
            throw new ArgumentException(
                $"{method}: the training data hold a single class ({labels.Length} events, all of class {labels[0]}); both signal (1) and background (0) are needed",
                nameof(data));
        }
    }

    /// <summary>Throws unless labels exist and at least two classes have events.</summary>
    public static void RequireTwoClasses(Dataset data, string method)
    {
        if (!data.HasLabels)
        {
            throw new ArgumentException($"{method}: the training dataset has no class labels", nameof(data));
        }

        ReadOnlySpan<int> labels = data.Labels;
        for (int i = 1; i < labels.Length; i++)
        {
            if (labels[i] != labels[0])
            {
                return;
            }
        }

        throw new ArgumentException(
            $"{method}: the training data hold a single class ({labels.Length} events, all of class {labels[0]}); at least two classes are needed",
            nameof(data));
    }

    /// <summary>Throws on a negative weight (for methods whose objective needs non-negative weights).</summary>
    public static void RequireNonNegativeWeights(Dataset data, string method)
    {
        ReadOnlySpan<float> weights = data.Weights;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0)
            {
                throw new ArgumentException(
                    $"{method}: event {i} has weight {weights[i]}; this method needs non-negative weights (drop or reweight negative-weight events first)",
                    nameof(data));
            }
        }
    }

    /// <summary>Row-major copy of the features.</summary>
    public static float[] RowMajor(Dataset data)
    {
        var values = new float[(long)data.RowCount * data.FeatureCount];
        data.CopyRowMajor(values);
        return values;
    }
}
