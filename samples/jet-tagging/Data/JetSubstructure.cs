using HepMl.Physics.Substructure;
using HepMl.Physics.Vectors;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>The three substructure variables the BDT uses: mass, τ21 and D2 (β = 1 for both ratios).</summary>
internal static class JetSubstructure
{
    /// <summary>N-subjettiness with β = 1 and R0 = 1.0, the anti-kt radius of the jets.</summary>
    private static readonly NSubjettiness s_nsubjettiness = new(beta: 1.0, characteristicRadius: 1.0);

    /// <summary>Mass of the summed constituents, τ2/τ1 and D2.</summary>
    public static (float Mass, float Tau21, float D2) Compute(ReadOnlySpan<LorentzVector> constituents)
    {
        var sum = default(LorentzVector);
        foreach (LorentzVector particle in constituents)
        {
            sum += particle;
        }

        return ((float)Math.Max(sum.Mass, 0.0), (float)s_nsubjettiness.Compute(constituents).Tau21,
            (float)EnergyCorrelation.D2(constituents, beta: 1.0));
    }
}
