using HepMl.Physics.Vectors;

namespace HepMl.Physics.Events;

/// <summary>One toy jet: its constituents, their charges (−1, 0, +1) and the truth prongs they were made from.</summary>
/// <param name="Kind">The kind of jet.</param>
/// <param name="Constituents">Pion-mass constituents (GeV).</param>
/// <param name="Charges">One charge per constituent; about two thirds are charged.</param>
/// <param name="Prongs">The hard partons before fragmentation (1, 2 or 3).</param>
public sealed record ToyJet(ToyJetKind Kind, LorentzVector[] Constituents, int[] Charges, LorentzVector[] Prongs);
