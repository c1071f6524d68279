using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks;

/// <summary>
/// A trainable tensor owned by a module: its value (which requires gradients), a dotted name such as
/// <c>2.weight</c>, and whether L1/L2 penalties apply (weights yes, biases and normalisation shifts no).
/// PyTorch: <c>nn.Parameter</c>.
/// </summary>
public sealed class Parameter
{
    internal Parameter(string name, Tensor value, bool penalised)
    {
        Name = name;
        Value = value;
        Value.RequiresGrad = true;
        Value.Name = name;
        IsPenalised = penalised;
    }

    /// <summary>Name within its module (the module path is prefixed by <see cref="Module.NamedState"/>).</summary>
    public string Name { get; }

    /// <summary>The values; gradients accumulate in <c>Value.Grad</c>.</summary>
    public Tensor Value { get; }

    /// <summary>True for weights (L1/L2 penalties and decoupled weight decay apply), false for biases.</summary>
    public bool IsPenalised { get; }

    /// <summary>The gradient, or null when none was computed since the last zeroing.</summary>
    public Tensor? Grad => Value.Grad;
}
