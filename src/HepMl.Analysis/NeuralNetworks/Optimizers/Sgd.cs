using HepMl.Analysis.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace HepMl.Analysis.NeuralNetworks.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum and Nesterov momentum:
/// b = μ b + g; step along b (or g + μ b for Nesterov). PyTorch: <c>torch.optim.SGD</c> (dampening 0).
/// </summary>
public sealed class Sgd : Optimizer
{
    private Tensor?[]? _velocity;
    private bool[]? _started;

    /// <summary>Creates the optimiser.</summary>
    public Sgd(IEnumerable<Parameter> parameters, float learningRate, float momentum = 0f, bool nesterov = false)
        : base(parameters, learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        if (nesterov && momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs momentum > 0", nameof(nesterov));
        }

        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>Momentum factor μ.</summary>
    public float Momentum { get; }

    /// <summary>True for Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Parameter parameter, Span<float> weights, ReadOnlySpan<float> gradient)
    {
        if (Momentum == 0f)
        {
            TensorPrimitives.MultiplyAdd(gradient, -LearningRate, weights, weights);
            return;
        }

        Tensor velocityTensor = State(ref _velocity, index);
        Span<float> b = velocityTensor.Span;
        bool first = IsFirstStep(index);
        if (first)
        {
            gradient.CopyTo(b);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(b, Momentum, gradient, b);
        }

        if (Nesterov)
        {
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] -= LearningRate * (gradient[i] + (Momentum * b[i]));
            }
        }
        else
        {
            TensorPrimitives.MultiplyAdd(b, -LearningRate, weights, weights);
        }
    }

    private bool IsFirstStep(int index)
    {
        _started ??= new bool[Parameters.Count];
        bool first = !_started[index];
        _started[index] = true;
        return first;
    }
}
