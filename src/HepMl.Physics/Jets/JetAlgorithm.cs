namespace HepMl.Physics.Jets;

/// <summary>
/// The longitudinally invariant generalised-kt family. Distances: d_ij = min(kt_i^{2p}, kt_j^{2p}) ΔR_ij²/R² with
/// ΔR² = Δy² + Δφ² (rapidity y), and d_iB = kt_i^{2p}. FastJet: <c>JetAlgorithm</c>.
/// </summary>
public enum JetAlgorithm
{
    /// <summary>p = 1: clusters soft, nearby pairs first; exclusive jets are meaningful (FastJet: <c>kt_algorithm</c>).</summary>
    Kt,

    /// <summary>p = 0: purely angular, Cambridge/Aachen; exclusive jets are meaningful (FastJet: <c>cambridge_algorithm</c>).</summary>
    CambridgeAachen,

    /// <summary>p = −1: hard particles accrete soft ones, giving cone-like jets; the LHC standard (FastJet: <c>antikt_algorithm</c>).</summary>
    AntiKt,

    /// <summary>Any p, given by <see cref="JetDefinition.ExtraParameter"/> (FastJet: <c>genkt_algorithm</c>).</summary>
    GeneralisedKt,
}
