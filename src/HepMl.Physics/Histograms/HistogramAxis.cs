namespace HepMl.Physics.Histograms;

/// <summary>
/// The bin edges of a histogram axis: uniform or variable. Bins are half-open [low, high) like ROOT's: a value equal to
/// the upper edge is overflow.
/// </summary>
public sealed class HistogramAxis : IEquatable<HistogramAxis>
{
    private readonly double[] _edges;
    private readonly bool _uniform;

    /// <summary>A uniform axis of <paramref name="bins"/> bins over [<paramref name="lower"/>, <paramref name="upper"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">bins &lt; 1, or the range is empty or not finite.</exception>
    public HistogramAxis(int bins, double lower, double upper)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(upper > lower))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), $"the axis range must be finite with upper > lower; got [{lower}, {upper})");
        }

        _edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
        {
            _edges[i] = lower + (upper - lower) * i / bins;
        }

        _uniform = true;
    }

    /// <summary>A variable-width axis with the given increasing edges.</summary>
    /// <exception cref="ArgumentException">Fewer than two edges, or edges not finite and strictly increasing.</exception>
    public HistogramAxis(ReadOnlySpan<double> edges)
    {
        if (edges.Length < 2)
        {
            throw new ArgumentException($"an axis needs at least 2 edges; got {edges.Length}", nameof(edges));
        }

        for (int i = 0; i < edges.Length; i++)
        {
            if (!double.IsFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1])))
            {
                throw new ArgumentException($"edges must be finite and strictly increasing; edge {i} is {edges[i]}", nameof(edges));
            }
        }

        _edges = edges.ToArray();
    }

    /// <summary>Number of in-range bins.</summary>
    public int BinCount => _edges.Length - 1;

    /// <summary>Lower edge of the first bin.</summary>
    public double Lower => _edges[0];

    /// <summary>Upper edge of the last bin.</summary>
    public double Upper => _edges[^1];

    /// <summary>All edges (BinCount + 1).</summary>
    public ReadOnlySpan<double> Edges => _edges;

    /// <summary>Centre of bin <paramref name="bin"/>.</summary>
    public double BinCentre(int bin) => 0.5 * (_edges[bin] + _edges[bin + 1]);

    /// <summary>Width of bin <paramref name="bin"/>.</summary>
    public double BinWidth(int bin) => _edges[bin + 1] - _edges[bin];

    /// <summary>The bin of <paramref name="x"/>: 0..BinCount−1, −1 for underflow, BinCount for overflow (NaN: −2).</summary>
    public int FindBin(double x)
    {
        if (double.IsNaN(x))
        {
            return -2;
        }

        if (x < _edges[0])
        {
            return -1;
        }

        if (x >= _edges[^1])
        {
            return BinCount;
        }

        if (_uniform)
        {
            int bin = (int)((x - _edges[0]) / (_edges[^1] - _edges[0]) * BinCount);
            // Rounding can put x one bin off near an edge; settle it against the stored edges.
            if (bin >= BinCount)
            {
                bin = BinCount - 1;
            }

            if (x < _edges[bin])
            {
                bin--;
            }
            else if (x >= _edges[bin + 1])
            {
                bin++;
            }

            return bin;
        }

        int index = Array.BinarySearch(_edges, x);
        return index >= 0 ? index : ~index - 1;
    }

    /// <inheritdoc />
    public bool Equals(HistogramAxis? other) => other is not null && _edges.AsSpan().SequenceEqual(other._edges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HistogramAxis);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BinCount, Lower, Upper);
}
