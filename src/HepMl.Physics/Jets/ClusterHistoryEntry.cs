namespace HepMl.Physics.Jets;

/// <summary>
/// One step of a <see cref="ClusterSequence"/> history (FastJet: <c>history_element</c>). The first N entries are
/// the input particles; each later entry is a merging of two pseudojets, or of one with the beam.
/// </summary>
/// <param name="Parent1">History index of the first (lower-index) parent, or <see cref="InexistentParent"/> for an input particle.</param>
/// <param name="Parent2">History index of the second parent, <see cref="BeamJet"/> for a beam merging, or <see cref="InexistentParent"/>.</param>
/// <param name="Child">History index of the step that used this one, or <see cref="Invalid"/> if none (yet).</param>
/// <param name="JetIndex">Index into <see cref="ClusterSequence.Jets"/> of the pseudojet made here, or <see cref="Invalid"/> for a beam merging.</param>
/// <param name="Dij">The distance (d_ij or d_iB) at which the step happened; 0 for input particles.</param>
/// <param name="MaxDijSoFar">The largest distance of this and all earlier steps.</param>
public readonly record struct ClusterHistoryEntry(int Parent1, int Parent2, int Child, int JetIndex, double Dij, double MaxDijSoFar)
{
    /// <summary>Marks a merging with the beam (FastJet: <c>BeamJet</c>).</summary>
    public const int BeamJet = -1;

    /// <summary>Marks the missing parents of an input particle (FastJet: <c>InexistentParent</c>).</summary>
    public const int InexistentParent = -2;

    /// <summary>Marks a missing child or jet (FastJet: <c>Invalid</c>).</summary>
    public const int Invalid = -3;
}
