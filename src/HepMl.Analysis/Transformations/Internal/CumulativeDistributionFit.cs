namespace HepMl.Analysis.Transformations.Internal;

/// <summary>
/// TMVA's recipe for a variable's cumulative distribution (<c>VariableGaussTransform::GetCumulativeDist</c>):
/// adaptive binning, weighted single-precision histogram, one 353QH smoothing, cumulative sum normalised to 1,
/// tabulated with a linear spline.
/// </summary>
internal static class CumulativeDistributionFit
{
    private const int MinimumEventsPerBin = 10;
    private const int MaximumBins = 2000;
    private const float Eps = 1e-4f;

    public static TabulatedCdf Fit(FitSample sample, int set, int variable)
    {
        var values = new List<(float Value, float Weight)>();
        float sumOfWeights = 0, minWeight = 10e10f;
        for (int row = 0; row < sample.RowCount; row++)
        {
            if (!sample.InSet(row, set))
            {
                continue;
            }

            float weight = sample.Weights[row];
            values.Add((sample.Columns[variable][row], weight));
            sumOfWeights += weight;
            minWeight = Math.Min(minWeight, weight);
        }

        if (values.Count == 0)
        {
            throw new ArgumentException($"cannot fit the Gauss transformation: parameter set {set} has no events");
        }

        values.Sort((a, b) => a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Weight.CompareTo(b.Weight));
        float sumPerBin = Math.Max(minWeight * MinimumEventsPerBin, sumOfWeights / MaximumBins);
        var edges = new List<float> { values[0].Value - Eps, values[0].Value };
        float last = values[0].Value, sum = 0;
        foreach ((float value, float weight) in values)
        {
            sum += weight;
            if (sum >= sumPerBin && value > last)
            {
                edges.Add(value);
                sum = 0;
                last = value;
            }
        }

        if (sum != 0 && values[^1].Value > edges[^1])
        {
            edges.Add(values[^1].Value);
        }

        if (edges.Count < 3)
        {
            throw new ArgumentException(
                $"cannot fit the Gauss transformation: variable {variable} takes a single value in parameter set {set}");
        }

        double[] binEdges = edges.Select(e => (double)e).ToArray();
        int bins = binEdges.Length - 1;
        var histogram = new float[bins];
        foreach ((float value, float weight) in values)
        {
            int bin = TabulatedCdf.FindVariableBin(binEdges, value);
            if (bin >= 1 && bin <= bins)
            {
                histogram[bin - 1] += weight;
            }
        }

        if (bins >= 3)
        {
            var smoothed = new double[bins];
            for (int i = 0; i < bins; i++)
            {
                smoothed[i] = histogram[i];
            }

            HistogramSmoothing.Smooth353QHTwice(smoothed, 1);
            for (int i = 0; i < bins; i++)
            {
                histogram[i] = (float)smoothed[i];
            }
        }

        double total = 0;
        foreach (float content in histogram)
        {
            if (content > 0)
            {
                total += content;
            }
        }

        var cumulative = new float[bins];
        double running = 0;
        for (int i = 0; i < bins; i++)
        {
            if (histogram[i] > 0)
            {
                running += histogram[i];
            }

            cumulative[i] = (float)(running / total);
        }

        return TabulatedCdf.FromHistogramLinearSpline(binEdges, cumulative);
    }
}
