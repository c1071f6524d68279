namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// Decodes one element of a fixed or extensible array chunk index: client 0 holds only the chunk address (the
/// chunk is unfiltered, of the full chunk size); client 1 holds address, filtered size and filter mask.
/// </summary>
internal readonly struct ChunkElementDecoder
{
    private readonly bool _filtered;
    private readonly int _sizeBytes;
    private readonly long _unfilteredChunkSize;

    private ChunkElementDecoder(bool filtered, int sizeBytes, long unfilteredChunkSize)
    {
        _filtered = filtered;
        _sizeBytes = sizeBytes;
        _unfilteredChunkSize = unfilteredChunkSize;
    }

    public static ChunkElementDecoder Create(ref Hdf5Cursor cursor, int clientId, int entrySize, Hdf5Context context, long unfilteredChunkSize)
    {
        switch (clientId)
        {
            case 0:
                if (entrySize != context.SizeOfOffsets)
                {
                    cursor.Fail($"unfiltered chunk entries of {entrySize} bytes (expected {context.SizeOfOffsets})");
                }

                return new ChunkElementDecoder(false, 0, unfilteredChunkSize);
            case 1:
            {
                int sizeBytes = entrySize - context.SizeOfOffsets - 4;
                if (sizeBytes is < 1 or > 8)
                {
                    cursor.Fail($"filtered chunk entries of {entrySize} bytes leave {sizeBytes} bytes for the chunk size");
                }

                return new ChunkElementDecoder(true, sizeBytes, unfilteredChunkSize);
            }

            default:
                cursor.Unsupported($"chunk index client id {clientId} (known: 0 unfiltered, 1 filtered)");
                return default;
        }
    }

    /// <summary>Decodes the element at the cursor; adds it when its address is defined.</summary>
    public void Add(ref Hdf5Cursor cursor, long index, List<ChunkElement> elements)
    {
        long address = cursor.ReadAddress();
        long size = _unfilteredChunkSize;
        uint mask = 0;
        if (_filtered)
        {
            size = (long)cursor.ReadUnsigned(_sizeBytes);
            mask = cursor.ReadUInt32();
        }

        if (address != Hdf5Context.UndefinedAddress)
        {
            elements.Add(new ChunkElement(index, address, size, mask));
        }
    }
}
