namespace HepMl.Analysis.Trees;

/// <summary>TMVA's <c>SeparationType</c>: the node impurity a split minimises (TMVA <c>SeparationBase</c> subclasses),
/// with purity p = S/(S+B).</summary>
public enum TmvaSeparationType
{
    /// <summary>2p(1-p) (TMVA <c>GiniIndex</c>, the default).</summary>
    GiniIndex,

    /// <summary>Gini with Laplace's correction: (SB+S+B+1)/(S+B+2)² (TMVA <c>GiniIndexWithLaplace</c>).</summary>
    GiniIndexWithLaplace,

    /// <summary>-p log2 p - (1-p) log2(1-p) (TMVA <c>CrossEntropy</c>).</summary>
    CrossEntropy,

    /// <summary>1 - max(p, 1-p) (TMVA <c>MisClassificationError</c>).</summary>
    MisClassificationError,

    /// <summary>S/√(S+B), a significance (TMVA <c>SDivSqrtSPlusB</c>).</summary>
    SDivSqrtSPlusB,
}
