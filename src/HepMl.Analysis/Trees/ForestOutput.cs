namespace HepMl.Analysis.Trees;

/// <summary>
/// How the leaf values of the trees combine into the forest's score. The choice is made by the trainer and stored
/// with the model; it is what a TMVA weight file's <c>BoostType</c> and <c>UseYesNoLeaf</c> options encode.
/// </summary>
/// <remarks>
/// Notation: <c>v_t</c> is the value of the leaf an event reaches in tree <c>t</c>, <c>w_t</c> the tree's
/// <see cref="DecisionTree.BoostWeight"/>, <c>b</c> the model's base score for the output.
/// </remarks>
public enum ForestOutput
{
    /// <summary>
    /// Binary gradient boosting with the logistic loss: score = 1 / (1 + exp(-(b + Σ v_t))), a probability in (0, 1);
    /// <c>v_t</c> is the leaf <see cref="DecisionTreeNode.Response"/> (XGBoost <c>binary:logistic</c>).
    /// </summary>
    Logistic,

    /// <summary>
    /// Multi-class boosting: margin_k = b_k + Σ over trees of class k of v_t, probabilities = softmax(margin)
    /// (XGBoost <c>multi:softprob</c>, TMVA multiclass BDTG).
    /// </summary>
    Softmax,

    /// <summary>Regression: value = b + Σ v_t (XGBoost <c>reg:*</c>, TMVA BDTG regression with b = boostWeight[0]).</summary>
    Sum,

    /// <summary>
    /// TMVA gradient boosting for classification (<c>BoostType=Grad</c>): score = 2 / (1 + exp(-2 Σ v_t)) - 1, in
    /// (-1, 1) (TMVA <c>MethodBDT::GetGradBoostMVA</c>); boost weights are not used.
    /// </summary>
    TmvaGradient,

    /// <summary>
    /// TMVA AdaBoost and Bagging with <c>UseYesNoLeaf=True</c>: score = Σ w_t n_t / Σ w_t with n_t = +1 for a signal
    /// leaf and -1 for a background leaf (<see cref="DecisionTreeNode.NodeType"/>); 0 when Σ w_t is not above the
    /// machine epsilon 2.2e-16 (TMVA <c>MethodBDT::PrivateGetMvaValue</c>).
    /// </summary>
    WeightedNodeTypeAverage,

    /// <summary>
    /// TMVA RealAdaBoost, and AdaBoost/Bagging with <c>UseYesNoLeaf=False</c>: score = Σ w_t p_t / Σ w_t with p_t the
    /// leaf <see cref="DecisionTreeNode.Purity"/>; 0 when Σ w_t is not above the machine epsilon.
    /// </summary>
    WeightedPurityAverage,
}
