using System.Runtime.Intrinsics;
using HepMl.Analysis.Trees.Internal;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Trees;

/// <summary>The vectorised logistic function and the logistic gradient pairs against the formula in double.</summary>
public class LogisticFunctionTests
{
    private static double Reference(double x) => 1.0 / (1.0 + Math.Exp(-x));

    [Test]
    public void Evaluate_MatchesDoubleFormula_ToAFewFloatUlps()
    {
        var random = new Random(5);
        var values = new List<float> { 0f, -0f, 1e-8f, -1e-8f, 0.5f, -0.5f, 20f, -20f, 86.9f, -86.9f, 87f, -87f, 88f, -88f, 1000f, -1000f, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity };
        for (int i = 0; i < 20000; i++)
        {
            values.Add((float)((random.NextDouble() - 0.5) * (i % 2 == 0 ? 20 : 200)));
        }

        while (values.Count % 8 != 0)
        {
            values.Add(0.25f);
        }

        for (int i = 0; i < values.Count; i += 8)
        {
            Vector256<float> result = LogisticFunction.Evaluate(Vector256.Create(values.ToArray(), i));
            for (int lane = 0; lane < 8; lane++)
            {
                float x = values[i + lane];
                double expected = Reference(x);
                double actual = result[lane];
                Assert.That(Math.Abs(actual - expected), Is.LessThanOrEqualTo(Math.Max(4e-7 * expected, 2e-38)), $"x = {x:R}");
                Assert.That(actual, Is.InRange(0.0, 1.0), $"x = {x:R}");
            }
        }
    }

    [Test]
    public void LogisticPairs_GiveWeightedGradientAndHessian_ForEveryLane()
    {
        var random = new Random(6);
        const int n = 37; // four vectors and a scalar tail
        var margins = new float[n];
        var labels = new float[n];
        var weights = new float[n];
        for (int i = 0; i < n; i++)
        {
            margins[i] = (float)((random.NextDouble() - 0.5) * 12);
            labels[i] = random.Next(2);
            weights[i] = (float)(random.NextDouble() * 3 - 1);
        }

        // Float arithmetic: p carries a few 1e-8 of absolute error, and so do p - y and p(1 - p).
        var pairs = new GradientPair[n];
        Objectives.LogisticPairs(margins, labels, weights, pairs);
        for (int i = 0; i < n; i++)
        {
            double p = Reference(margins[i]);
            double gradient = weights[i] * (p - labels[i]);
            double hessian = weights[i] * Math.Max(p * (1 - p), 1e-16);
            Assert.That(pairs[i].Gradient, Is.EqualTo(gradient).Within(3e-7 * Math.Abs(weights[i])), $"gradient of event {i}");
            Assert.That(pairs[i].Hessian, Is.EqualTo(hessian).Within(3e-7 * Math.Abs(weights[i])), $"hessian of event {i}");
        }
    }
}
