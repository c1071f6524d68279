using HepMl.Analysis.Data;

namespace HepMl.Analysis.Classic.Internal;

/// <summary>Gathers a model's features from a dataset by name, in the model's order.</summary>
internal static class FeatureBinding
{
    /// <summary>Row-major <c>[data.RowCount, featureNames.Count]</c> copy of the named columns.</summary>
    /// <exception cref="KeyNotFoundException">A feature is missing from the dataset.</exception>
    /// <exception cref="ArgumentException"><paramref name="requireFinite"/> and a value is NaN or infinite.</exception>
    public static float[] RowMajor(Dataset data, IReadOnlyList<string> featureNames, string method, bool requireFinite = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        int d = featureNames.Count;
        var values = new float[(long)data.RowCount * d];
        for (int j = 0; j < d; j++)
        {
            int column = data.IndexOf(featureNames[j]);
            ReadOnlySpan<float> source = data.Column(column);
            for (int i = 0; i < source.Length; i++)
            {
                float v = source[i];
                if (requireFinite && !float.IsFinite(v))
                {
                    throw new ArgumentException(
                        $"{method}: feature '{featureNames[j]}' of event {i} is {v}; this method needs finite values", nameof(data));
                }

                values[((long)i * d) + j] = v;
            }
        }

        return values;
    }

    /// <summary>Throws unless a single event has one value per model feature.</summary>
    public static void CheckEvent(ReadOnlySpan<float> features, int expected, string method)
    {
        if (features.Length != expected)
        {
            throw new ArgumentException($"{method}: an event has {features.Length} feature values; the model reads {expected}", nameof(features));
        }
    }
}
