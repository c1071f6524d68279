namespace HepMl.Physics.Jets;

/// <summary>How two pseudojets merge. FastJet: <c>RecombinationScheme</c>.</summary>
public enum RecombinationScheme
{
    /// <summary>Four-momentum addition (FastJet: <c>E_scheme</c>); the merged jet can be massive. Collinear- and infrared-safe.</summary>
    E,
}
