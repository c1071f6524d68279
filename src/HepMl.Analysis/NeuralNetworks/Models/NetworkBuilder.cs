using HepMl.Analysis.NeuralNetworks.Activations;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

using Linear = HepMl.Analysis.NeuralNetworks.Layers.Linear;

/// <summary>Builds the fully connected stacks the model families share.</summary>
internal static class NetworkBuilder
{
    /// <summary>input → [Linear, (BatchNorm), activation, (Dropout)] per hidden width → Linear(output) (when output &gt; 0).</summary>
    public static Sequential Mlp(
        int input, IReadOnlyList<int> hidden, int output, ActivationKind activation, RandomSource random,
        float dropout = 0f, bool batchNorm = false, ActivationKind outputActivation = ActivationKind.Identity)
    {
        var layers = new List<Module>();
        int width = input;
        foreach (int h in hidden)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(h, nameof(hidden));
            layers.Add(new Linear(width, h, random: random));
            if (batchNorm)
            {
                layers.Add(BatchNorm.OneDimensional(h));
            }

            layers.Add(Activation.FromKind(activation));
            if (dropout > 0f)
            {
                layers.Add(new Dropout(dropout, random));
            }

            width = h;
        }

        if (output > 0)
        {
            layers.Add(new Linear(width, output, random: random));
            if (outputActivation != ActivationKind.Identity)
            {
                layers.Add(Activation.FromKind(outputActivation));
            }
        }

        return new Sequential(layers.ToArray());
    }
}
