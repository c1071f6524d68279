namespace HepMl.Tmva.WeightFiles;

/// <summary>What a TMVA method was trained for (TMVA: <c>Types::EAnalysisType</c>).</summary>
public enum TmvaAnalysisType
{
    /// <summary>Two-class (signal/background) classification: one score per event.</summary>
    Classification,

    /// <summary>Regression: one value per target.</summary>
    Regression,

    /// <summary>Multi-class classification: one probability per class.</summary>
    Multiclass,
}
