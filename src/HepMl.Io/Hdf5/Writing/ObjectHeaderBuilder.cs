using System.Buffers.Binary;
using HepMl.Io.Hdf5.Filters;
using HepMl.Io.Hdf5.Reading;

namespace HepMl.Io.Hdf5.Writing;

/// <summary>
/// Assembles a version 2 object header ("OHDR", one chunk, 4-byte chunk size, lookup3 checksum) from messages.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.1.b "Version 2 Data Object Header Prefix".</remarks>
internal sealed class ObjectHeaderBuilder
{
    private readonly List<(HeaderMessageType Type, byte Flags, byte[] Body)> _messages = [];

    public void Add(HeaderMessageType type, MetadataBuffer body, byte flags = 0)
    {
        if (body.Length > ushort.MaxValue)
        {
            throw new NotSupportedException($"a {type} message of {body.Length} bytes exceeds the 65535 bytes an object header message can hold");
        }

        _messages.Add((type, flags, body.ToArray()));
    }

    public byte[] Build()
    {
        var buffer = new MetadataBuffer();
        buffer.Ascii("OHDR");
        buffer.Byte(2);
        buffer.Byte(0x02); // chunk 0 size stored in 4 bytes; no times, no attribute phase change, no creation order
        int sizeAt = buffer.Length;
        buffer.UInt32(0);
        int start = buffer.Length;
        foreach ((HeaderMessageType type, byte flags, byte[] body) in _messages)
        {
            buffer.Byte((int)type);
            buffer.UInt16(body.Length);
            buffer.Byte(flags);
            buffer.Bytes(body);
        }

        buffer.PatchUInt32(sizeAt, buffer.Length - start);
        buffer.UInt32(0);
        byte[] header = buffer.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(header.Length - 4), JenkinsLookup3.Hash(header.AsSpan(0, header.Length - 4)));
        return header;
    }
}
