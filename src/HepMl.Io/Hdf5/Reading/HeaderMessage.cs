namespace HepMl.Io.Hdf5.Reading;

/// <summary>One message of an object header: its type, flags and body, with the body's absolute file offset.</summary>
internal readonly record struct HeaderMessage(HeaderMessageType Type, byte Flags, ReadOnlyMemory<byte> Body, long FileOffset, int CreationOrder)
{
    /// <summary>Flag bit 1: the body is a reference to a shared message stored elsewhere.</summary>
    public bool IsShared => (Flags & 0x02) != 0;
}
