namespace HepMl.Analysis.NeuralNetworks.Training;

/// <summary>What one epoch did.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches (weighted by batch size).</param>
/// <param name="ValidationLoss">Validation loss after the epoch, or null without validation data.</param>
/// <param name="TrainMetric">Training metric (e.g. accuracy), or null without a metric.</param>
/// <param name="ValidationMetric">Validation metric, or null.</param>
/// <param name="LearningRate">Learning rate used during the epoch.</param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
public sealed record EpochRecord(
    int Epoch, double TrainLoss, double? ValidationLoss, double? TrainMetric, double? ValidationMetric, float LearningRate, double Seconds);
