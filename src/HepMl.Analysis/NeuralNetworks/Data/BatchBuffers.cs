namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// The spans a source fills for a run of events: features (events x sample size), targets (events x target width),
/// weights (one per event) and mask (events x mask width); spans of parts the source does not have are empty.
/// </summary>
public readonly ref struct BatchBuffers
{
    /// <summary>Wraps the spans.</summary>
    public BatchBuffers(Span<float> features, Span<float> targets, Span<float> weights, Span<float> mask)
    {
        Features = features;
        Targets = targets;
        Weights = weights;
        Mask = mask;
    }

    /// <summary>Row-major features.</summary>
    public Span<float> Features { get; }

    /// <summary>Row-major targets.</summary>
    public Span<float> Targets { get; }

    /// <summary>Event weights.</summary>
    public Span<float> Weights { get; }

    /// <summary>Row-major mask.</summary>
    public Span<float> Mask { get; }
}
