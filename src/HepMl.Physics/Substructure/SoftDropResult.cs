using HepMl.Physics.Vectors;

namespace HepMl.Physics.Substructure;

/// <summary>The outcome of soft-drop grooming of one jet.</summary>
/// <param name="Jet">The groomed jet (sum of the kept constituents); zero for an empty input.</param>
/// <param name="ConstituentIndices">Indices (into the input span) of the kept constituents.</param>
/// <param name="Zg">The momentum sharing min(pt1, pt2)/(pt1 + pt2) of the splitting that passed; 0 if none did.</param>
/// <param name="Rg">The rapidity–azimuth distance of the two prongs of that splitting (groomed radius); 0 if none.</param>
/// <param name="DroppedCount">How many softer branches were removed.</param>
public sealed record SoftDropResult(LorentzVector Jet, int[] ConstituentIndices, double Zg, double Rg, int DroppedCount)
{
    /// <summary>The groomed mass.</summary>
    public double Mass => Jet.Mass;

    /// <summary>True if a splitting passed the condition (the jet has two hard prongs); false if grooming ended on one particle.</summary>
    public bool HasSubstructure => Zg > 0;
}
