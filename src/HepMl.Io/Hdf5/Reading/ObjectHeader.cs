namespace HepMl.Io.Hdf5.Reading;

/// <summary>
/// An object header (version 1 or 2) with all its messages, continuation blocks followed. Version 2 headers and
/// continuation blocks are checksummed; version 1 message counts are checked against the prefix.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.1 "Object Header Prefix" (versions 1 and 2).</remarks>
internal sealed class ObjectHeader
{
    private static ReadOnlySpan<byte> HeaderSignature => "OHDR"u8;

    private static ReadOnlySpan<byte> ContinuationSignature => "OCHK"u8;

    private ObjectHeader(long address, int version, List<HeaderMessage> messages, bool tracksAttributeCreationOrder)
    {
        Address = address;
        Version = version;
        Messages = messages;
        TracksAttributeCreationOrder = tracksAttributeCreationOrder;
    }

    public long Address { get; }

    public int Version { get; }

    public IReadOnlyList<HeaderMessage> Messages { get; }

    public bool TracksAttributeCreationOrder { get; }

    public bool Has(HeaderMessageType type)
    {
        foreach (HeaderMessage message in Messages)
        {
            if (message.Type == type)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first message of a type, or null.</summary>
    public HeaderMessage? Find(HeaderMessageType type)
    {
        foreach (HeaderMessage message in Messages)
        {
            if (message.Type == type)
            {
                return message;
            }
        }

        return null;
    }

    public static ObjectHeader Read(Hdf5Context context, long address, string objectPath)
    {
        byte[] prefix = context.ReadMetadataUpTo(address, 64, objectPath, "object header");
        if (prefix.Length >= 4 && prefix.AsSpan(0, 4).SequenceEqual(HeaderSignature))
        {
            return ReadVersion2(context, address, objectPath, prefix);
        }

        if (prefix.Length > 0 && prefix[0] == 1)
        {
            return ReadVersion1(context, address, objectPath);
        }

        throw new UnsupportedFormatException(
            prefix.Length == 0
                ? "object header: no bytes at its address"
                : $"object header: unknown version {prefix[0]} (expected version 1, or the signature 'OHDR' of version 2)",
            context.FilePath, context.FileOffset(address), objectPath);
    }

    private static ObjectHeader ReadVersion1(Hdf5Context context, long address, string objectPath)
    {
        byte[] prefix = context.ReadMetadata(address, 16, objectPath, "object header v1 prefix");
        var cursor = new Hdf5Cursor(prefix, context, context.FileOffset(address), objectPath, "object header v1");
        cursor.Skip(2); // version, reserved
        int declaredMessages = cursor.ReadUInt16();
        cursor.Skip(4); // reference count
        long size = cursor.ReadUInt32();
        var messages = new List<HeaderMessage>(declaredMessages);
        var blocks = new Queue<(long Address, long Length)>();
        blocks.Enqueue((address + 16, size));
        int blockCount = 0;
        while (blocks.Count > 0)
        {
            (long blockAddress, long blockLength) = blocks.Dequeue();
            if (++blockCount > 10_000)
            {
                throw context.Error("object header v1: more than 10000 continuation blocks (a cycle?)", context.FileOffset(blockAddress), objectPath);
            }

            byte[] block = context.ReadMetadata(blockAddress, blockLength, objectPath, "object header v1 messages");
            var messageCursor = new Hdf5Cursor(block, context, context.FileOffset(blockAddress), objectPath, "object header v1 message");
            while (messageCursor.Remaining >= 8 && messages.Count < declaredMessages)
            {
                var type = (HeaderMessageType)messageCursor.ReadUInt16();
                int length = messageCursor.ReadUInt16();
                byte flags = messageCursor.ReadByte();
                messageCursor.Skip(3);
                long bodyOffset = messageCursor.FileOffset;
                int start = messageCursor.Position;
                messageCursor.Skip(length);
                var message = new HeaderMessage(type, flags, block.AsMemory(start, length), bodyOffset, -1);
                Accept(context, message, messages, blocks, objectPath);
            }
        }

        if (messages.Count != declaredMessages)
        {
            throw context.Error(
                $"object header v1: the prefix declares {declaredMessages} messages but the header blocks hold {messages.Count}",
                context.FileOffset(address), objectPath);
        }

        return new ObjectHeader(address, 1, messages, false);
    }

    private static ObjectHeader ReadVersion2(Hdf5Context context, long address, string objectPath, byte[] prefix)
    {
        var cursor = new Hdf5Cursor(prefix, context, context.FileOffset(address), objectPath, "object header v2");
        cursor.Skip(4);
        int version = cursor.ReadByte();
        if (version != 2)
        {
            cursor.Unsupported($"version {version} after signature OHDR (expected 2)");
        }

        byte flags = cursor.ReadByte();
        if ((flags & 0x20) != 0)
        {
            cursor.Skip(16); // access, modification, change and birth times
        }

        if ((flags & 0x10) != 0)
        {
            cursor.Skip(4); // maximum compact / minimum dense attribute counts
        }

        long chunkSize = (long)cursor.ReadUnsigned(1 << (flags & 0x03));
        int prefixLength = cursor.Position;
        bool tracksCreationOrder = (flags & 0x04) != 0;
        byte[] block = context.ReadMetadata(address, prefixLength + chunkSize + 4, objectPath, "object header v2");
        context.VerifyChecksum(block, context.FileOffset(address), objectPath, "object header v2");
        var messages = new List<HeaderMessage>();
        var blocks = new Queue<(long Address, long Length)>();
        ReadVersion2Messages(context, block, prefixLength, block.Length - 4, address, tracksCreationOrder, messages, blocks, objectPath);
        int blockCount = 0;
        while (blocks.Count > 0)
        {
            (long blockAddress, long blockLength) = blocks.Dequeue();
            if (++blockCount > 10_000)
            {
                throw context.Error("object header v2: more than 10000 continuation blocks (a cycle?)", context.FileOffset(blockAddress), objectPath);
            }

            byte[] continuation = context.ReadMetadata(blockAddress, blockLength, objectPath, "object header continuation block");
            var continuationCursor = new Hdf5Cursor(continuation, context, context.FileOffset(blockAddress), objectPath, "object header continuation block");
            continuationCursor.ExpectSignature(ContinuationSignature);
            context.VerifyChecksum(continuation, context.FileOffset(blockAddress), objectPath, "object header continuation block");
            ReadVersion2Messages(context, continuation, 4, continuation.Length - 4, blockAddress, tracksCreationOrder, messages, blocks, objectPath);
        }

        return new ObjectHeader(address, 2, messages, (flags & 0x04) != 0);
    }

    private static void ReadVersion2Messages(
        Hdf5Context context, byte[] block, int start, int end, long blockAddress, bool tracksCreationOrder,
        List<HeaderMessage> messages, Queue<(long Address, long Length)> blocks, string objectPath)
    {
        var cursor = new Hdf5Cursor(block.AsSpan(0, end), context, context.FileOffset(blockAddress), objectPath, "object header v2 message");
        cursor.Position = start;
        int headerLength = tracksCreationOrder ? 6 : 4;
        while (cursor.Remaining >= headerLength)
        {
            var type = (HeaderMessageType)cursor.ReadByte();
            int length = cursor.ReadUInt16();
            byte flags = cursor.ReadByte();
            int creationOrder = tracksCreationOrder ? cursor.ReadUInt16() : -1;
            long bodyOffset = cursor.FileOffset;
            int bodyStart = cursor.Position;
            cursor.Skip(length);
            Accept(context, new HeaderMessage(type, flags, block.AsMemory(bodyStart, length), bodyOffset, creationOrder), messages, blocks, objectPath);
        }
    }

    private static void Accept(
        Hdf5Context context, HeaderMessage message, List<HeaderMessage> messages, Queue<(long Address, long Length)> blocks, string objectPath)
    {
        messages.Add(message);
        if (message.Type == HeaderMessageType.Continuation)
        {
            var cursor = new Hdf5Cursor(message.Body.Span, context, message.FileOffset, objectPath, "continuation message");
            long address = cursor.ReadAddress();
            long length = cursor.ReadLength();
            if (length <= 0)
            {
                cursor.Fail($"a continuation block of length {length}");
            }

            blocks.Enqueue((address, length));
        }
        else if ((message.Flags & 0x08) != 0 && !Enum.IsDefined(message.Type))
        {
            throw new UnsupportedFormatException(
                $"object header: message type {(int)message.Type} is marked 'fail if unknown' and this reader does not know it",
                context.FilePath, message.FileOffset, objectPath);
        }
    }
}
