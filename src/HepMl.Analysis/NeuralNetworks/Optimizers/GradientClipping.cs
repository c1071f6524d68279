using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace HepMl.Analysis.NeuralNetworks.Optimizers;

/// <summary>Gradient clipping before the optimiser step. PyTorch: <c>clip_grad_norm_</c>, <c>clip_grad_value_</c>.</summary>
public static class GradientClipping
{
    /// <summary>Rescales all gradients together so their global L2 norm is at most <paramref name="maximumNorm"/>.</summary>
    /// <returns>The norm before clipping.</returns>
    public static double ClipByNorm(IEnumerable<Parameter> parameters, float maximumNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumNorm);
        double sumSquares = 0;
        foreach (Parameter p in parameters)
        {
            if (p.Grad is { } g)
            {
                sumSquares += TensorPrimitives.SumOfSquares(g.Span);
            }
        }

        double norm = Math.Sqrt(sumSquares);
        if (norm > maximumNorm)
        {
            float scale = (float)(maximumNorm / (norm + 1e-6));
            foreach (Parameter p in parameters)
            {
                if (p.Grad is { } g)
                {
                    TensorPrimitives.Multiply(g.Span, scale, g.Span);
                }
            }
        }

        return norm;
    }

    /// <summary>Clamps every gradient element to [-<paramref name="limit"/>, <paramref name="limit"/>].</summary>
    public static void ClipByValue(IEnumerable<Parameter> parameters, float limit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        foreach (Parameter p in parameters)
        {
            if (p.Grad is { } g)
            {
                TensorPrimitives.Clamp(g.Span, -limit, limit, g.Span);
            }
        }
    }
}
