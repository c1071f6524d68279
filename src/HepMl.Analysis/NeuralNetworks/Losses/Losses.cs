using HepMl.Analysis.Autodiff.Backward;
using HepMl.Analysis.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace HepMl.Analysis.NeuralNetworks.Losses;

/// <summary>
/// Loss functions returning a scalar tensor, each a fused operation with an exact gradient. Per-event weights
/// (HEP event weights, which may be negative) multiply each event's loss; the weighted sum is divided by the sum of
/// |weight|, which equals PyTorch's <c>(w * l).sum() / w.sum()</c> when no weight is negative and stays finite when
/// a batch's signed weights cancel.
/// </summary>
public static class Losses
{
    /// <summary>
    /// Binary cross-entropy on logits, computed stably as max(z, 0) - z y + log(1 + e^-|z|).
    /// PyTorch: <c>BCEWithLogitsLoss</c>.
    /// </summary>
    /// <param name="logits">Raw scores, [N] or [N, 1].</param>
    /// <param name="targets">Targets in [0, 1], N values.</param>
    /// <param name="weights">Per-event weights (N values) or null for 1.</param>
    /// <exception cref="ShapeMismatchException">The lengths differ.</exception>
    /// <exception cref="ArgumentException">All weights are zero.</exception>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Tensor? weights = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        int n = logits.Length;
        if (logits.Rank == 2 && logits.Shape[1] != 1 || logits.Rank > 2)
        {
            throw new ShapeMismatchException("BinaryCrossEntropyWithLogits", "logits must be [N] or [N, 1]", logits.Shape, targets.Shape);
        }

        CheckLength("BinaryCrossEntropyWithLogits", targets, n, logits.Shape);
        ReadOnlySpan<float> w = Weights("BinaryCrossEntropyWithLogits", weights, n, logits.Shape, out double normaliser);
        ReadOnlySpan<float> z = logits.Span;
        ReadOnlySpan<float> y = targets.Span;
        Tensor gradient = Tensor.UninitializedUnscoped(logits.Shape);
        Span<float> g = gradient.Span;
        double total = 0;
        float inverse = (float)(1.0 / normaliser);
        for (int i = 0; i < n; i++)
        {
            float zi = z[i];
            float weight = w.IsEmpty ? 1f : w[i];
            float loss = MathF.Max(zi, 0f) - (zi * y[i]) + float.LogP1(MathF.Exp(-MathF.Abs(zi)));
            total += weight * loss;
            float sigmoid = zi >= 0 ? 1f / (1f + MathF.Exp(-zi)) : MathF.Exp(zi) / (1f + MathF.Exp(zi));
            g[i] = weight * (sigmoid - y[i]) * inverse;
        }

