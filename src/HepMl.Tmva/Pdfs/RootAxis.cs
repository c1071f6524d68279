namespace HepMl.Tmva.Pdfs;

/// <summary>
/// A ROOT histogram axis (<c>TAxis</c>): equal bins on [xmin, xmax) or explicit edges; bin 0 is underflow and
/// bin n + 1 overflow. <see cref="FindBin"/> and <see cref="Centre"/> use ROOT's formulas so values match bit for bit.
/// </summary>
internal sealed class RootAxis
{
    private readonly double[]? _edges;

    private RootAxis(int binCount, double minimum, double maximum, double[]? edges)
    {
        BinCount = binCount;
        Minimum = minimum;
        Maximum = maximum;
        _edges = edges;
    }

    public int BinCount { get; }

    public double Minimum { get; }

    public double Maximum { get; }

    public bool IsEquidistant => _edges is null;

    public static RootAxis Fixed(int binCount, double minimum, double maximum) => new(binCount, minimum, maximum, null);

    public static RootAxis Variable(double[] edges) => new(edges.Length - 1, edges[0], edges[^1], edges);

    /// <summary>ROOT <c>TAxis::FindBin</c>.</summary>
    public int FindBin(double x)
    {
        if (x < Minimum)
        {
            return 0;
        }

        if (!(x < Maximum))
        {
            return BinCount + 1;
        }

        if (_edges is null)
        {
            return 1 + (int)(BinCount * (x - Minimum) / (Maximum - Minimum));
        }

        int lo = 0, hi = _edges.Length - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (_edges[mid] <= x)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found + 1;
    }

    /// <summary>ROOT <c>TAxis::GetBinCenter</c>.</summary>
    public double Centre(int bin)
    {
        if (_edges is null || bin < 1 || bin > BinCount)
        {
            double width = (Maximum - Minimum) / BinCount;
            return Minimum + ((bin - 1) * width) + (0.5 * width);
        }

        double binWidth = _edges[bin] - _edges[bin - 1];
        return _edges[bin - 1] + (0.5 * binWidth);
    }
}
