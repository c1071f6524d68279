namespace HepMl.Analysis.Trees;

/// <summary>TMVA's <c>BoostType</c> option values supported by <see cref="TmvaBdtTrainer"/>.</summary>
public enum TmvaBoostType
{
    /// <summary>Discrete AdaBoost: misclassified events are reweighted by ((1-err)/err)^β; the tree weight is
    /// β·ln((1-err)/err) (TMVA <c>MethodBDT::AdaBoost</c> with <c>UseYesNoLeaf</c>).</summary>
    AdaBoost,

    /// <summary>Real AdaBoost on leaf purities: TMVA's AdaBoost with <c>UseYesNoLeaf=False</c>; err = Σ w·y·(2p-1)/Σ w,
    /// tree weight β·ln((1+err)/(1-err)), event factor exp(-weight·y·(2p-1)).</summary>
    RealAdaBoost,

    /// <summary>Bagging: every tree is grown on a Poisson(<c>BaggedSampleFraction</c>) resample with weight 1
    /// (with <c>UseRandomisedTrees</c> this is a random forest).</summary>
    Bagging,

    /// <summary>TMVA gradient boosting (BDTG): regression trees on the residuals y - p with p = 1/(1+exp(-2F)), leaf
    /// value Shrinkage/2 · Σ r w / Σ |r|(1-|r|) w² (TMVA <c>MethodBDT::GradBoost</c>).</summary>
    Grad,
}
