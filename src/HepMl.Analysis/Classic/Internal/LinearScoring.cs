using HepMl.Analysis.Data;

namespace HepMl.Analysis.Classic.Internal;

/// <summary>offset + Σ c_j x_j over a dataset's columns (column at a time, double accumulation).</summary>
internal static class LinearScoring
{
    public static double[] Evaluate(Dataset data, IReadOnlyList<string> featureNames, IReadOnlyList<double> coefficients, double offset, string method)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sum = new double[data.RowCount];
        sum.AsSpan().Fill(offset);
        for (int j = 0; j < featureNames.Count; j++)
        {
            ReadOnlySpan<float> column = data.Column(data.IndexOf(featureNames[j]));
            double c = coefficients[j];
            for (int i = 0; i < column.Length; i++)
            {
                float v = column[i];
                if (!float.IsFinite(v))
                {
                    throw new ArgumentException($"{method}: feature '{featureNames[j]}' of event {i} is {v}; this method needs finite values", nameof(data));
                }

                sum[i] += c * v;
            }
        }

        return sum;
    }

    public static double Evaluate(ReadOnlySpan<float> features, IReadOnlyList<double> coefficients, double offset, string method)
    {
        FeatureBinding.CheckEvent(features, coefficients.Count, method);
        double sum = offset;
        for (int j = 0; j < features.Length; j++)
        {
            sum += coefficients[j] * features[j];
        }

        return sum;
    }

    public static float[] ToFloat(double[] values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }
}
