namespace HepMl.Io.Hdf5;

/// <summary>One named value of an enumeration datatype.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Value">The member value in the enumeration's integer base type.</param>
public sealed record Hdf5EnumMember(string Name, long Value);
