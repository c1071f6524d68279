namespace HepMl.Tmva.Import;

/// <summary>The XGBoost objectives HepMl imports.</summary>
public enum XgboostObjective
{
    /// <summary><c>binary:logistic</c>: probability = sigmoid(margin).</summary>
    BinaryLogistic,

    /// <summary><c>binary:logitraw</c>: the margin itself.</summary>
    BinaryLogitRaw,

    /// <summary><c>reg:squarederror</c> (and its old name <c>reg:linear</c>): the margin.</summary>
    SquaredError,

    /// <summary><c>reg:logistic</c>: sigmoid(margin).</summary>
    RegressionLogistic,
}
