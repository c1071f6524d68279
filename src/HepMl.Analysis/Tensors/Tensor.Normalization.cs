using HepMl.Analysis.Autodiff.Backward;
using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Batch normalisation over dimension 1 of [N, C] or [N, C, H, W]. In training mode the batch statistics are used
    /// (biased variance) and the running statistics are updated in place with <paramref name="momentum"/> (unbiased
    /// variance, as PyTorch); in evaluation mode the running statistics are used. PyTorch: <c>F.batch_norm</c>.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The parameter lengths differ from the channel count.</exception>
    public static Tensor BatchNorm(
        Tensor input, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVariance,
        bool training, float momentum = 0.1f, float epsilon = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(gamma);
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(runningMean);
        ArgumentNullException.ThrowIfNull(runningVariance);
        if (input.Rank < 2)
        {
            ThrowHelper.ShapeMismatch("BatchNorm", "needs input [N, C] or [N, C, H, W]", input.Shape);
        }

        int n = input.Shape[0];
        int channels = input.Shape[1];
        int inner = input.Shape.RowLength / Math.Max(channels, 1);
        if (gamma.Length != channels || beta.Length != channels || runningMean.Length != channels || runningVariance.Length != channels)
        {
            ThrowHelper.ShapeMismatch("BatchNorm", $"gamma, beta and running statistics must have {channels} elements", gamma.Shape, input.Shape);
        }

        int count = n * inner;
        if (training && count < 2)
        {
            ThrowHelper.ShapeMismatch("BatchNorm", "training needs more than one value per channel", input.Shape);
        }

        var mean = new float[channels];
        var inverseStd = new float[channels];
        ReadOnlySpan<float> x = input.Span;
        for (int c = 0; c < channels; c++)
        {
            double m;
            double variance;
            if (training)
            {
                double sum = 0;
                double sumSquares = 0;
                for (int i = 0; i < n; i++)
                {
                    ReadOnlySpan<float> block = x.Slice(((i * channels) + c) * inner, inner);
                    for (int j = 0; j < block.Length; j++)
                    {
                        sum += block[j];
                        sumSquares += (double)block[j] * block[j];
                    }
                }

                m = sum / count;
                variance = Math.Max(0, (sumSquares / count) - (m * m));
                runningMean.Span[c] = (float)(((1 - momentum) * runningMean.Span[c]) + (momentum * m));
                runningVariance.Span[c] = (float)(((1 - momentum) * runningVariance.Span[c]) + (momentum * variance * count / (count - 1)));
            }
            else
            {
                m = runningMean.Span[c];
                variance = runningVariance.Span[c];
            }

            mean[c] = (float)m;
            inverseStd[c] = (float)(1.0 / Math.Sqrt(variance + epsilon));
        }

        Tensor result = Uninitialized(input.Shape);
        Span<float> y = result.Span;
        ReadOnlySpan<float> g = gamma.Span;
        ReadOnlySpan<float> b = beta.Span;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                int start = ((i * channels) + c) * inner;
                float scale = g[c] * inverseStd[c];
                float shift = b[c] - (mean[c] * scale);
                for (int j = 0; j < inner; j++)
                {
                    y[start + j] = (x[start + j] * scale) + shift;
                }
            }
        }

        if (ShouldRecord(input, gamma, beta))
        {
            result.SetGradFunction(new BatchNormBackward(input, gamma, beta, mean, inverseStd, training));
        }

        return result;
    }
}
