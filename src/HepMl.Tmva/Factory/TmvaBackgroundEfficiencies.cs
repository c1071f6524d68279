namespace HepMl.Tmva.Factory;

/// <summary>The background efficiencies at which TMVA's Factory quotes the signal efficiency.</summary>
public static class TmvaBackgroundEfficiencies
{
    /// <summary>0.01, 0.10 and 0.30.</summary>
    public static IReadOnlyList<double> Standard { get; } = [0.01, 0.10, 0.30];
}
