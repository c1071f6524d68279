namespace HepMl.Analysis.Tensors;

/// <summary>The element-wise activation functions.</summary>
public enum ActivationKind
{
    /// <summary>No activation (identity).</summary>
    Identity,

    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>x for x &gt; 0, slope * x otherwise (slope 0.01 by default).</summary>
    LeakyRelu,

    /// <summary>x for x &gt; 0, alpha (e^x - 1) otherwise (alpha 1 by default).</summary>
    Elu,

    /// <summary>Self-normalising ELU: 1.0507 * (x, or 1.67326 (e^x - 1) for x &lt;= 0).</summary>
    Selu,

    /// <summary>1 / (1 + e^-x).</summary>
    Sigmoid,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary>log(1 + e^x), computed stably.</summary>
    Softplus,
}
