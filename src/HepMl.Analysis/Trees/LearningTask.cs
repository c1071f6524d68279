namespace HepMl.Analysis.Trees;

/// <summary>What a forest predicts.</summary>
public enum LearningTask
{
    /// <summary>Signal (label 1) against background (label 0); one score per event.</summary>
    BinaryClassification,

    /// <summary>One of K classes (labels 0..K-1); K probabilities per event.</summary>
    MulticlassClassification,

    /// <summary>A real-valued target; one value per event.</summary>
    Regression,
}
