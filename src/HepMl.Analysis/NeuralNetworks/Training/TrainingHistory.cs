namespace HepMl.Analysis.NeuralNetworks.Training;

/// <summary>Per-epoch record of a training run plus the early-stopping outcome. Keras: <c>History</c>.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochRecord> _epochs = [];

    /// <summary>One record per completed epoch.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>Epoch with the lowest monitored loss (validation if present, else training), or -1.</summary>
    public int BestEpoch { get; internal set; } = -1;

    /// <summary>True when early stopping ended the run before the last epoch.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>True when the weights were reset to those of <see cref="BestEpoch"/>.</summary>
    public bool RestoredBestWeights { get; internal set; }

    internal void Add(EpochRecord record) => _epochs.Add(record);
}
