using HepMl.Analysis.Autodiff;
using HepMl.Analysis.Tensors;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Tensors;

/// <summary>
/// Central finite differences against the analytic gradient. The output is projected on fixed random weights r
/// (L = Σ r·y, accumulated in double) so any output shape reduces to a scalar; each input element is nudged by ±h
/// and (L(x+h) - L(x-h)) / 2h is compared with the gradient from Backward().
/// </summary>
internal static class GradientChecker
{
    public static void Check(Func<Tensor[], Tensor> function, Tensor[] inputs, double h = 1e-2, double rel = 2e-2, double abs = 2e-3, int[]? checkInputs = null)
    {
        foreach (Tensor input in inputs)
        {
            input.RequiresGrad = true;
            input.ZeroGrad();
        }

        Tensor output = function(inputs);
        var random = new RandomSource(99);
        float[] projection = new float[output.Length];
        random.FillUniform(projection, -1f, 1f);
        output.Backward(projection);

        for (int k = 0; k < inputs.Length; k++)
        {
            if (checkInputs is not null && Array.IndexOf(checkInputs, k) < 0)
            {
                continue;
            }

            Tensor input = inputs[k];
            Assert.That(input.Grad, Is.Not.Null, $"input {k} received no gradient");
            float[] analytic = input.Grad!.ToArray();
            Span<float> values = input.Span;
            for (int i = 0; i < values.Length; i++)
            {
                float original = values[i];
                values[i] = (float)(original + h);
                double plus = Project(function, inputs, projection);
                values[i] = (float)(original - h);
                double minus = Project(function, inputs, projection);
                values[i] = original;
                double numeric = (plus - minus) / (2 * h);
                if (Math.Abs(numeric - analytic[i]) > Math.Max(abs, rel * Math.Abs(numeric)))
                {
                    Assert.Fail($"input {k} element {i}: finite difference {numeric:G6}, backward {analytic[i]:G6}");
                }
            }
        }
    }

    private static double Project(Func<Tensor[], Tensor> function, Tensor[] inputs, float[] projection)
    {
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        Tensor y = function(inputs);
        ReadOnlySpan<float> values = y.Span;
        double total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            total += (double)projection[i] * values[i];
        }

        return total;
    }

    public static Tensor Random(int seed, params int[] shape) =>
        Tensor.Uniform(new TensorShape(shape), -1f, 1f, new RandomSource((ulong)seed));

    /// <summary>Random values kept away from 0 by at least 0.1 (for kinks at 0).</summary>
    public static Tensor AwayFromZero(int seed, params int[] shape)
    {
        Tensor t = Random(seed, shape);
        Span<float> v = t.Span;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = v[i] >= 0 ? v[i] + 0.1f : v[i] - 0.1f;
        }

        return t;
    }
}
