using System.Text.Json.Nodes;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks;

/// <summary>Runs its layers one after the other. PyTorch: <c>nn.Sequential</c>.</summary>
public sealed class Sequential : Module
{
    /// <summary>Creates the chain; unnamed layers are named by their index.</summary>
    public Sequential(params Module[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        for (int i = 0; i < layers.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(layers[i]);
            if (string.IsNullOrEmpty(layers[i].Name))
            {
                layers[i].Name = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            AddChild(layers[i]);
        }
    }

    /// <inheritdoc/>
    public override string Description => $"Sequential of {Children.Count}";

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        Tensor x = input;
        foreach (Module layer in Children)
        {
            x = layer.Forward(x);
        }

        return x;
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification()
    {
        var layers = new JsonArray();
        foreach (Module layer in Children)
        {
            layers.Add(layer.ToSpecification());
        }

        return new JsonObject { ["type"] = "Sequential", ["name"] = Name, ["layers"] = layers };
    }
}
