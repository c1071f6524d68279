using System.Text.Json.Nodes;
using HepMl.Analysis.NeuralNetworks.Initialization;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Layers;

/// <summary>Fully connected layer y = x W^T + b, W of shape [out, in]. PyTorch: <c>nn.Linear</c> (same layout and default init).</summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer with initialised weights.</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, InitializerKind initializer = InitializerKind.PyTorchDefault, RandomSource? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Initialization = initializer;
        random ??= Initializer.DefaultRandom;
        Weight = AddParameter("weight", new TensorShape(outFeatures, inFeatures), penalised: true);
        Initializer.Fill(Weight.Value.Span, initializer, inFeatures, outFeatures, random);
        if (bias)
        {
            Bias = AddParameter("bias", new TensorShape(outFeatures), penalised: false);
            float bound = 1f / MathF.Sqrt(inFeatures);
            if (initializer == InitializerKind.PyTorchDefault)
            {
                random.FillUniform(Bias.Value.Span, -bound, bound);
            }
        }
    }

    /// <summary>Input width.</summary>
    public int InFeatures { get; }

    /// <summary>Output width.</summary>
    public int OutFeatures { get; }

    /// <summary>The initialiser used at construction.</summary>
    public InitializerKind Initialization { get; }

    /// <summary>Weights [out, in].</summary>
    public Parameter Weight { get; }

    /// <summary>Bias [out], or null.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc/>
    public override string Description => $"Linear {InFeatures}→{OutFeatures}";

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Shape[1] != InFeatures)
        {
            throw ShapeError($"expects input [N, {InFeatures}]", input.Shape);
        }

        return Tensor.Linear(input, Weight.Value, Bias?.Value);
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new()
    {
        ["type"] = "Linear", ["name"] = Name, ["in"] = InFeatures, ["out"] = OutFeatures, ["bias"] = Bias is not null,
    };
}
