namespace HepMl.Analysis.NeuralNetworks.Schedules;

/// <summary>
/// Chooses the learning rate of the next epoch from the epoch count, the initial rate and the monitored loss
/// (validation loss when there is one, else training loss). PyTorch: <c>torch.optim.lr_scheduler</c>.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The rate for epoch <paramref name="nextEpoch"/> (0-based) after an epoch ended with <paramref name="monitoredLoss"/>.</summary>
    public abstract float NextRate(int nextEpoch, float initialRate, float currentRate, double monitoredLoss);

    /// <summary>Step decay: rate = initial · γ^floor(epoch / stepSize). PyTorch: <c>StepLR</c>.</summary>
    public static LearningRateSchedule Step(int stepSize, float gamma = 0.1f) => new StepSchedule(stepSize, gamma);

    /// <summary>Exponential decay: rate = initial · γ^epoch. PyTorch: <c>ExponentialLR</c>.</summary>
    public static LearningRateSchedule Exponential(float gamma) => new ExponentialSchedule(gamma);

    /// <summary>Cosine annealing from the initial rate to <paramref name="minimumRate"/> over <paramref name="period"/> epochs. PyTorch: <c>CosineAnnealingLR</c>.</summary>
    public static LearningRateSchedule Cosine(int period, float minimumRate = 0f) => new CosineSchedule(period, minimumRate);

    /// <summary>
    /// Multiplies the rate by <paramref name="factor"/> when the monitored loss has not improved (by more than a
    /// relative 1e-4) for <paramref name="patience"/> epochs. PyTorch: <c>ReduceLROnPlateau</c>.
    /// </summary>
    public static LearningRateSchedule ReduceOnPlateau(float factor = 0.1f, int patience = 10, float minimumRate = 0f) =>
        new PlateauSchedule(factor, patience, minimumRate);

    private sealed class StepSchedule(int stepSize, float gamma) : LearningRateSchedule
    {
        public override float NextRate(int nextEpoch, float initialRate, float currentRate, double monitoredLoss) =>
            initialRate * MathF.Pow(gamma, nextEpoch / Math.Max(stepSize, 1));
    }

    private sealed class ExponentialSchedule(float gamma) : LearningRateSchedule
    {
        public override float NextRate(int nextEpoch, float initialRate, float currentRate, double monitoredLoss) =>
            initialRate * MathF.Pow(gamma, nextEpoch);
    }

    private sealed class CosineSchedule(int period, float minimumRate) : LearningRateSchedule
    {
        public override float NextRate(int nextEpoch, float initialRate, float currentRate, double monitoredLoss) =>
            minimumRate + (0.5f * (initialRate - minimumRate) * (1f + MathF.Cos(MathF.PI * Math.Min(nextEpoch, period) / period)));
    }

    private sealed class PlateauSchedule(float factor, int patience, float minimumRate) : LearningRateSchedule
    {
        private double _best = double.PositiveInfinity;
        private int _bad;

        public override float NextRate(int nextEpoch, float initialRate, float currentRate, double monitoredLoss)
        {
            if (monitoredLoss < _best * (1 - 1e-4))
            {
                _best = monitoredLoss;
                _bad = 0;
                return currentRate;
            }

            if (++_bad > patience)
            {
                _bad = 0;
                return Math.Max(minimumRate, currentRate * factor);
            }

            return currentRate;
        }
    }
}
