using System.Text.Json.Nodes;
using HepMl.Analysis.NeuralNetworks.Initialization;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Layers;

/// <summary>
/// Inverted dropout: in training mode zeroes each element with probability p and scales the rest by 1/(1-p);
/// identity in evaluation mode. PyTorch: <c>nn.Dropout</c>.
/// </summary>
public sealed class Dropout : Module
{
    private readonly RandomSource _random;

    /// <summary>Creates the layer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1).</exception>
    public Dropout(float probability, RandomSource? random = null)
    {
        if (!(probability >= 0f && probability < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "the drop probability must be in [0, 1)");
        }

        Probability = probability;
        _random = (random ?? Initializer.DefaultRandom).Fork();
    }

    /// <summary>Drop probability.</summary>
    public float Probability { get; }

    /// <inheritdoc/>
    public override string Description => $"Dropout {Probability}";

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsTraining || Probability == 0f)
        {
            return input;
        }

        Tensor mask = Tensor.Uninitialized(input.Shape);
        Span<float> m = mask.Span;
        float keep = 1f / (1f - Probability);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = _random.NextSingle() < Probability ? 0f : keep;
        }

        return Tensor.Multiply(input, mask);
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new() { ["type"] = "Dropout", ["name"] = Name, ["p"] = Probability };
}
