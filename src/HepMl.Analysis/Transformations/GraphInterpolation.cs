namespace HepMl.Analysis.Transformations;

/// <summary>Interpolation through the points of a graph with increasing x, as TMVA's spline classes evaluate them.</summary>
public static class GraphInterpolation
{
    /// <summary>
    /// TMVA <c>TSpline1::Eval</c>: linear interpolation through points with increasing x, using the segment to the
    /// right of the largest point not above x (the left one at the last point), extrapolating beyond the ends.
    /// </summary>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths.</exception>
    public static double Linear(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double x)
    {
        int n = xs.Length;
        if (n == 0 || ys.Length != n)
        {
            throw new ArgumentException($"{xs.Length} x values and {ys.Length} y values; both must be equal and non-zero", nameof(ys));
        }

        int i = LargestIndexNotAbove(xs, x);
        if (i < 0)
        {
            i = 0;
        }

        if (n == 1)
        {
            return ys[0];
        }

        int next = (x > xs[i] && i != n - 1) || i == 0 ? i + 1 : i - 1;
        double dx = xs[i] - xs[next];
        double dy = ys[i] - ys[next];
        return ys[i] + ((x - xs[i]) * dy / dx);
    }

    /// <summary>The largest i with xs[i] ≤ x (xs increasing), or -1 when x is below every value.</summary>
    public static int LargestIndexNotAbove(ReadOnlySpan<double> xs, double x)
    {
        int lo = 0, hi = xs.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (xs[mid] <= x)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
