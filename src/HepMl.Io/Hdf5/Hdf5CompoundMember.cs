namespace HepMl.Io.Hdf5;

/// <summary>One member of a compound datatype: name, byte offset inside the record, and type.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Offset">Byte offset of the member inside one record.</param>
/// <param name="Type">The member's datatype.</param>
public sealed record Hdf5CompoundMember(string Name, int Offset, Hdf5DataType Type);
