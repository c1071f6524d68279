using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>Gradients, hessians, starting margins and validation losses of the boosting objectives.</summary>
internal static class Objectives
{
    private const float HessianFloor = 1e-16f;

    /// <summary>Fills the gradient pairs of events [start, start + count) for every class (margins class-major,
    /// <c>margins[k * rows + i]</c>).</summary>
    public static void Gradients(
        BoostingObjective objective,
        float[] margins,
        int rows,
        int classCount,
        int[]? labels,
        float[]? labelValues,
        float[]? targets,
        float[] weights,
        double huberDelta,
        GradientPair[][] gradients,
        int start,
        int count)
    {
        switch (objective)
        {
            case BoostingObjective.BinaryLogistic:
            {
                LogisticPairs(margins.AsSpan(start, count), labelValues!.AsSpan(start, count), weights.AsSpan(start, count), gradients[0].AsSpan(start, count));
                break;
            }

            case BoostingObjective.MulticlassSoftmax:
            {
                Span<float> probabilities = stackalloc float[classCount];
                for (int i = start; i < start + count; i++)
                {
                    float max = float.NegativeInfinity;
                    for (int k = 0; k < classCount; k++)
                    {
                        probabilities[k] = margins[(k * rows) + i];
                        max = MathF.Max(max, probabilities[k]);
                    }

                    float total = 0;
                    for (int k = 0; k < classCount; k++)
                    {
                        probabilities[k] = MathF.Exp(probabilities[k] - max);
                        total += probabilities[k];
                    }

                    float w = weights[i];
                    int label = labels![i];
                    for (int k = 0; k < classCount; k++)
                    {
                        float probability = probabilities[k] / total;
                        float gradient = probability - (label == k ? 1f : 0f);
                        float hessian = MathF.Max(2f * probability * (1f - probability), HessianFloor);
                        gradients[k][i] = new GradientPair(w * gradient, w * hessian);
                    }
                }

                break;
            }

            case BoostingObjective.SquaredError:
            {
                GradientPair[] output = gradients[0];
                for (int i = start; i < start + count; i++)
                {
                    output[i] = new GradientPair(weights[i] * (margins[i] - targets![i]), weights[i]);
                }

                break;
            }

            case BoostingObjective.AbsoluteError:
            {
                GradientPair[] output = gradients[0];
                for (int i = start; i < start + count; i++)
                {
                    float residual = margins[i] - targets![i];
                    output[i] = new GradientPair(weights[i] * MathF.Sign(residual), weights[i]);
                }

                break;
            }

            case BoostingObjective.Huber:
            {
                GradientPair[] output = gradients[0];
                float delta = (float)huberDelta;
                for (int i = start; i < start + count; i++)
                {
                    float residual = Math.Clamp(margins[i] - targets![i], -delta, delta);
                    output[i] = new GradientPair(weights[i] * residual, weights[i]);
                }

                break;
            }
        }
    }

    /// <summary>g = w(p - y), h = w·max(p(1 - p), 1e-16), eight events per AVX2 vector (the scalar loop is its twin
    /// and handles the tail).</summary>
    /// <summary>Gradient w·(p - y) and hessian w·max(p(1 - p), floor) of each event, p = sigmoid(margin).</summary>
    internal static void LogisticPairs(ReadOnlySpan<float> margins, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights, Span<GradientPair> output)
    {
        int i = 0;
        if (Avx.IsSupported)
        {
            Span<float> pairs = MemoryMarshal.Cast<GradientPair, float>(output);
            Vector256<float> one = Vector256.Create(1f), floor = Vector256.Create(HessianFloor);
            for (; i + 8 <= margins.Length; i += 8)
            {
                Vector256<float> p = LogisticFunction.Evaluate(Vector256.Create(margins.Slice(i, 8)));
                Vector256<float> w = Vector256.Create(weights.Slice(i, 8));
                Vector256<float> g = w * (p - Vector256.Create(labels.Slice(i, 8)));
                Vector256<float> h = w * Vector256.Max(p * (one - p), floor);
                Vector256<float> low = Avx.UnpackLow(g, h), high = Avx.UnpackHigh(g, h);
                Avx.Permute2x128(low, high, 0x20).CopyTo(pairs.Slice(2 * i, 8));
                Avx.Permute2x128(low, high, 0x31).CopyTo(pairs.Slice((2 * i) + 8, 8));
            }
        }

        for (; i < margins.Length; i++)
        {
            float p = LogisticFunction.Evaluate(margins[i]), w = weights[i];
            output[i] = new GradientPair(w * (p - labels[i]), w * MathF.Max(p * (1f - p), HessianFloor));
        }
    }

