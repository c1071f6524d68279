using System.Text.Json.Nodes;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

using Linear = HepMl.Analysis.NeuralNetworks.Layers.Linear;

/// <summary>
/// The VAE's modules: encoder trunk, mean and log-variance heads, decoder. <see cref="Forward"/> decodes the latent
/// mean (deterministic reconstruction); <see cref="Encode"/> and <see cref="Decode"/> expose the parts.
/// </summary>
public sealed class VariationalAutoencoderNetwork : Module
{
    internal VariationalAutoencoderNetwork(Sequential encoder, Linear mean, Linear logVariance, Sequential decoder)
    {
        Encoder = AddChild(encoder);
        Encoder.Name = "encoder";
        MeanHead = AddChild(mean);
        MeanHead.Name = "mean";
        LogVarianceHead = AddChild(logVariance);
        LogVarianceHead.Name = "log_variance";
        Decoder = AddChild(decoder);
        Decoder.Name = "decoder";
    }

    /// <summary>Encoder trunk.</summary>
    public Sequential Encoder { get; }

    /// <summary>Latent mean head.</summary>
    public Linear MeanHead { get; }

    /// <summary>Latent log-variance head.</summary>
    public Linear LogVarianceHead { get; }

    /// <summary>Decoder.</summary>
    public Sequential Decoder { get; }

    /// <inheritdoc/>
    public override string Description => $"VAE {MeanHead.InFeatures}→{MeanHead.OutFeatures}";

    /// <summary>Latent mean and log-variance of a batch.</summary>
    public (Tensor Mean, Tensor LogVariance) Encode(Tensor input)
    {
        Tensor hidden = Encoder.Forward(input);
        return (MeanHead.Forward(hidden), LogVarianceHead.Forward(hidden));
    }

    /// <summary>Decodes latent points.</summary>
    public Tensor Decode(Tensor latent) => Decoder.Forward(latent);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Decode(Encode(input).Mean);

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new()
    {
        ["type"] = "VariationalAutoencoderNetwork", ["name"] = Name,
        ["encoder"] = Encoder.ToSpecification(), ["mean"] = MeanHead.ToSpecification(),
        ["log_variance"] = LogVarianceHead.ToSpecification(), ["decoder"] = Decoder.ToSpecification(),
    };
}
