using HepMl.Analysis.Data;
using HepMl.Analysis.Trees.Internal;

namespace HepMl.Analysis.Trees;

/// <summary>
/// TMVA-style BDT training (TMVA <c>MethodBDT</c>) for signal (label 1) against background (label 0): AdaBoost with β,
/// RealAdaBoost, Bagging and random forests, and TMVA's gradient boosting, with TMVA's node splitting (Gini,
/// cross-entropy, misclassification, S/√(S+B); nCuts grid or exact), <c>MinNodeSize</c>, <c>UseYesNoLeaf</c> and
/// <c>NodePurityLimit</c>. The forest keeps TMVA's node data and can be written as a TMVA weight file.
/// </summary>
/// <remarks>
/// Differences from TMVA are listed on <see cref="TmvaBdtOptions"/>; in addition an AdaBoost error of exactly 0 (for
/// RealAdaBoost: exactly 1) is kept 1e-10 away from it (TMVA would give the tree an infinite weight), and features
/// must not be NaN (TMVA has no missing values; use <see cref="GradientBoostingTrainer"/> for data with NaN).
/// </remarks>
public static class TmvaBdtTrainer
{
    /// <summary>Trains with TMVA's default options (AdaBoost, 800 trees of depth 3, MinNodeSize 5%, nCuts 20).</summary>
    public static BoostedDecisionTrees Train(Dataset train) => Train(train, new TmvaBdtOptions());

    /// <summary>Trains a TMVA-style forest.</summary>
    /// <param name="train">Labelled events (1 = signal, 0 = background), weights optional (may be negative).</param>
    /// <param name="options">TMVA options (validated first).</param>
    /// <param name="progress">Receives a report after every tree.</param>
    /// <param name="cancellationToken">Checked between trees.</param>
    /// <exception cref="ArgumentNullException"><paramref name="train"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">No events or features, no labels, a label other than 0/1, a NaN feature,
    /// only one class left after dropping zero (and ignored negative) weights.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static BoostedDecisionTrees Train(
        Dataset train,
        TmvaBdtOptions options,
        IProgress<BoostingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new TmvaBoostSession(train, options.Clone(), progress, cancellationToken).Run();
    }
}
