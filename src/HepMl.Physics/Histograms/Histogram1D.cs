namespace HepMl.Physics.Histograms;

/// <summary>
/// A weighted one-dimensional histogram with per-bin errors sqrt(Σw²), underflow and overflow (like ROOT's TH1D with
/// Sumw2). Mean and standard deviation are computed from the filled values in range (not from bin centres).
/// </summary>
/// <remarks>
/// A NaN value is not put in any bin; it is counted in <see cref="NaNCount"/>. A NaN or infinite weight raises
/// <see cref="ArgumentException"/>. Not thread-safe.
/// </remarks>
public sealed class Histogram1D
{
    private readonly double[] _sumWeights;
    private readonly double[] _sumWeightsSquared;
    private double _sumWeightX;
    private double _sumWeightX2;

    /// <summary>Creates an empty histogram on <paramref name="axis"/>.</summary>
    public Histogram1D(HistogramAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        Axis = axis;
        _sumWeights = new double[axis.BinCount + 2];
        _sumWeightsSquared = new double[axis.BinCount + 2];
    }

    /// <summary>Creates an empty histogram of uniform bins.</summary>
    public Histogram1D(int bins, double lower, double upper)
        : this(new HistogramAxis(bins, lower, upper))
    {
    }

    /// <summary>The axis.</summary>
    public HistogramAxis Axis { get; }

    /// <summary>Number of fills (including under/overflow, excluding NaN values).</summary>
    public long Entries { get; private set; }

    /// <summary>Number of NaN values passed to Fill.</summary>
    public long NaNCount { get; private set; }

    /// <summary>Sum of weights below the axis.</summary>
    public double Underflow => _sumWeights[0];

    /// <summary>Sum of weights at or above the upper edge.</summary>
    public double Overflow => _sumWeights[^1];

    /// <summary>Adds <paramref name="x"/> with weight <paramref name="weight"/>.</summary>
    public void Fill(double x, double weight = 1.0)
    {
        if (!double.IsFinite(weight))
        {
            throw new ArgumentException($"weights must be finite; got {weight} for x = {x}", nameof(weight));
        }

        int bin = Axis.FindBin(x);
        if (bin == -2)
        {
            NaNCount++;
            return;
        }

        int slot = bin + 1;
        _sumWeights[slot] += weight;
        _sumWeightsSquared[slot] += weight * weight;
        Entries++;
        if (bin >= 0 && bin < Axis.BinCount)
        {
            _sumWeightX += weight * x;
            _sumWeightX2 += weight * x * x;
        }
    }

    /// <summary>Adds many values, with weights (same length) or unit weights (empty).</summary>
    /// <exception cref="ArgumentException">Lengths differ or a weight is not finite.</exception>
    public void Fill(ReadOnlySpan<double> values, ReadOnlySpan<double> weights = default)
    {
        if (!weights.IsEmpty && weights.Length != values.Length)
        {
            throw new ArgumentException($"{weights.Length} weights for {values.Length} values", nameof(weights));
        }

        for (int i = 0; i < values.Length; i++)
        {
            Fill(values[i], weights.IsEmpty ? 1.0 : weights[i]);
        }
    }

    /// <summary>Sum of weights in bin <paramref name="bin"/> (0-based, in range).</summary>
    public double BinContent(int bin) => _sumWeights[CheckBin(bin) + 1];

    /// <summary>sqrt(Σw²) of bin <paramref name="bin"/>.</summary>
    public double BinError(int bin) => Math.Sqrt(_sumWeightsSquared[CheckBin(bin) + 1]);

    /// <summary>Σw² of bin <paramref name="bin"/>.</summary>
    public double BinSumOfSquaredWeights(int bin) => _sumWeightsSquared[CheckBin(bin) + 1];

    /// <summary>Sum of in-range weights.</summary>
    public double Integral()
    {
        double sum = 0;
        for (int i = 1; i <= Axis.BinCount; i++)
        {
            sum += _sumWeights[i];
        }

        return sum;
    }

    /// <summary>Weighted mean of the in-range filled values (NaN if the in-range weight is 0).</summary>
    public double Mean
    {
        get
        {
            double w = Integral();
            return w == 0 ? double.NaN : _sumWeightX / w;
        }
    }

    /// <summary>Weighted standard deviation of the in-range filled values.</summary>
    public double StandardDeviation
    {
        get
        {
            double w = Integral();
            if (w == 0)
            {
                return double.NaN;
            }

            double mean = _sumWeightX / w;
            return Math.Sqrt(Math.Max(0, _sumWeightX2 / w - mean * mean));
        }
    }

    /// <summary>Multiplies contents by <paramref name="factor"/> (and Σw² by its square).</summary>
    public void Scale(double factor)
    {
        for (int i = 0; i < _sumWeights.Length; i++)
        {
            _sumWeights[i] *= factor;
            _sumWeightsSquared[i] *= factor * factor;
        }

        _sumWeightX *= factor;
        _sumWeightX2 *= factor;
    }

    /// <summary>Adds <paramref name="factor"/> × <paramref name="other"/> (errors added in quadrature).</summary>
    /// <exception cref="ArgumentException">The axes differ.</exception>
    public void Add(Histogram1D other, double factor = 1.0)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Axis.Equals(other.Axis))
        {
            throw new ArgumentException($"cannot add histograms with different axes ({Axis.BinCount} bins [{Axis.Lower}, {Axis.Upper}) vs {other.Axis.BinCount} bins [{other.Axis.Lower}, {other.Axis.Upper}))", nameof(other));
        }

        for (int i = 0; i < _sumWeights.Length; i++)
        {
            _sumWeights[i] += factor * other._sumWeights[i];
            _sumWeightsSquared[i] += factor * factor * other._sumWeightsSquared[i];
        }

        _sumWeightX += factor * other._sumWeightX;
        _sumWeightX2 += factor * other._sumWeightX2;
        Entries += other.Entries;
        NaNCount += other.NaNCount;
    }

    /// <summary>Sets a bin's sums directly (projections); the value statistics are left unchanged.</summary>
    internal void SetBin(int bin, double sumWeights, double sumWeightsSquared)
    {
        _sumWeights[CheckBin(bin) + 1] = sumWeights;
        _sumWeightsSquared[bin + 1] = sumWeightsSquared;
    }

    private int CheckBin(int bin)
    {
        if ((uint)bin >= (uint)Axis.BinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(bin), bin, $"bin must be in [0, {Axis.BinCount})");
        }

        return bin;
    }
}