        return Finish("BinaryCrossEntropyWithLogits", total / normaliser, [logits], [gradient]);
    }

    /// <summary>
    /// Categorical cross-entropy of logits [N, C] against class indices (N values stored as floats).
    /// PyTorch: <c>CrossEntropyLoss</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes do not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class index is outside [0, C).</exception>
    public static Tensor CrossEntropy(Tensor logits, Tensor classIndices, Tensor? weights = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(classIndices);
        if (logits.Rank != 2)
        {
            throw new ShapeMismatchException("CrossEntropy", "logits must be [N, C]", logits.Shape, classIndices.Shape);
        }

        int n = logits.Shape[0];
        int classes = logits.Shape[1];
        CheckLength("CrossEntropy", classIndices, n, logits.Shape);
        ReadOnlySpan<float> w = Weights("CrossEntropy", weights, n, logits.Shape, out double normaliser);
        Tensor gradient = Tensor.UninitializedUnscoped(logits.Shape);
        Span<float> g = gradient.Span;
        ReadOnlySpan<float> z = logits.Span;
        ReadOnlySpan<float> labels = classIndices.Span;
        double total = 0;
        float inverse = (float)(1.0 / normaliser);
        for (int i = 0; i < n; i++)
        {
            int label = (int)labels[i];
            if (label < 0 || label >= classes || label != labels[i])
            {
                throw new ArgumentOutOfRangeException(nameof(classIndices), $"class index {labels[i]} of event {i} is outside [0, {classes})");
            }

            Span<float> row = g.Slice(i * classes, classes);
            Tensors.Kernels.ActivationKernels.LogSoftmaxRow(z.Slice(i * classes, classes), row);
            float weight = w.IsEmpty ? 1f : w[i];
            total -= weight * row[label];
            for (int c = 0; c < classes; c++)
            {
                row[c] = MathF.Exp(row[c]) * weight * inverse;
            }

            row[label] -= weight * inverse;
        }

        return Finish("CrossEntropy", total / normaliser, [logits], [gradient]);
    }

    /// <summary>Mean squared error over all elements (weights, if given, are per event). PyTorch: <c>MSELoss</c>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes differ.</exception>
    public static Tensor MeanSquaredError(Tensor predictions, Tensor targets, Tensor? weights = null) =>
        Regression("MeanSquaredError", predictions, targets, weights, 0f);

    /// <summary>Mean absolute error (gradient 0 where equal). PyTorch: <c>L1Loss</c>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes differ.</exception>
    public static Tensor MeanAbsoluteError(Tensor predictions, Tensor targets, Tensor? weights = null) =>
        Regression("MeanAbsoluteError", predictions, targets, weights, -1f);

    /// <summary>
    /// Huber loss: 0.5 d² for |d| &lt; delta, delta (|d| - delta/2) beyond, averaged. PyTorch: <c>HuberLoss</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes differ.</exception>
    public static Tensor Huber(Tensor predictions, Tensor targets, float delta = 1f, Tensor? weights = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(delta);
        return Regression("Huber", predictions, targets, weights, delta);
    }

    /// <summary>
    /// KL divergence of N(mu, exp(logVariance)) from N(0, 1), summed over latent dimensions and averaged over the
    /// batch: mean_i -0.5 Σ_j (1 + lv - mu² - e^lv). The VAE regulariser.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes differ or are not [N, L].</exception>
    public static Tensor GaussianKlDivergence(Tensor mean, Tensor logVariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(logVariance);
        if (mean.Shape != logVariance.Shape || mean.Rank != 2)
        {
            throw new ShapeMismatchException("GaussianKlDivergence", "mean and log-variance must both be [N, L]", mean.Shape, logVariance.Shape);
        }

        int n = mean.Shape[0];
        float inverse = 1f / Math.Max(n, 1);
        ReadOnlySpan<float> mu = mean.Span;
        ReadOnlySpan<float> lv = logVariance.Span;
        Tensor gradMean = Tensor.UninitializedUnscoped(mean.Shape);
        Tensor gradLogVariance = Tensor.UninitializedUnscoped(mean.Shape);
        Span<float> gm = gradMean.Span;
        Span<float> gl = gradLogVariance.Span;
        double total = 0;
        for (int i = 0; i < mu.Length; i++)
        {
            float e = MathF.Exp(lv[i]);
            total += -0.5 * (1 + lv[i] - (mu[i] * mu[i]) - e);
            gm[i] = mu[i] * inverse;
            gl[i] = 0.5f * (e - 1f) * inverse;
        }

        return Finish("GaussianKlDivergence", total * inverse, [mean, logVariance], [gradMean, gradLogVariance]);
    }

    /// <summary>Per-event KL term (no gradient), for anomaly scores.</summary>
    public static void GaussianKlPerEvent(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, int latent, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < latent; j++)
            {
                float lv = logVariance[(i * latent) + j];
                float mu = mean[(i * latent) + j];
                sum += -0.5 * (1 + lv - (mu * mu) - MathF.Exp(lv));
            }

            destination[i] = (float)sum;
        }
    }

    private static Tensor Regression(string name, Tensor predictions, Tensor targets, Tensor? weights, float huberDelta)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Length != targets.Length)
        {
            throw new ShapeMismatchException(name, "predictions and targets must have the same number of elements", predictions.Shape, targets.Shape);
        }

        int n = predictions.Rank == 0 ? 1 : predictions.Shape[0];
        int width = n == 0 ? 0 : predictions.Length / n;
        ReadOnlySpan<float> w = Weights(name, weights, n, predictions.Shape, out double normaliser);
        normaliser *= width;
        float inverse = (float)(1.0 / normaliser);
        ReadOnlySpan<float> p = predictions.Span;
        ReadOnlySpan<float> t = targets.Span;
        Tensor gradient = Tensor.UninitializedUnscoped(predictions.Shape);
        Span<float> g = gradient.Span;
        double total = 0;
        for (int i = 0; i < p.Length; i++)
        {
            float weight = w.IsEmpty ? 1f : w[i / width];
            float d = p[i] - t[i];
            float loss;
            float slope;
            if (huberDelta == 0f)
            {
                loss = d * d;
                slope = 2f * d;
            }
            else if (huberDelta < 0f)
            {
                loss = MathF.Abs(d);
                slope = MathF.Sign(d);
            }
            else if (MathF.Abs(d) < huberDelta)
            {
                loss = 0.5f * d * d;
                slope = d;
            }
            else
            {
                loss = huberDelta * (MathF.Abs(d) - (0.5f * huberDelta));
                slope = huberDelta * MathF.Sign(d);
            }

            total += weight * loss;
            g[i] = weight * slope * inverse;
        }

        return Finish(name, total / normaliser, [predictions], [gradient]);
    }

    private static Tensor Finish(string name, double value, Tensor[] inputs, Tensor[] gradients)
    {
        Tensor loss = Tensor.Uninitialized(default);
        loss.Span[0] = (float)value;
        bool record = false;
        foreach (Tensor input in inputs)
        {
            record |= Tensor.ShouldRecord(input);
        }

        if (record)
        {
            loss.SetGradFunction(new PrecomputedBackward(name, inputs, gradients));
        }
        else
        {
            foreach (Tensor gradient in gradients)
            {
                gradient.Dispose();
            }
        }

        return loss;
    }

    private static void CheckLength(string name, Tensor tensor, int length, TensorShape reference)
    {
        if (tensor.Length != length)
        {
            throw new ShapeMismatchException(name, $"expected {length} values", tensor.Shape, reference);
        }
    }

    private static ReadOnlySpan<float> Weights(string name, Tensor? weights, int n, TensorShape reference, out double normaliser)
    {
        if (weights is null)
        {
            normaliser = Math.Max(n, 1);
            return default;
        }

        CheckLength(name, weights, n, reference);
        ReadOnlySpan<float> w = weights.Span;
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            sum += Math.Abs(w[i]);
        }

        if (!(sum > 0) || !double.IsFinite(sum))
        {
            throw new ArgumentException($"{name}: the sum of |weights| over the batch is {sum}; it must be positive and finite", nameof(weights));
        }

        normaliser = sum;
        return w;
    }
}
