namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// The extensible array chunk index ("EAHD" header, "EAIB" index block, "EASB" super blocks, "EADB" data blocks,
/// optionally paged): elements in the index block first, then data blocks grouped in super blocks whose sizes
/// double every other super block.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, Appendix C "Extensible Array Index"; block geometry as
/// libhdf5 H5EA__hdr_init computes it (super block u: 2^(u/2) data blocks of 2^((u+1)/2) × minimum elements).</remarks>
internal static class ExtensibleArrayIndex
{
    public static List<ChunkElement> Read(Hdf5Context context, long address, long unfilteredChunkSize, string objectPath)
    {
        int headerLength = 4 + 1 + 1 + 6 + (6 * context.SizeOfLengths) + context.SizeOfOffsets + 4;
        byte[] header = context.ReadMetadata(address, headerLength, objectPath, "extensible array header");
        var cursor = new Hdf5Cursor(header, context, context.FileOffset(address), objectPath, "extensible array header");
        cursor.ExpectSignature("EAHD"u8);
        if (cursor.ReadByte() != 0)
        {
            cursor.Unsupported("extensible array version (known: 0)");
        }

        int clientId = cursor.ReadByte();
        int elementSize = cursor.ReadByte();
        int maxElementsBits = cursor.ReadByte();
        int indexBlockElements = cursor.ReadByte();
        int dataBlockMinElements = cursor.ReadByte();
        int superBlockMinPointers = cursor.ReadByte();
        int pageBits = cursor.ReadByte();
        for (int i = 0; i < 4; i++)
        {
            cursor.ReadLength(); // super/data block counts and sizes
        }

        long maxIndexSet = cursor.ReadLength();
        cursor.ReadLength(); // realized elements
        long indexBlock = cursor.ReadAddress();
        context.VerifyChecksum(header, context.FileOffset(address), objectPath, "extensible array header");
        ChunkElementDecoder decoder = ChunkElementDecoder.Create(ref cursor, clientId, elementSize, context, unfilteredChunkSize);
        if (maxElementsBits is < 1 or > 63 || pageBits > 30 || dataBlockMinElements == 0 || superBlockMinPointers == 0
            || (dataBlockMinElements & (dataBlockMinElements - 1)) != 0 || (superBlockMinPointers & (superBlockMinPointers - 1)) != 0)
        {
            cursor.Fail($"inconsistent parameters (max bits {maxElementsBits}, data block minimum {dataBlockMinElements}, super block minimum pointers {superBlockMinPointers}, page bits {pageBits})");
        }

        var elements = new List<ChunkElement>();
        if (indexBlock == Hdf5Context.UndefinedAddress || maxIndexSet == 0)
        {
            return elements;
        }

        var geometry = new Geometry(context, clientId, elementSize, maxElementsBits, dataBlockMinElements, superBlockMinPointers, pageBits, address, objectPath);
        int indexSuperBlocks = 2 * DatatypeMessage.Log2Floor((ulong)superBlockMinPointers);
        int indexDataBlockAddresses = 2 * (superBlockMinPointers - 1);
        int superBlockAddresses = Math.Max(0, geometry.SuperBlockCount - indexSuperBlocks);
        long blockLength = 4 + 1 + 1 + context.SizeOfOffsets + (indexBlockElements * (long)elementSize)
            + ((indexDataBlockAddresses + superBlockAddresses) * (long)context.SizeOfOffsets) + 4;
        byte[] block = context.ReadMetadata(indexBlock, blockLength, objectPath, "extensible array index block");
        var blockCursor = new Hdf5Cursor(block, context, context.FileOffset(indexBlock), objectPath, "extensible array index block");
        geometry.CheckPrefix(ref blockCursor, "EAIB"u8, false);
        context.VerifyChecksum(block, context.FileOffset(indexBlock), objectPath, "extensible array index block");
        for (int i = 0; i < indexBlockElements; i++)
        {
            decoder.Add(ref blockCursor, i, elements);
        }

        long[] dataBlocks = new long[indexDataBlockAddresses];
        for (int i = 0; i < dataBlocks.Length; i++)
        {
            dataBlocks[i] = blockCursor.ReadAddress();
        }

        long[] superBlocks = new long[superBlockAddresses];
        for (int i = 0; i < superBlocks.Length; i++)
        {
            superBlocks[i] = blockCursor.ReadAddress();
        }

        long start = indexBlockElements;
        int dataBlockCursor = 0;
        for (int u = 0; u < geometry.SuperBlockCount && start < maxIndexSet; u++)
        {
            int count = 1 << (u / 2);
            long blockElements = (1L << ((u + 1) / 2)) * dataBlockMinElements;
            if (u < indexSuperBlocks)
            {
                for (int d = 0; d < count && start < maxIndexSet; d++)
                {
                    long dataBlock = dataBlocks[dataBlockCursor++];
                    if (dataBlock != Hdf5Context.UndefinedAddress)
                    {
                        geometry.ReadDataBlock(dataBlock, start, blockElements, null, decoder, elements);
                    }

                    start += blockElements;
                }
            }
            else
            {
                long superBlock = superBlocks[u - indexSuperBlocks];
                if (superBlock != Hdf5Context.UndefinedAddress)
                {
                    geometry.ReadSuperBlock(superBlock, start, count, blockElements, maxIndexSet, decoder, elements);
                }

                start += count * blockElements;
            }
        }

        return elements;
    }

