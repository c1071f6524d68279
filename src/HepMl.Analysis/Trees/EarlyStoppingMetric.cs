namespace HepMl.Analysis.Trees;

/// <summary>The validation metric watched by early stopping.</summary>
public enum EarlyStoppingMetric
{
    /// <summary>The objective's own weighted loss (log-loss, multi-class log-loss, RMSE, MAE, Huber); lower is better.</summary>
    Loss,

    /// <summary>Weighted area under the ROC curve (binary classification only); higher is better.</summary>
    AreaUnderRocCurve,
}
