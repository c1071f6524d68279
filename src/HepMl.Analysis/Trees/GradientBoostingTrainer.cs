using HepMl.Analysis.Data;
using HepMl.Analysis.Trees.Internal;

namespace HepMl.Analysis.Trees;

/// <summary>
/// Histogram gradient boosting (XGBoost <c>tree_method=hist</c>, LightGBM): features quantised into at most 255 bins
/// by a weighted quantile sketch, gradient/hessian histograms per node with the subtraction trick, splits chosen by
/// the regularised loss reduction with a learnt direction for NaN, depth-wise or leaf-wise growth, multi-threaded.
/// </summary>
/// <remarks>
/// Labels: 1 = signal, 0 = background for <see cref="BoostingObjective.BinaryLogistic"/>; 0..K-1 for softmax.
/// Events with weight 0 contribute nothing; negative weights follow <see cref="GradientBoostingOptions.NegativeWeightPolicy"/>.
/// Constant features (and features that are all NaN) are never split on; a forest of a dataset whose features are all
/// constant is a set of single-leaf trees scoring the base rate. The quantised matrix holds RowCount x FeatureCount
/// bytes and must stay below 2^31 entries.
/// </remarks>
public static class GradientBoostingTrainer
{
    /// <summary>Trains a binary classifier with the default options.</summary>
    /// <exception cref="ArgumentException">See <see cref="Train(Dataset, GradientBoostingOptions, Dataset?, IProgress{BoostingProgress}?, CancellationToken)"/>.</exception>
    public static BoostedDecisionTrees Train(Dataset train) => Train(train, new GradientBoostingOptions());

    /// <summary>Trains a forest.</summary>
    /// <param name="train">Training events: labels for classification, targets for regression, weights optional.</param>
    /// <param name="options">The settings (validated first).</param>
    /// <param name="validation">Events scored after every round for the history and early stopping (features matched by name).</param>
    /// <param name="progress">Receives a report after every round.</param>
    /// <param name="cancellationToken">Checked between rounds.</param>
    /// <returns>The trained forest, cut to the best round when early stopping is on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="train"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The training set has no events or no features, lacks labels or targets,
    /// has labels outside the objective's classes, only one class, a non-positive total weight; the validation set
    /// lacks a feature or labels; early stopping without a validation set; the absolute-error objective with kept
    /// negative weights.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static BoostedDecisionTrees Train(
        Dataset train,
        GradientBoostingOptions options,
        Dataset? validation = null,
        IProgress<BoostingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var session = new GradientBoostingSession(train, options.Clone(), validation, progress, cancellationToken);
        return session.Run();
    }
}
