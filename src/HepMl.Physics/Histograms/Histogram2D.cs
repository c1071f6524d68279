namespace HepMl.Physics.Histograms;

/// <summary>
/// A weighted two-dimensional histogram with per-bin errors sqrt(Σw²) and out-of-range cells (ROOT's TH2D with
/// Sumw2). NaN in either coordinate is counted in <see cref="NaNCount"/>; a non-finite weight raises
/// <see cref="ArgumentException"/>.
/// </summary>
public sealed class Histogram2D
{
    private readonly double[] _sumWeights;
    private readonly double[] _sumWeightsSquared;
    private readonly int _stride;

    /// <summary>Creates an empty histogram on the two axes.</summary>
    public Histogram2D(HistogramAxis xAxis, HistogramAxis yAxis)
    {
        ArgumentNullException.ThrowIfNull(xAxis);
        ArgumentNullException.ThrowIfNull(yAxis);
        XAxis = xAxis;
        YAxis = yAxis;
        _stride = xAxis.BinCount + 2;
        _sumWeights = new double[_stride * (yAxis.BinCount + 2)];
        _sumWeightsSquared = new double[_sumWeights.Length];
    }

    /// <summary>The x axis.</summary>
    public HistogramAxis XAxis { get; }

    /// <summary>The y axis.</summary>
    public HistogramAxis YAxis { get; }

    /// <summary>Number of fills (excluding NaN).</summary>
    public long Entries { get; private set; }

    /// <summary>Number of fills with a NaN coordinate.</summary>
    public long NaNCount { get; private set; }

    /// <summary>Adds (x, y) with the weight.</summary>
    public void Fill(double x, double y, double weight = 1.0)
    {
        if (!double.IsFinite(weight))
        {
            throw new ArgumentException($"weights must be finite; got {weight} for ({x}, {y})", nameof(weight));
        }

        int bx = XAxis.FindBin(x), by = YAxis.FindBin(y);
        if (bx == -2 || by == -2)
        {
            NaNCount++;
            return;
        }

        int cell = (by + 1) * _stride + bx + 1;
        _sumWeights[cell] += weight;
        _sumWeightsSquared[cell] += weight * weight;
        Entries++;
    }

    /// <summary>Sum of weights in bin (ix, iy) (0-based, in range).</summary>
    public double BinContent(int ix, int iy) => _sumWeights[Cell(ix, iy)];

    /// <summary>sqrt(Σw²) of bin (ix, iy).</summary>
    public double BinError(int ix, int iy) => Math.Sqrt(_sumWeightsSquared[Cell(ix, iy)]);

    /// <summary>Sum of in-range weights.</summary>
    public double Integral()
    {
        double sum = 0;
        for (int iy = 0; iy < YAxis.BinCount; iy++)
        {
            for (int ix = 0; ix < XAxis.BinCount; ix++)
            {
                sum += _sumWeights[(iy + 1) * _stride + ix + 1];
            }
        }

        return sum;
    }

    /// <summary>The projection on x of the in-range y bins (errors added in quadrature).</summary>
    public Histogram1D ProjectionX()
    {
        var projection = new Histogram1D(XAxis);
        for (int ix = 0; ix < XAxis.BinCount; ix++)
        {
            double sum = 0, sum2 = 0;
            for (int iy = 0; iy < YAxis.BinCount; iy++)
            {
                sum += _sumWeights[(iy + 1) * _stride + ix + 1];
                sum2 += _sumWeightsSquared[(iy + 1) * _stride + ix + 1];
            }

            projection.SetBin(ix, sum, sum2);
        }

        return projection;
    }

    private int Cell(int ix, int iy)
    {
        if ((uint)ix >= (uint)XAxis.BinCount || (uint)iy >= (uint)YAxis.BinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(ix), $"bin ({ix}, {iy}) outside [0, {XAxis.BinCount}) x [0, {YAxis.BinCount})");
        }

        return (iy + 1) * _stride + ix + 1;
    }
}
