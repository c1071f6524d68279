using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// Where training batches come from: an in-memory table, or a reader streaming a ROOT tree or an HDF5 dataset from
/// disk. A source describes one event's shape and fills caller-owned spans, so loaders can recycle their buffers and
/// a source never allocates per batch. Sources that cannot seek cheaply report <see cref="SupportsRandomAccess"/>
/// false and are read in order with <see cref="ReadRange"/>; the loader then shuffles within a window.
/// </summary>
public interface IBatchSource
{
    /// <summary>Number of events.</summary>
    int Count { get; }

    /// <summary>Shape of one event's features: [F] for a table, [C, H, W] for images, [P, F] for padded constituents.</summary>
    TensorShape SampleShape { get; }

    /// <summary>Targets per event: 0 (none), 1 (a label or a regression target), or more (vector targets).</summary>
    int TargetWidth { get; }

    /// <summary>True when events carry weights.</summary>
    bool HasWeights { get; }

    /// <summary>Mask values per event (0 when there is no mask); for padded constituents, one 1/0 per slot.</summary>
    int MaskWidth { get; }

    /// <summary>True when <see cref="Read"/> is cheap for arbitrary rows.</summary>
    bool SupportsRandomAccess { get; }

    /// <summary>Fills the buffers with the events at <paramref name="rows"/> (in that order).</summary>
    /// <exception cref="NotSupportedException">The source has no random access.</exception>
    void Read(ReadOnlySpan<int> rows, BatchBuffers destination);

    /// <summary>Fills the buffers with events [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    void ReadRange(int start, int count, BatchBuffers destination);
}
