namespace HepMl.Analysis.Transformations.Internal;

/// <summary>Weighted means and covariance matrices of a <see cref="FitSample"/> parameter set.</summary>
internal static class Covariance
{
    /// <summary>
    /// The weighted covariance (row-major n×n, normalised by the sum of weights) of the events in
    /// <paramref name="set"/>, and their weighted means.
    /// </summary>
    public static double[] Weighted(FitSample sample, int set, out double[] means)
    {
        int n = sample.VariableCount;
        means = new double[n];
        double sumWeights = 0;
        for (int row = 0; row < sample.RowCount; row++)
        {
            if (!sample.InSet(row, set))
            {
                continue;
            }

            double w = sample.Weights[row];
            sumWeights += w;
            for (int j = 0; j < n; j++)
            {
                means[j] += w * sample.Columns[j][row];
            }
        }

        if (!(sumWeights > 0))
        {
            throw new ArgumentException($"parameter set {set} has a total weight of {sumWeights}; it must be positive");
        }

        for (int j = 0; j < n; j++)
        {
            means[j] /= sumWeights;
        }

        var covariance = new double[n * n];
        var centred = new double[n];
        for (int row = 0; row < sample.RowCount; row++)
        {
            if (!sample.InSet(row, set))
            {
                continue;
            }

            double w = sample.Weights[row];
            for (int j = 0; j < n; j++)
            {
                centred[j] = sample.Columns[j][row] - means[j];
            }

            for (int i = 0; i < n; i++)
            {
                double wi = w * centred[i];
                for (int j = i; j < n; j++)
                {
                    covariance[(i * n) + j] += wi * centred[j];
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double value = covariance[(i * n) + j] / sumWeights;
                covariance[(i * n) + j] = value;
                covariance[(j * n) + i] = value;
            }
        }

        return covariance;
    }
}
