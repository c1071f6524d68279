namespace HepMl.Analysis.Likelihood.Internal;

/// <summary>A normalised one-dimensional density: a histogram, a kernel sum, or a tabulated kernel sum.</summary>
internal sealed class MarginalDensity
{
    private const double Floor = 1e-12;
    private readonly double[]? _values; // histogram bin densities or grid values
    private readonly double _min;
    private readonly double _step;
    private readonly bool _binCentres;
    private readonly double[]? _centres; // exact kernel: data points
    private readonly double[]? _kernelWeights; // normalised to sum 1
    private readonly double _bandwidth;

    private MarginalDensity(double[]? values, double min, double step, bool binCentres, double[]? centres, double[]? kernelWeights, double bandwidth)
    {
        _values = values;
        _min = min;
        _step = step;
        _binCentres = binCentres;
        _centres = centres;
        _kernelWeights = kernelWeights;
        _bandwidth = bandwidth;
    }

    public double Bandwidth => _bandwidth;

    public static MarginalDensity Histogram(ReadOnlySpan<double> x, ReadOnlySpan<double> w, double min, double max, int bins)
    {
        double width = max > min ? (max - min) / bins : 1;
        var counts = new double[bins];
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int bin = Math.Clamp((int)Math.Floor((x[i] - min) / width), 0, bins - 1);
            counts[bin] += w[i];
            total += w[i];
        }

        for (int b = 0; b < bins; b++)
        {
            counts[b] /= total * width;
        }

        return new MarginalDensity(counts, min, width, true, null, null, 0);
    }

    public static MarginalDensity Kernel(ReadOnlySpan<double> x, ReadOnlySpan<double> w, double bandwidth, int gridPoints)
    {
        double total = 0;
        for (int i = 0; i < w.Length; i++)
        {
            total += w[i];
        }

        double[] centres = x.ToArray();
        double[] weights = new double[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            weights[i] = w[i] / total;
        }

        var exact = new MarginalDensity(null, 0, 0, false, centres, weights, bandwidth);
        if (gridPoints == 0)
        {
            return exact;
        }

        double lo = centres.Min() - (4 * bandwidth), hi = centres.Max() + (4 * bandwidth);
        double step = (hi - lo) / (gridPoints - 1);
        var grid = new double[gridPoints];
        Parallel.For(0, gridPoints, g => grid[g] = exact.KernelSum(lo + (g * step)));
        return new MarginalDensity(grid, lo, step, false, null, null, bandwidth);
    }

    public double Evaluate(double x)
    {
        if (_centres is not null)
        {
            return Math.Max(KernelSum(x), Floor);
        }

        double[] values = _values!;
        double position = ((x - _min) / _step) - (_binCentres ? 0.5 : 0);
        if (!_binCentres && (position < 0 || position > values.Length - 1))
        {
            return Floor; // beyond four bandwidths of every kernel
        }

        // Histograms: constant below the first and above the last bin centre (values are clamped into range).
        position = Math.Clamp(position, 0, values.Length - 1);
        int below = Math.Min((int)position, values.Length - 2);
        if (below < 0)
        {
            return Math.Max(values[0], Floor);
        }

        double t = position - below;
        return Math.Max(values[below] + (t * (values[below + 1] - values[below])), Floor);
    }

    private double KernelSum(double x)
    {
        double[] centres = _centres!, weights = _kernelWeights!;
        double inverse = 1 / _bandwidth, sum = 0;
        for (int i = 0; i < centres.Length; i++)
        {
            double z = (x - centres[i]) * inverse;
            sum += weights[i] * Math.Exp(-0.5 * z * z);
        }

        return sum * inverse / Math.Sqrt(2 * Math.PI);
    }
}
