namespace HepMl.Analysis.NeuralNetworks.Layers;

/// <summary>Pooling reduction.</summary>
public enum PoolingKind
{
    /// <summary>Maximum of the window.</summary>
    Max,

    /// <summary>Mean of the window.</summary>
    Average,
}
