using HepMl.Analysis.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace HepMl.Analysis.NeuralNetworks.Optimizers;

/// <summary>
/// Base of the optimisers: holds the parameters, the learning rate and the L1/L2 penalties, and skips parameters
/// that received no gradient. The penalties act on penalised parameters (weights) by adding
/// <c>L2 * w + L1 * sign(w)</c> to the gradient before the update (PyTorch's <c>weight_decay</c> is the L2 term).
/// PyTorch: <c>torch.optim.Optimizer</c>.
/// </summary>
public abstract class Optimizer
{
    private readonly Parameter[] _parameters;

    /// <summary>Creates the optimiser.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not positive and finite.</exception>
    protected Optimizer(IEnumerable<Parameter> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        LearningRate = learningRate;
        if (_parameters.Length == 0)
        {
            throw new ArgumentException("the optimiser was given no parameters", nameof(parameters));
        }
    }

    /// <summary>The parameters updated by <see cref="Step"/>.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Step size (changed by learning-rate schedules).</summary>
    public float LearningRate
    {
        get;
        set
        {
            if (!(value > 0f) || !float.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "the learning rate must be positive and finite");
            }

            field = value;
        }
    }

    /// <summary>L2 penalty coefficient on weights (adds L2 * w to the gradient).</summary>
    public float L2Penalty { get; set; }

    /// <summary>L1 penalty coefficient on weights (adds L1 * sign(w) to the gradient).</summary>
    public float L1Penalty { get; set; }

    /// <summary>Number of steps taken.</summary>
    public long StepCount { get; private set; }

    /// <summary>Forgets all gradients (the next backward pass overwrites them).</summary>
    public void ZeroGrad()
    {
        foreach (Parameter p in _parameters)
        {
            p.Value.ZeroGrad();
        }
    }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < _parameters.Length; i++)
        {
            Parameter p = _parameters[i];
            Tensor? grad = p.Grad;
            if (grad is null)
            {
                continue;
            }

            Span<float> g = grad.Span;
            Span<float> w = p.Value.Span;
            if (p.IsPenalised && L2Penalty != 0f)
            {
                TensorPrimitives.MultiplyAdd(w, L2Penalty, g, g);
            }

            if (p.IsPenalised && L1Penalty != 0f)
            {
                for (int j = 0; j < g.Length; j++)
                {
                    g[j] += L1Penalty * MathF.Sign(w[j]);
                }
            }

            Update(i, p, w, g);
        }
    }

    /// <summary>Applies the update rule to parameter <paramref name="index"/>.</summary>
    protected abstract void Update(int index, Parameter parameter, Span<float> weights, ReadOnlySpan<float> gradient);

    /// <summary>A zeroed state tensor shaped like parameter <paramref name="index"/> (lazily created).</summary>
    protected Tensor State(ref Tensor?[]? slots, int index)
    {
        slots ??= new Tensor?[_parameters.Length];
        return slots[index] ??= Tensor.ZerosUnscoped(_parameters[index].Value.Shape);
    }
}
