namespace HepMl.Analysis.NeuralNetworks.Initialization;

/// <summary>How weights are drawn at construction.</summary>
public enum InitializerKind
{
    /// <summary>PyTorch's default for Linear and Conv2d: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (kaiming_uniform with a = sqrt 5).</summary>
    PyTorchDefault,

    /// <summary>Glorot/Xavier uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out)).</summary>
    GlorotUniform,

    /// <summary>Glorot/Xavier normal: N(0, 2 / (fan_in + fan_out)).</summary>
    GlorotNormal,

    /// <summary>He/Kaiming uniform for ReLU: U(-a, a), a = sqrt(6 / fan_in).</summary>
    HeUniform,

    /// <summary>He/Kaiming normal for ReLU: N(0, 2 / fan_in).</summary>
    HeNormal,
}
