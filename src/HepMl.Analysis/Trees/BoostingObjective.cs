namespace HepMl.Analysis.Trees;

/// <summary>The loss a gradient-boosted forest minimises.</summary>
public enum BoostingObjective
{
    /// <summary>Binary log-loss on labels 0/1; the score is a probability (XGBoost <c>binary:logistic</c>).</summary>
    BinaryLogistic,

    /// <summary>Multi-class log-loss with a softmax over K margins, one tree per class and round (XGBoost
    /// <c>multi:softprob</c>; the hessian is 2p(1-p) as in XGBoost).</summary>
    MulticlassSoftmax,

    /// <summary>Squared error on the regression target (XGBoost <c>reg:squarederror</c>).</summary>
    SquaredError,

    /// <summary>Absolute error; gradients are signs and each leaf is refit to the weighted median of its residuals
    /// (as LightGBM and scikit-learn do).</summary>
    AbsoluteError,

    /// <summary>Huber loss with threshold <see cref="GradientBoostingOptions.HuberDelta"/>: quadratic for residuals
    /// up to the threshold, linear beyond; gradient clip(r, -δ, δ), hessian 1.</summary>
    Huber,
}
