using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Optimizers;

/// <summary>RMSProp: v = α v + (1-α) g², w -= lr g / (sqrt(v) + ε). PyTorch: <c>torch.optim.RMSprop</c> (no momentum, not centred).</summary>
public sealed class RmsProp : Optimizer
{
    private Tensor?[]? _square;

    /// <summary>Creates the optimiser.</summary>
    public RmsProp(IEnumerable<Parameter> parameters, float learningRate = 1e-2f, float alpha = 0.99f, float epsilon = 1e-8f)
        : base(parameters, learningRate)
    {
        Alpha = alpha;
        Epsilon = epsilon;
    }

    /// <summary>Smoothing constant α.</summary>
    public float Alpha { get; }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Parameter parameter, Span<float> weights, ReadOnlySpan<float> gradient)
    {
        Span<float> v = State(ref _square, index).Span;
        for (int i = 0; i < weights.Length; i++)
        {
            float g = gradient[i];
            v[i] = (Alpha * v[i]) + ((1f - Alpha) * g * g);
            weights[i] -= LearningRate * g / (MathF.Sqrt(v[i]) + Epsilon);
        }
    }
}
