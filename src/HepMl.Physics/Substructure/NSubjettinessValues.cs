namespace HepMl.Physics.Substructure;

/// <summary>τ1, τ2, τ3 of one jet and their ratios.</summary>
/// <param name="Tau1">τ1.</param>
/// <param name="Tau2">τ2.</param>
/// <param name="Tau3">τ3.</param>
public readonly record struct NSubjettinessValues(double Tau1, double Tau2, double Tau3)
{
    /// <summary>τ21 = τ2/τ1, the two-prong discriminant; 0 when τ1 = 0 (a jet of one particle).</summary>
    public double Tau21 => Tau1 == 0 ? 0 : Tau2 / Tau1;

    /// <summary>τ32 = τ3/τ2, the three-prong discriminant; 0 when τ2 = 0 (a jet of at most two particles).</summary>
    public double Tau32 => Tau2 == 0 ? 0 : Tau3 / Tau2;
}