    /// <summary>Starting margin per output.</summary>
    public static double[] BaseMargins(
        BoostingObjective objective, double? baseScore, int classCount, int[]? labels, float[]? targets, float[] weights, int[] eligible)
    {
        switch (objective)
        {
            case BoostingObjective.BinaryLogistic:
            {
                double p;
                if (baseScore is double given)
                {
                    p = given;
                }
                else
                {
                    double signal = 0, total = 0;
                    foreach (int i in eligible)
                    {
                        total += weights[i];
                        signal += labels![i] == 1 ? weights[i] : 0;
                    }

                    p = Math.Clamp(signal / total, 1e-6, 1 - 1e-6);
                }

                return [Math.Log(p / (1 - p))];
            }

            case BoostingObjective.MulticlassSoftmax:
            {
                var result = new double[classCount];
                if (baseScore is double given)
                {
                    result.AsSpan().Fill(given);
                    return result;
                }

                double total = 0;
                foreach (int i in eligible)
                {
                    result[labels![i]] += weights[i];
                    total += weights[i];
                }

                for (int k = 0; k < classCount; k++)
                {
                    result[k] = Math.Log(Math.Max(result[k] / total, 1e-6));
                }

                return result;
            }

            case BoostingObjective.SquaredError:
            {
                if (baseScore is double given)
                {
                    return [given];
                }

                double sum = 0, total = 0;
                foreach (int i in eligible)
                {
                    sum += weights[i] * (double)targets![i];
                    total += weights[i];
                }

                return [sum / total];
            }

            default:
            {
                if (baseScore is double given)
                {
                    return [given];
                }

                var values = new float[eligible.Length];
                var valueWeights = new float[eligible.Length];
                for (int j = 0; j < eligible.Length; j++)
                {
                    values[j] = targets![eligible[j]];
                    valueWeights[j] = Math.Abs(weights[eligible[j]]);
                }

                return [WeightedMedian(values, valueWeights, values.Length)];
            }
        }
    }

    /// <summary>The weighted median: the smallest value whose cumulative weight reaches half the total.
    /// Reorders the first <paramref name="count"/> entries.</summary>
    public static double WeightedMedian(float[] values, float[] weights, int count)
    {
        if (count == 0)
        {
            return 0;
        }

        Array.Sort(values, weights, 0, count);
        double total = 0;
        for (int i = 0; i < count; i++)
        {
            total += weights[i];
        }

        if (total <= 0)
        {
            return values[(count - 1) / 2];
        }

        double cumulative = 0;
        for (int i = 0; i < count; i++)
        {
            cumulative += weights[i];
            if (cumulative >= 0.5 * total)
            {
                return values[i];
            }
        }

        return values[count - 1];
    }

    /// <summary>Name of the loss metric of an objective.</summary>
    public static string LossName(BoostingObjective objective) => objective switch
    {
        BoostingObjective.BinaryLogistic => "logloss",
        BoostingObjective.MulticlassSoftmax => "mlogloss",
        BoostingObjective.SquaredError => "rmse",
        BoostingObjective.AbsoluteError => "mae",
        _ => "huber",
    };

    /// <summary>Weighted mean loss of margins (class-major) against labels or targets.</summary>
    public static double Loss(
        BoostingObjective objective, float[] margins, int rows, int classCount, ReadOnlySpan<int> labels,
        ReadOnlySpan<float> targets, ReadOnlySpan<float> weights, double huberDelta)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < rows; i++)
        {
            double w = weights[i];
            total += w;
            switch (objective)
            {
                case BoostingObjective.BinaryLogistic:
                {
                    double p = Math.Clamp(1.0 / (1.0 + Math.Exp(-margins[i])), 1e-15, 1 - 1e-15);
                    sum -= w * (labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p));
                    break;
                }

                case BoostingObjective.MulticlassSoftmax:
                {
                    double max = double.NegativeInfinity;
                    for (int k = 0; k < classCount; k++)
                    {
                        max = Math.Max(max, margins[(k * rows) + i]);
                    }

                    double norm = 0;
                    for (int k = 0; k < classCount; k++)
                    {
                        norm += Math.Exp(margins[(k * rows) + i] - max);
                    }

                    double p = Math.Max(Math.Exp(margins[(labels[i] * rows) + i] - max) / norm, 1e-15);
                    sum -= w * Math.Log(p);
                    break;
                }

                case BoostingObjective.SquaredError:
                {
                    double r = margins[i] - (double)targets[i];
                    sum += w * r * r;
                    break;
                }

                case BoostingObjective.AbsoluteError:
                    sum += w * Math.Abs(margins[i] - (double)targets[i]);
                    break;
                default:
                {
                    double r = Math.Abs(margins[i] - (double)targets[i]);
                    sum += w * (r <= huberDelta ? 0.5 * r * r : huberDelta * (r - (0.5 * huberDelta)));
                    break;
                }
            }
        }

        double mean = total > 0 ? sum / total : double.NaN;
        return objective == BoostingObjective.SquaredError ? Math.Sqrt(mean) : mean;
    }
}
