namespace HepMl.Io.Hdf5.Reading;

/// <summary>Object header message types (HDF5 File Format Specification 3.0, IV.A.2).</summary>
internal enum HeaderMessageType : ushort
{
    Nil = 0x0000,
    Dataspace = 0x0001,
    LinkInfo = 0x0002,
    Datatype = 0x0003,
    FillValueOld = 0x0004,
    FillValue = 0x0005,
    Link = 0x0006,
    ExternalDataFiles = 0x0007,
    DataLayout = 0x0008,
    Bogus = 0x0009,
    GroupInfo = 0x000A,
    FilterPipeline = 0x000B,
    Attribute = 0x000C,
    ObjectComment = 0x000D,
    ObjectModificationTimeOld = 0x000E,
    SharedMessageTable = 0x000F,
    Continuation = 0x0010,
    SymbolTable = 0x0011,
    ObjectModificationTime = 0x0012,
    BTreeKValues = 0x0013,
    DriverInfo = 0x0014,
    AttributeInfo = 0x0015,
    ReferenceCount = 0x0016,
    FileSpaceInfo = 0x0017,
}
