namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// The fixed array chunk index ("FAHD" header, "FADB" data block, optionally paged): one element per chunk of the
/// maximum extent, in row-major chunk order.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, Appendix C "Fixed Array Index" (III.H of earlier drafts);
/// libhdf5 H5FA*.c for paging (page initialised bitmap is most-significant-bit first, H5VM_bit_get).</remarks>
internal static class FixedArrayIndex
{
    public static List<ChunkElement> Read(Hdf5Context context, long address, long unfilteredChunkSize, string objectPath)
    {
        int headerLength = 4 + 4 + context.SizeOfLengths + context.SizeOfOffsets + 4;
        byte[] header = context.ReadMetadata(address, headerLength, objectPath, "fixed array header");
        var cursor = new Hdf5Cursor(header, context, context.FileOffset(address), objectPath, "fixed array header");
        cursor.ExpectSignature("FAHD"u8);
        if (cursor.ReadByte() != 0)
        {
            cursor.Unsupported("fixed array version (known: 0)");
        }

        int clientId = cursor.ReadByte();
        int entrySize = cursor.ReadByte();
        int pageBits = cursor.ReadByte();
        long count = cursor.ReadLength();
        long dataBlock = cursor.ReadAddress();
        context.VerifyChecksum(header, context.FileOffset(address), objectPath, "fixed array header");
        ChunkElementDecoder decoder = ChunkElementDecoder.Create(ref cursor, clientId, entrySize, context, unfilteredChunkSize);
        if (pageBits > 30 || count < 0 || count > int.MaxValue)
        {
            cursor.Fail($"{count} elements with {pageBits} page bits");
        }

        var elements = new List<ChunkElement>((int)Math.Min(count, 1 << 20));
        if (dataBlock == Hdf5Context.UndefinedAddress || count == 0)
        {
            return elements;
        }

        long pageSize = 1L << pageBits;
        bool paged = count > pageSize;
        long pages = paged ? (count + pageSize - 1) / pageSize : 0;
        int bitmapBytes = (int)((pages + 7) / 8);
        int prefixLength = 4 + 1 + 1 + context.SizeOfOffsets;
        long blockLength = prefixLength + bitmapBytes + (paged ? 0 : count * entrySize) + 4;
        byte[] block = context.ReadMetadata(dataBlock, blockLength, objectPath, "fixed array data block");
        var blockCursor = new Hdf5Cursor(block, context, context.FileOffset(dataBlock), objectPath, "fixed array data block");
        blockCursor.ExpectSignature("FADB"u8);
        if (blockCursor.ReadByte() != 0)
        {
            blockCursor.Unsupported("fixed array data block version (known: 0)");
        }

        if (blockCursor.ReadByte() != clientId)
        {
            blockCursor.Fail("client id differs from the header's");
        }

        if (blockCursor.ReadAddress() != address)
        {
            blockCursor.Fail("the data block names another header");
        }

        context.VerifyChecksum(block, context.FileOffset(dataBlock), objectPath, "fixed array data block");
        if (!paged)
        {
            for (long i = 0; i < count; i++)
            {
                decoder.Add(ref blockCursor, i, elements);
            }

            return elements;
        }

        ReadOnlySpan<byte> bitmap = block.AsSpan(prefixLength, bitmapBytes);
        long pageAddress = dataBlock + blockLength;
        for (long page = 0; page < pages; page++)
        {
            long first = page * pageSize;
            long inPage = Math.Min(pageSize, count - first);
            long pageLength = (inPage * entrySize) + 4;
            if ((bitmap[(int)(page / 8)] & (0x80 >> (int)(page % 8))) != 0)
            {
                byte[] pageBytes = context.ReadMetadata(pageAddress, pageLength, objectPath, "fixed array data block page");
                context.VerifyChecksum(pageBytes, context.FileOffset(pageAddress), objectPath, "fixed array data block page");
                var pageCursor = new Hdf5Cursor(pageBytes, context, context.FileOffset(pageAddress), objectPath, "fixed array data block page");
                for (long i = 0; i < inPage; i++)
                {
                    decoder.Add(ref pageCursor, first + i, elements);
                }
            }

            pageAddress += pageLength;
        }

        return elements;
    }
}
