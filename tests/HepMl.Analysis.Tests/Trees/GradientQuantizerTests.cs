using HepMl.Analysis.Trees.Internal;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>The integer gradient pairs of the histogram search: rounding within one step, no bias, no overflow, and
/// resolution kept when a few events carry huge weights.</summary>
public class GradientQuantizerTests
{
    private static readonly ParallelOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    private static (long Gradient, long Hessian) AbsoluteIntegerSums(long[] packed)
    {
        long g = 0, h = 0;
        foreach (long word in packed)
        {
            g += Math.Abs(GradientQuantizer.Gradient(word));
            h += Math.Abs(GradientQuantizer.Hessian(word));
        }

        return (g, h);
    }

    [Test]
    public void Quantize_RoundsEveryValueToANeighbouringStep_ForBothSigns()
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
            (double gradientStep, double hessianStep) = GradientQuantizer.Quantize(pairs, packed, 99, TwoThreads);

            // The step is Σ|x| / (2^31 - 1 - n - reserve): the integers use nearly all of 31 bits.
            double gradientSum = pairs.Sum(p => Math.Abs((double)p.Gradient)), hessianSum = pairs.Sum(p => Math.Abs((double)p.Hessian));
            Assert.That(gradientSum / gradientStep, Is.InRange(0.999 * (int.MaxValue - n), int.MaxValue - n), $"gradient levels, {n} events");
            Assert.That(hessianSum / hessianStep, Is.InRange(0.999 * (int.MaxValue - n), int.MaxValue - n), $"hessian levels, {n} events");
            for (int i = 0; i < n; i++)
            {
                double g = pairs[i].Gradient / gradientStep, h = pairs[i].Hessian / hessianStep;
                long qg = GradientQuantizer.Gradient(packed[i]), qh = GradientQuantizer.Hessian(packed[i]);
                Assert.That(qg, Is.InRange(Math.Floor(g - (1e-6 * Math.Abs(g))), Math.Ceiling(g + (1e-6 * Math.Abs(g)))), $"gradient of event {i} of {n}");
                Assert.That(qh, Is.InRange(Math.Floor(h - (1e-6 * Math.Abs(h))), Math.Ceiling(h + (1e-6 * Math.Abs(h)))), $"hessian of event {i} of {n}");
            }

            (long gradientTotal, long hessianTotal) = AbsoluteIntegerSums(packed);
            Assert.That(gradientTotal, Is.LessThan(int.MaxValue), $"Σ|q_g|, {n} events");
            Assert.That(hessianTotal, Is.LessThan(int.MaxValue), $"Σ|q_h|, {n} events");
        }
    }

    [Test]
    public void Quantize_IsUnbiased_ForValuesBetweenSteps()
    {
        // A million events make the step large enough that each value sits between two integers.
        const int n = 1_000_001;
        var pairs = new GradientPair[n];
        for (int i = 0; i < n; i++)
        {
            pairs[i] = new GradientPair(i % 2 == 0 ? 0.37f : -0.21f, i % 3 == 0 ? 0.11f : 0.05f);
        }

        var packed = new long[n];
        (double gradientStep, double hessianStep) = GradientQuantizer.Quantize(pairs, packed, 7, TwoThreads);
        Assert.That(0.37 / gradientStep % 1, Is.InRange(0.05, 0.95), "the value lies between two steps");

        long sum = 0;
        foreach (long word in packed)
        {
            sum += word;
        }

        // Stochastic rounding: each value rounds up with probability equal to its fraction; the sum is exact up to the
        // binomial spread (at most sqrt(n / 4) = 500 steps).
        double expectedGradient = pairs.Sum(p => (double)p.Gradient), expectedHessian = pairs.Sum(p => (double)p.Hessian);
        Assert.That(GradientQuantizer.Gradient(sum) * gradientStep, Is.EqualTo(expectedGradient).Within(2500 * gradientStep));
        Assert.That(GradientQuantizer.Hessian(sum) * hessianStep, Is.EqualTo(expectedHessian).Within(2500 * hessianStep));
        Assert.That(Math.Abs(GradientQuantizer.Gradient(sum) * gradientStep - expectedGradient), Is.GreaterThan(0), "the sum is not trivially exact");
    }

    [Test]
    public void Quantize_KeepsResolution_WhenOneEventCarriesAHugeWeight()
    {
        // 100 000 events of weight 1 and one of weight 1e6: the step follows Σ|g| (about 1.05e6), not the largest value,
        // so an ordinary event still spans thousands of steps.
        const int n = 100_001;
        var pairs = new GradientPair[n];
        for (int i = 0; i < n - 1; i++)
        {
            pairs[i] = new GradientPair(0.5f, 0.25f);
        }

        pairs[n - 1] = new GradientPair(0.5e6f, 0.25e6f);
        var packed = new long[n];
        (double gradientStep, _) = GradientQuantizer.Quantize(pairs, packed, 5, TwoThreads);
        Assert.That(0.5 / gradientStep, Is.GreaterThan(900), "steps in an ordinary event's gradient");
        (long gradientTotal, long hessianTotal) = AbsoluteIntegerSums(packed);
        Assert.That(gradientTotal, Is.LessThan(int.MaxValue));
        Assert.That(hessianTotal, Is.LessThan(int.MaxValue));
    }

    [Test]
    public void PackedSums_DecodeExactly_ForEverySignAtThe31BitLimit()
    {
        foreach (int n in new[] { 1, 2, 1000, 3_000_000 })
        {
            int level = (int)((int.MaxValue - 1L) / n);
            foreach ((int g, int h) in new[] { (level, level), (-level, level), (level, -level), (-level, -level), (level, 0), (0, -level) })
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
