namespace HepMl.Analysis.Transformations;

/// <summary>
/// ROOT's histogram smoothing (<c>TH1::SmoothArray</c>, used by <c>TH1::Smooth</c>): J. Friedman's 353QH algorithm
/// applied twice (running medians of 3, 5 and 3, quadratic interpolation of flat runs, Hanning weights ¼ ½ ¼, then
/// the same on the residuals, which are added back).
/// </summary>
/// <remarks>
/// Reproduces the ROOT 5/6 implementation used by TMVA weight files (the flat-run interpolation steps towards the
/// steeper side, <c>|z[i+2] − z[i]| &gt; |z[i−2] − z[i]|</c>). When no input is negative the result is floored at 0.
/// Arrays shorter than 3 are left unchanged, as ROOT refuses to smooth them.
/// </remarks>
public static class HistogramSmoothing
{
    /// <summary>Smooths <paramref name="values"/> in place, <paramref name="times"/> passes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative.</exception>
    public static void Smooth353QHTwice(Span<double> values, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        int n = values.Length;
        if (n < 3)
        {
            return;
        }

        var yy = new double[n];
        var zz = new double[n];
        var rr = new double[n];
        Span<double> window = stackalloc double[5];
        for (int pass = 0; pass < times; pass++)
        {
            values.CopyTo(zz);
            for (int round = 0; round < 2; round++)
            {
                RunningMedians353(zz, yy, window);
                Array.Copy(zz, yy, n);
                InterpolateFlatRuns(zz, yy);
                for (int i = 1; i < n - 1; i++)
                {
                    zz[i] = (0.25 * yy[i - 1]) + (0.5 * yy[i]) + (0.25 * yy[i + 1]);
                }

                zz[0] = yy[0];
                zz[n - 1] = yy[n - 1];
                if (round == 0)
                {
                    Array.Copy(zz, rr, n);
                    for (int i = 0; i < n; i++)
                    {
                        zz[i] = values[i] - zz[i];
                    }
                }
            }

            double minimum = double.PositiveInfinity;
            foreach (double v in values)
            {
                minimum = Math.Min(minimum, v);
            }

            for (int i = 0; i < n; i++)
            {
                values[i] = minimum < 0 ? rr[i] + zz[i] : Math.Max(rr[i] + zz[i], 0.0);
            }
        }
    }

    private static void RunningMedians353(double[] zz, double[] yy, Span<double> window)
    {
        int n = zz.Length;
        for (int k = 0; k < 3; k++)
        {
            Array.Copy(zz, yy, n);
            int width = k != 1 ? 3 : 5;
            int first = k != 1 ? 1 : 2;
            int last = k != 1 ? n - 1 : n - 2;
            for (int i = first; i < last; i++)
            {
                for (int j = 0; j < width; j++)
                {
                    window[j] = yy[i - first + j];
                }

                zz[i] = Median(window[..width]);
            }

            if (k == 0)
            {
                window[0] = zz[1];
                window[1] = zz[0];
                window[2] = (3 * zz[1]) - (2 * zz[2]);
                zz[0] = Median(window[..3]);
                window[0] = zz[n - 2];
                window[1] = zz[n - 1];
                window[2] = (3 * zz[n - 2]) - (2 * zz[n - 3]);
                zz[n - 1] = Median(window[..3]);
            }

            if (k == 1)
            {
                for (int j = 0; j < 3; j++)
                {
                    window[j] = yy[j];
                }

                zz[1] = Median(window[..3]);
                for (int j = 0; j < 3; j++)
                {
                    window[j] = yy[n - 3 + j];
                }

                zz[n - 2] = Median(window[..3]);
            }
        }
    }

    private static void InterpolateFlatRuns(double[] zz, double[] yy)
    {
        int n = zz.Length;
        for (int i = 2; i < n - 2; i++)
        {
            if (zz[i - 1] != zz[i] || zz[i] != zz[i + 1])
            {
                continue;
            }

            double below = zz[i - 2] - zz[i];
            double above = zz[i + 2] - zz[i];
            if (below * above <= 0)
            {
                continue;
            }

            int step = Math.Abs(above) > Math.Abs(below) ? -1 : 1;
            yy[i] = (-0.5 * zz[i - (2 * step)]) + (zz[i] / 0.75) + (zz[i + (2 * step)] / 6.0);
            yy[i + step] = (0.5 * (zz[i + (2 * step)] - zz[i - (2 * step)])) + zz[i];
        }
    }

    /// <summary>Median of an odd-length window (ROOT <c>TMath::Median</c> without weights).</summary>
    private static double Median(Span<double> window)
    {
        Span<double> sorted = stackalloc double[window.Length];
        window.CopyTo(sorted);
        sorted.Sort();
        return sorted[window.Length / 2];
    }
}
