namespace HepMl.Analysis.Trees;

/// <summary>What happened while a forest was trained: the validation metric per boosting round, where early
/// stopping cut the forest, and for TMVA-style boosting the error fraction and boost weight of every tree.</summary>
public sealed class TrainingHistory
{
    /// <summary>Creates a history.</summary>
    public TrainingHistory(
        string metricName,
        IReadOnlyList<double> validationMetric,
        int bestRound,
        bool stoppedEarly,
        IReadOnlyList<double>? errorFractions = null)
    {
        ArgumentNullException.ThrowIfNull(metricName);
        ArgumentNullException.ThrowIfNull(validationMetric);
        MetricName = metricName;
        ValidationMetric = validationMetric;
        BestRound = bestRound;
        StoppedEarly = stoppedEarly;
        ErrorFractions = errorFractions ?? [];
    }

    /// <summary>Name of the validation metric (for example <c>logloss</c>, <c>auc</c>, <c>rmse</c>); empty without validation.</summary>
    public string MetricName { get; }

    /// <summary>The validation metric after each boosting round (round r at index r-1); empty without validation.</summary>
    public IReadOnlyList<double> ValidationMetric { get; }

    /// <summary>Number of rounds the model keeps (the best round when early stopping was used).</summary>
    public int BestRound { get; }

    /// <summary>True when training stopped before the requested number of rounds.</summary>
    public bool StoppedEarly { get; }

    /// <summary>TMVA AdaBoost: the weighted error fraction of each tree on its training sample (TMVA <c>ErrorFrac</c>
    /// monitoring histogram); empty for other boosting types.</summary>
    public IReadOnlyList<double> ErrorFractions { get; }
}
