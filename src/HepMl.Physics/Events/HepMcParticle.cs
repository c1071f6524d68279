using HepMl.Physics.Vectors;

namespace HepMl.Physics.Events;

/// <summary>One particle (<c>P</c> line) of a HepMC3 event.</summary>
/// <param name="Id">The particle's id in its event (1-based).</param>
/// <param name="Pdg">PDG code.</param>
/// <param name="Momentum">Four-momentum in GeV (converted from MeV if the event uses MeV).</param>
/// <param name="GeneratedMass">The generated mass in GeV.</param>
/// <param name="Status">Status code (1 = final state, 2 = decayed, 4 = beam, ...).</param>
/// <param name="Parent">The P line's second field: a negative production-vertex id, a positive id of the single parent
/// particle (whose decay vertex is implicit), or 0 for none.</param>
public sealed record HepMcParticle(int Id, int Pdg, LorentzVector Momentum, double GeneratedMass, int Status, int Parent)
{
    /// <summary>True for status 1.</summary>
    public bool IsFinalState => Status == 1;
}