    private sealed class Geometry
    {
        private readonly Hdf5Context _context;
        private readonly int _clientId;
        private readonly int _elementSize;
        private readonly int _offsetBytes;
        private readonly long _pageElements;
        private readonly long _headerAddress;
        private readonly string _objectPath;

        public Geometry(Hdf5Context context, int clientId, int elementSize, int maxElementsBits, int dataBlockMinElements,
            int superBlockMinPointers, int pageBits, long headerAddress, string objectPath)
        {
            _context = context;
            _clientId = clientId;
            _elementSize = elementSize;
            _offsetBytes = (maxElementsBits + 7) / 8;
            _pageElements = 1L << pageBits;
            _headerAddress = headerAddress;
            _objectPath = objectPath;
            SuperBlockCount = 1 + maxElementsBits - DatatypeMessage.Log2Floor((ulong)dataBlockMinElements);
            _ = superBlockMinPointers;
        }

        public int SuperBlockCount { get; }

        public void CheckPrefix(ref Hdf5Cursor cursor, ReadOnlySpan<byte> signature, bool hasBlockOffset)
        {
            cursor.ExpectSignature(signature);
            if (cursor.ReadByte() != 0)
            {
                cursor.Unsupported("extensible array block version (known: 0)");
            }

            if (cursor.ReadByte() != _clientId)
            {
                cursor.Fail("client id differs from the header's");
            }

            if (cursor.ReadAddress() != _headerAddress)
            {
                cursor.Fail("the block names another header");
            }

            if (hasBlockOffset)
            {
                cursor.ReadUnsigned(_offsetBytes);
            }
        }

        public void ReadSuperBlock(long address, long start, int dataBlockCount, long blockElements, long maxIndexSet,
            ChunkElementDecoder decoder, List<ChunkElement> elements)
        {
            bool paged = blockElements > _pageElements;
            long pages = paged ? blockElements / _pageElements : 0;
            int bitmapBytesPerBlock = (int)((pages + 7) / 8);
            int prefix = 4 + 1 + 1 + _context.SizeOfOffsets + _offsetBytes;
            long length = prefix + (dataBlockCount * (long)bitmapBytesPerBlock) + (dataBlockCount * (long)_context.SizeOfOffsets) + 4;
            byte[] block = _context.ReadMetadata(address, length, _objectPath, "extensible array super block");
            var cursor = new Hdf5Cursor(block, _context, _context.FileOffset(address), _objectPath, "extensible array super block");
            CheckPrefix(ref cursor, "EASB"u8, true);
            _context.VerifyChecksum(block, _context.FileOffset(address), _objectPath, "extensible array super block");
            int bitmapStart = cursor.Position;
            cursor.Skip(dataBlockCount * bitmapBytesPerBlock);
            for (int d = 0; d < dataBlockCount && start < maxIndexSet; d++)
            {
                long dataBlock = cursor.ReadAddress();
                if (dataBlock != Hdf5Context.UndefinedAddress)
                {
                    byte[]? bitmap = paged ? block.AsSpan(bitmapStart + (d * bitmapBytesPerBlock), bitmapBytesPerBlock).ToArray() : null;
                    ReadDataBlock(dataBlock, start, blockElements, bitmap, decoder, elements);
                }

                start += blockElements;
            }
        }

        public void ReadDataBlock(long address, long start, long blockElements, byte[]? pageBitmap, ChunkElementDecoder decoder, List<ChunkElement> elements)
        {
            bool paged = blockElements > _pageElements;
            int prefix = 4 + 1 + 1 + _context.SizeOfOffsets + _offsetBytes;
            long length = prefix + (paged ? 0 : blockElements * _elementSize) + 4;
            byte[] block = _context.ReadMetadata(address, length, _objectPath, "extensible array data block");
            var cursor = new Hdf5Cursor(block, _context, _context.FileOffset(address), _objectPath, "extensible array data block");
            CheckPrefix(ref cursor, "EADB"u8, true);
            _context.VerifyChecksum(block, _context.FileOffset(address), _objectPath, "extensible array data block");
            if (!paged)
            {
                for (long i = 0; i < blockElements; i++)
                {
                    decoder.Add(ref cursor, start + i, elements);
                }

                return;
            }

            long pages = blockElements / _pageElements;
            long pageAddress = address + length;
            long pageLength = (_pageElements * _elementSize) + 4;
            for (long page = 0; page < pages; page++)
            {
                bool initialised = pageBitmap is null || (pageBitmap[(int)(page / 8)] & (0x80 >> (int)(page % 8))) != 0;
                if (initialised)
                {
                    byte[] bytes = _context.ReadMetadata(pageAddress, pageLength, _objectPath, "extensible array data block page");
                    _context.VerifyChecksum(bytes, _context.FileOffset(pageAddress), _objectPath, "extensible array data block page");
                    var pageCursor = new Hdf5Cursor(bytes, _context, _context.FileOffset(pageAddress), _objectPath, "extensible array data block page");
                    for (long i = 0; i < _pageElements; i++)
                    {
                        decoder.Add(ref pageCursor, start + (page * _pageElements) + i, elements);
                    }
                }

                pageAddress += pageLength;
            }
        }
    }
}
