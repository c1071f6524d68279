using HepMl.Analysis.Transformations;

namespace HepMl.Tmva.Pdfs;

/// <summary>
/// TMVA <c>PDF::SmoothHistogram</c> on a single-precision histogram (<c>TH1F</c>): <c>TH1::Smooth(n)</c> when the
/// minimum and maximum smoothing counts agree, else the adaptive scheme driven by relative bin errors
/// (errors are <c>sqrt(|content|)</c>, the TH1F default without Sumw2).
/// </summary>
internal static class RootHistogramSmoothing
{
    public static void SmoothPdfHistogram(float[] contents, int minSmooth, int maxSmooth)
    {
        int n = contents.Length;
        if (n == 1)
        {
            return;
        }

        if (maxSmooth == minSmooth)
        {
            Smooth(contents, minSmooth);
            return;
        }

        float errorSum = 0, errorSquares = 0;
        int counted = 0;
        for (int bin = 0; bin < n; bin++)
        {
            double content = contents[bin];
            double error = Math.Sqrt(Math.Abs(content));
            if (content <= error)
            {
                continue;
            }

            float relative = (float)(error / content);
            errorSum += relative;
            errorSquares += relative * relative;
            counted++;
        }

        errorSum /= counted;
        float errorRms = MathF.Sqrt((errorSquares / counted) - (errorSum * errorSum));
        float maxError = errorSum + errorRms, minError = errorSum - errorRms;
        var smoothCount = new int[n];
        for (int bin = 0; bin < n; bin++)
        {
            double content = contents[bin];
            double error = Math.Sqrt(Math.Abs(content));
            int smooth;
            if (content <= error)
            {
                smooth = maxSmooth;
            }
            else
            {
                float relative = (float)(error / content);
                smooth = (int)((relative - minError) / (maxError - minError) * (maxSmooth - minSmooth)) + minSmooth;
            }

            smoothCount[bin] = Math.Max(minSmooth, Math.Min(maxSmooth, smooth));
        }

        for (int level = maxSmooth; level >= 0; level--)
        {
            if (level <= minSmooth)
            {
                Smooth(contents, 1);
                continue;
            }

            int minBin = -1, maxBin = -1;
            for (int bin = 0; bin < n; bin++)
            {
                if (smoothCount[bin] >= level)
                {
                    if (minBin == -1)
                    {
                        minBin = bin;
                    }
                    else
                    {
                        maxBin = bin;
                    }
                }
                else if (maxBin >= 0)
                {
                    // ROOT > 5.19: Smooth(1, "R") with no axis range set smooths the whole histogram.
                    Smooth(contents, 1);
                    minBin = maxBin = -1;
                }
                else
                {
                    minBin = -1;
                }
            }
        }
    }

    /// <summary><c>TH1::Smooth(times)</c>: at least 3 bins, computed in double, stored back as float.</summary>
    public static void Smooth(float[] contents, int times)
    {
        if (contents.Length < 3 || times <= 0)
        {
            return;
        }

        var values = new double[contents.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = contents[i];
        }

        HistogramSmoothing.Smooth353QHTwice(values, times);
        for (int i = 0; i < values.Length; i++)
        {
            contents[i] = (float)values[i];
        }
    }
}
