using System.Text.Json.Nodes;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Layers;

/// <summary>Flattens [N, ...] to [N, rest] (a view). PyTorch: <c>nn.Flatten</c>.</summary>
public sealed class Flatten : Module
{
    /// <inheritdoc/>
    public override string Description => "Flatten";

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 1)
        {
            throw ShapeError("expects input [N, ...]", input.Shape);
        }

        return input.Flatten();
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new() { ["type"] = "Flatten", ["name"] = Name };
}
