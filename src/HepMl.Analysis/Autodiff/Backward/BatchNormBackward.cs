using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>
/// Batch-norm gradients with x̂ = (x - mean) * invstd: dgamma = Σ dy x̂, dbeta = Σ dy, and in training mode
/// dx = gamma invstd / M (M dy - Σ dy - x̂ Σ dy x̂); in evaluation mode dx = gamma invstd dy.
/// </summary>
internal sealed class BatchNormBackward(Tensor input, Tensor gamma, Tensor beta, float[] mean, float[] inverseStd, bool training)
    : BackwardFunction(input, gamma, beta)
{
    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        Tensor input = Inputs[0];
        Tensor gamma = Inputs[1];
        Tensor beta = Inputs[2];
        int n = input.Shape[0];
        int channels = input.Shape[1];
        int inner = input.Shape.RowLength / channels;
        int count = n * inner;
        ReadOnlySpan<float> x = input.Span;
        var sumDy = new double[channels];
        var sumDyXhat = new double[channels];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                int start = ((i * channels) + c) * inner;
                double s = 0;
                double sx = 0;
                for (int j = 0; j < inner; j++)
                {
                    float dy = outputGradient[start + j];
                    s += dy;
                    sx += dy * (x[start + j] - mean[c]) * inverseStd[c];
                }

                sumDy[c] += s;
                sumDyXhat[c] += sx;
            }
        }

        if (gamma.RequiresGrad)
        {
            Span<float> dg = gamma.GradientTarget(out bool fresh);
            for (int c = 0; c < channels; c++)
            {
                dg[c] = (fresh ? 0f : dg[c]) + (float)sumDyXhat[c];
            }
        }

        if (beta.RequiresGrad)
        {
            Span<float> db = beta.GradientTarget(out bool fresh);
            for (int c = 0; c < channels; c++)
            {
                db[c] = (fresh ? 0f : db[c]) + (float)sumDy[c];
            }
        }

        if (input.RequiresGrad)
        {
            Span<float> dx = input.GradientTarget(out bool fresh);
            ReadOnlySpan<float> g = gamma.Span;
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int start = ((i * channels) + c) * inner;
                    float k = g[c] * inverseStd[c];
                    float meanDy = (float)(sumDy[c] / count);
                    float meanDyXhat = (float)(sumDyXhat[c] / count);
                    for (int j = 0; j < inner; j++)
                    {
                        float value = training
                            ? k * (outputGradient[start + j] - meanDy - ((x[start + j] - mean[c]) * inverseStd[c] * meanDyXhat))
                            : k * outputGradient[start + j];
                        dx[start + j] = fresh ? value : dx[start + j] + value;
                    }
                }
            }
        }
    }
}
