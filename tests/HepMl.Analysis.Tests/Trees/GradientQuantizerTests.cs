using HepMl.Analysis.Trees.Internal;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>The integer gradient pairs of the histogram search: rounding within one level, no bias, no overflow.</summary>
public class GradientQuantizerTests
{
    private static readonly ParallelOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    [Test]
    public void Quantize_RoundsEveryValueToANeighbouringLevel_ForBothSigns()
    {
        var random = new Random(3);
        foreach (int n in new[] { 1, 3, 4, 7, 1001, 70_001 })
        {
            var pairs = new GradientPair[n];
            for (int i = 0; i < n; i++)
            {
                pairs[i] = new GradientPair((float)((random.NextDouble() - 0.5) * 4), (float)((random.NextDouble() - 0.2) * 0.3));
            }

            var packed = new long[n];
            (double gradientStep, double hessianStep) = GradientQuantizer.Quantize(pairs, packed, n, 99, TwoThreads);
            int levels = GradientQuantizer.Levels(n);
            Assert.That(levels, Is.EqualTo(Math.Min(1 << 16, (int.MaxValue / n) - 1)), $"levels for {n} events");
            double gradientMax = pairs.Max(p => Math.Abs(p.Gradient)), hessianMax = pairs.Max(p => Math.Abs(p.Hessian));
            Assert.That(gradientStep, Is.EqualTo(gradientMax / levels).Within(1e-6 * gradientMax / levels));
            Assert.That(hessianStep, Is.EqualTo(hessianMax / levels).Within(1e-6 * hessianMax / levels));
            for (int i = 0; i < n; i++)
            {
                double g = pairs[i].Gradient / gradientStep, h = pairs[i].Hessian / hessianStep;
                long qg = GradientQuantizer.Gradient(packed[i]), qh = GradientQuantizer.Hessian(packed[i]);
                Assert.That(qg, Is.InRange(Math.Floor(g - 1e-3), Math.Ceiling(g + 1e-3)), $"gradient of event {i} of {n}");
                Assert.That(qh, Is.InRange(Math.Floor(h - 1e-3), Math.Ceiling(h + 1e-3)), $"hessian of event {i} of {n}");
            }
        }
    }

    [Test]
    public void Quantize_IsUnbiased_ForValuesBetweenLevels()
    {
        // One event sets the scale (value 1 = `levels` levels); the others sit 0.3 and -0.7 levels off a level.
        const int n = 200_001;
        int levels = GradientQuantizer.Levels(n);
        var pairs = new GradientPair[n];
        pairs[0] = new GradientPair(1f, 1f);
        float gradient = (float)(10.3 / levels), hessian = (float)(-4.7 / levels);
        for (int i = 1; i < n; i++)
        {
            pairs[i] = new GradientPair(gradient, hessian);
        }

        var packed = new long[n];
        (double gradientStep, double hessianStep) = GradientQuantizer.Quantize(pairs, packed, n, 7, TwoThreads);
        long sum = 0;
        for (int i = 1; i < n; i++)
        {
            sum += packed[i];
        }

        // Stochastic rounding: each value rounds up with probability equal to its fraction; the mean is exact up to the
        // binomial spread (sqrt(0.21 / n) of a level, about 0.001).
        double meanGradient = GradientQuantizer.Gradient(sum) / (double)(n - 1), meanHessian = GradientQuantizer.Hessian(sum) / (double)(n - 1);
        Assert.That(meanGradient * gradientStep, Is.EqualTo(gradient).Within(0.006 * gradientStep));
        Assert.That(meanHessian * hessianStep, Is.EqualTo(hessian).Within(0.006 * hessianStep));
    }

    [Test]
    public void PackedSums_DecodeExactly_AtTheLargestTotals()
    {
        // Every event at the extreme level of each sign: the sums reach n·(L+1), still inside 32 bits.
        foreach (int n in new[] { 1, 2, 1000, 3_000_000 })
        {
            int levels = GradientQuantizer.Levels(n);
            foreach ((int g, int h) in new[] { (levels + 1, levels + 1), (-(levels + 1), levels + 1), (levels + 1, -(levels + 1)), (-(levels + 1), -(levels + 1)) })
            {
                long word = GradientQuantizer.Pack(g, h), sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += word;
                }

                Assert.That(GradientQuantizer.Gradient(sum), Is.EqualTo((long)g * n), $"gradient sum, {n} events of ({g}, {h})");
                Assert.That(GradientQuantizer.Hessian(sum), Is.EqualTo((long)h * n), $"hessian sum, {n} events of ({g}, {h})");
            }
        }
    }
}
