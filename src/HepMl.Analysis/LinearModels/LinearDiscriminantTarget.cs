namespace HepMl.Analysis.LinearModels;

/// <summary>What the linear discriminant fits.</summary>
public enum LinearDiscriminantTarget
{
    /// <summary>The class label: 1 for signal, 0 for background (TMVA LD classification).</summary>
    ClassLabel,

    /// <summary>The regression target (TMVA LD regression).</summary>
    RegressionTarget,
}
