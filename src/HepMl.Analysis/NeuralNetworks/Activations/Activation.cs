using System.Text.Json.Nodes;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Activations;

/// <summary>
/// An element-wise activation layer (ReLU, LeakyReLU, ELU, SELU, Sigmoid, Tanh, Softplus) or a row-wise
/// Softmax/LogSoftmax. PyTorch: <c>nn.ReLU</c>, <c>nn.LeakyReLU</c>, ... <c>nn.LogSoftmax(dim=-1)</c>.
/// </summary>
public sealed class Activation : Module
{
    private Activation(string kind, float parameter)
    {
        KindName = kind;
        Parameter = parameter;
    }

    /// <summary>"Relu", "LeakyRelu", "Elu", "Selu", "Sigmoid", "Tanh", "Softplus", "Softmax" or "LogSoftmax".</summary>
    public string KindName { get; }

    /// <summary>LeakyReLU's slope or ELU's alpha (NaN otherwise).</summary>
    public float Parameter { get; }

    /// <inheritdoc/>
    public override string Description => KindName;

    /// <summary>ReLU layer.</summary>
    public static Activation Relu() => new("Relu", float.NaN);

    /// <summary>LeakyReLU layer.</summary>
    public static Activation LeakyRelu(float negativeSlope = 0.01f) => new("LeakyRelu", negativeSlope);

    /// <summary>ELU layer.</summary>
    public static Activation Elu(float alpha = 1f) => new("Elu", alpha);

    /// <summary>SELU layer.</summary>
    public static Activation Selu() => new("Selu", float.NaN);

    /// <summary>Sigmoid layer.</summary>
    public static Activation Sigmoid() => new("Sigmoid", float.NaN);

    /// <summary>Tanh layer.</summary>
    public static Activation Tanh() => new("Tanh", float.NaN);

    /// <summary>Softplus layer.</summary>
    public static Activation Softplus() => new("Softplus", float.NaN);

    /// <summary>Softmax over the last dimension.</summary>
    public static Activation Softmax() => new("Softmax", float.NaN);

    /// <summary>LogSoftmax over the last dimension.</summary>
    public static Activation LogSoftmax() => new("LogSoftmax", float.NaN);

    /// <summary>The layer for an element-wise kind.</summary>
    public static Activation FromKind(ActivationKind kind, float parameter = float.NaN) => new(kind.ToString(), parameter);

    /// <summary>Rebuilds a layer from its kind name.</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    public static Activation FromName(string kind, float parameter) => kind switch
    {
        "Softmax" or "LogSoftmax" => new Activation(kind, float.NaN),
        _ when Enum.TryParse(kind, out ActivationKind _) => new Activation(kind, parameter),
        _ => throw new ArgumentException($"unknown activation '{kind}'", nameof(kind)),
    };

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return KindName switch
        {
            "Softmax" => Tensor.Softmax(input),
            "LogSoftmax" => Tensor.LogSoftmax(input),
            _ => Tensor.Activation(input, Enum.Parse<ActivationKind>(KindName), Parameter),
        };
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new()
    {
        ["type"] = "Activation", ["name"] = Name, ["kind"] = KindName, ["parameter"] = float.IsNaN(Parameter) ? null : Parameter,
    };
}
