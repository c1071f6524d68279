using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Optimizers;

/// <summary>Adagrad: s += g², w -= lr g / (sqrt(s) + ε). PyTorch: <c>torch.optim.Adagrad</c> (no lr decay).</summary>
public sealed class Adagrad : Optimizer
{
    private Tensor?[]? _sum;

    /// <summary>Creates the optimiser.</summary>
    public Adagrad(IEnumerable<Parameter> parameters, float learningRate = 1e-2f, float epsilon = 1e-10f)
        : base(parameters, learningRate) => Epsilon = epsilon;

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Parameter parameter, Span<float> weights, ReadOnlySpan<float> gradient)
    {
        Span<float> s = State(ref _sum, index).Span;
        for (int i = 0; i < weights.Length; i++)
        {
            float g = gradient[i];
            s[i] += g * g;
            weights[i] -= LearningRate * g / (MathF.Sqrt(s[i]) + Epsilon);
        }
    }
}
