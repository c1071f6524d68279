namespace HepMl.Analysis.Data;

/// <summary>How <see cref="ClassReweighting.Reweight(Dataset, ClassWeightMode)"/> rescales each class's weights.</summary>
public enum ClassWeightMode
{
    /// <summary>Every class gets the same total weight, the mean of the classes' event counts (TMVA: <c>NormMode=EqualNumEvents</c> up to a global factor).</summary>
    EqualTotals,

    /// <summary>Each class's total weight becomes its number of events (TMVA: <c>NormMode=NumEvents</c>).</summary>
    NumberOfEvents,

    /// <summary>Each class's weights are multiplied by N / (classes · N_c), the "balanced" weighting of scikit-learn (applied to the given weights).</summary>
    Balanced,
}
