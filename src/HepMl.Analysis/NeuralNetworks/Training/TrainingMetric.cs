using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Training;

/// <summary>A quantity accumulated over an epoch's batches next to the loss (accuracy, ...).</summary>
public abstract class TrainingMetric
{
    /// <summary>Display name.</summary>
    public abstract string Name { get; }

    /// <summary>Value over the batches since <see cref="Reset"/>.</summary>
    public abstract double Value { get; }

    /// <summary>Starts a new accumulation.</summary>
    public abstract void Reset();

    /// <summary>Adds one batch.</summary>
    public abstract void Update(Tensor output, Tensor? targets, Tensor? weights);

    /// <summary>
    /// Weighted accuracy: for outputs [N] or [N, 1] a logit above 0 predicts class 1; for [N, C] the arg-max.
    /// </summary>
    public static TrainingMetric Accuracy() => new AccuracyMetric();

    private sealed class AccuracyMetric : TrainingMetric
    {
        private double _correct;
        private double _total;

        public override string Name => "accuracy";

        public override double Value => _total == 0 ? double.NaN : _correct / _total;

        public override void Reset() => (_correct, _total) = (0, 0);

        public override void Update(Tensor output, Tensor? targets, Tensor? weights)
        {
            ArgumentNullException.ThrowIfNull(output);
            if (targets is null)
            {
                return;
            }

            ReadOnlySpan<float> y = output.Span;
            ReadOnlySpan<float> t = targets.Span;
            ReadOnlySpan<float> w = weights is null ? default : weights.Span;
            int n = targets.Length;
            int classes = n == 0 ? 1 : y.Length / n;
            for (int i = 0; i < n; i++)
            {
                int predicted;
                if (classes == 1)
                {
                    predicted = y[i] > 0f ? 1 : 0;
                }
                else
                {
                    predicted = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(y.Slice(i * classes, classes));
                }

                double weight = w.IsEmpty ? 1.0 : Math.Abs(w[i]);
                _total += weight;
                if (predicted == (int)t[i])
                {
                    _correct += weight;
                }
            }
        }
    }
}
