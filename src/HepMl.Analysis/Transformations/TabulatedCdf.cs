namespace HepMl.Analysis.Transformations;

/// <summary>
/// A cumulative distribution tabulated on equal bins over [<see cref="Minimum"/>, <see cref="Maximum"/>) and read by
/// linear interpolation between bin centres: TMVA's high-binned reference histogram of a <c>PDF</c>
/// (<c>PDF::GetVal</c>), the form in which <see cref="Gaussianisation"/> keeps each variable's CDF.
/// </summary>
/// <remarks>
/// <see cref="Evaluate"/> follows <c>PDF::GetVal</c>: the bin is clamped to the table, the neighbour is the next bin
/// when x lies right of the centre (or in the first bin), else the previous one, and the result is floored at 1e-12.
/// Table values are single precision like ROOT's <c>TH1F</c>.
/// </remarks>
public sealed class TabulatedCdf
{
    /// <summary>Number of bins TMVA uses for its high-binned PDF histograms (<c>PDF::fgNbin_PdfHist</c>).</summary>
    public const int DefaultBinCount = 10000;

    /// <summary>Lower floor of every value (TMVA <c>PDF::fgEpsilon</c>).</summary>
    public const double Epsilon = 1e-12;

    private readonly float[] _values;

    /// <summary>Creates the table.</summary>
    /// <exception cref="ArgumentException">Fewer than two bins, a non-finite value, or <paramref name="maximum"/> ≤ <paramref name="minimum"/>.</exception>
    public TabulatedCdf(double minimum, double maximum, IReadOnlyList<float> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(maximum > minimum) || !double.IsFinite(minimum) || !double.IsFinite(maximum))
        {
            throw new ArgumentException($"the table range [{minimum}, {maximum}) is empty or not finite", nameof(maximum));
        }

        if (values.Count < 2)
        {
            throw new ArgumentException($"a tabulated CDF needs at least 2 bins; got {values.Count}", nameof(values));
        }

        _values = values.ToArray();
        foreach (float value in _values)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException($"a tabulated CDF value is {value}", nameof(values));
            }
        }

        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Lower edge of the table.</summary>
    public double Minimum { get; }

    /// <summary>Upper edge of the table.</summary>
    public double Maximum { get; }

    /// <summary>Number of bins.</summary>
    public int BinCount => _values.Length;

    /// <summary>The tabulated values, bin 0 first.</summary>
    public IReadOnlyList<float> Values => _values;

    /// <summary>The interpolated value at <paramref name="x"/> (TMVA: <c>PDF::GetVal</c>).</summary>
    public double Evaluate(double x)
    {
        int n = _values.Length;
        int bin = FindBin(x);
        if (bin < 1)
        {
            bin = 1;
        }

        if (bin > n)
        {
            bin = n;
        }

        int next = (x > Centre(bin) && bin != n) || bin == 1 ? bin + 1 : bin - 1;
        double dx = Centre(bin) - Centre(next);
        double dy = (double)_values[bin - 1] - _values[next - 1];
        double value = _values[bin - 1] + ((x - Centre(bin)) * dy / dx);
        return Math.Max(value, Epsilon);
    }

    /// <summary>
    /// The x at which the table reaches <paramref name="y"/>, for an increasing table (TMVA:
    /// <c>PDF::GetValInverse</c> with a bisection over bin contents and linear interpolation between centres).
    /// </summary>
    public double Inverse(double y)
    {
        int n = _values.Length;
        int higher = n, lower = 0;
        double lowerValue = 0, higherValue = 0;
        int bin = higher / 2;
        while (bin > lower && bin < higher)
        {
            double content = BinContent(bin);
            if (y < content)
            {
                higher = bin;
                higherValue = content;
            }
            else
            {
                lower = bin;
                lowerValue = content;
            }

            bin = lower + ((higher - lower) / 2);
        }

        double xLower = Centre(lower);
        double xHigher = Centre(higher);
        double length = higherValue - lowerValue;
        double fraction = length > 1e-10 ? (y - lowerValue) / length : lowerValue;
        return xLower + ((xHigher - xLower) * fraction);
    }

    /// <summary>
    /// Builds the table TMVA builds from a histogram with a linear spline (<c>PDF::kSpline1</c>, no normalisation):
    /// each of <paramref name="binCount"/> equal bins takes the spline through the histogram's (bin centre,
    /// content) points at its centre, or the histogram content when the spline is ≤ 1e-12, floored at 1e-12.
    /// </summary>
    /// <param name="edges">Histogram bin edges, increasing (n + 1 values).</param>
    /// <param name="contents">Histogram contents (n values), as single precision.</param>
    /// <param name="binCount">Bins of the table.</param>
    /// <exception cref="ArgumentException">Lengths disagree or edges do not increase.</exception>
    public static TabulatedCdf FromHistogramLinearSpline(
        IReadOnlyList<double> edges, IReadOnlyList<float> contents, int binCount = DefaultBinCount)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(contents);
        int n = contents.Count;
        if (n < 1 || edges.Count != n + 1)
        {
            throw new ArgumentException($"{edges.Count} edges for {n} bins; expected {n + 1}", nameof(edges));
        }

        for (int i = 0; i < n; i++)
        {
            if (!(edges[i + 1] > edges[i]))
            {
                throw new ArgumentException($"bin edges must increase; edge {i + 1} is {edges[i + 1]} after {edges[i]}", nameof(edges));
            }
        }

        var centres = new double[n];
        var heights = new double[n];
        for (int i = 0; i < n; i++)
        {
            centres[i] = edges[i] + (0.5 * (edges[i + 1] - edges[i]));
            heights[i] = contents[i];
        }

        double minimum = edges[0], maximum = edges[n];
        double width = (maximum - minimum) / binCount;
        var table = new float[binCount];
        for (int bin = 1; bin <= binCount; bin++)
        {
            double x = minimum + ((bin - 1) * width) + (0.5 * width);
            double y = GraphInterpolation.Linear(centres, heights, x);
            if (y <= Epsilon)
            {
                int source = FindVariableBin(edges, x);
                y = source >= 1 && source <= n ? contents[source - 1] : 0.0;
            }

            table[bin - 1] = (float)Math.Max(y, Epsilon);
        }

        return new TabulatedCdf(minimum, maximum, table);
    }

    /// <summary>ROOT <c>TAxis::FindBin</c> on variable edges: 0 below, n + 1 at or above the last edge.</summary>
    internal static int FindVariableBin(IReadOnlyList<double> edges, double x)
    {
        int n = edges.Count - 1;
        if (x < edges[0])
        {
            return 0;
        }

        if (!(x < edges[n]))
        {
            return n + 1;
        }

        int lo = 0, hi = n, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (edges[mid] <= x)
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

    private double BinContent(int bin) => bin >= 1 && bin <= _values.Length ? _values[bin - 1] : 0.0;

    private int FindBin(double x)
    {
        if (x < Minimum)
        {
            return 0;
        }

        if (!(x < Maximum))
        {
            return _values.Length + 1;
        }

        return 1 + (int)(_values.Length * (x - Minimum) / (Maximum - Minimum));
    }

    private double Centre(int bin)
    {
        double width = (Maximum - Minimum) / _values.Length;
        return Minimum + ((bin - 1) * width) + (0.5 * width);
    }
}
