using System.Buffers.Binary;
using HepMl.Io.Binary;
using HepMl.Io.Compression;
using NUnit.Framework;

namespace HepMl.Io.Tests.Compression;

/// <summary>ROOT's block framing: 9-byte headers, LZ4's checksum, several blocks per object.</summary>
public class RootDecompressorTests
{
    private static readonly DecodeContext s_context = new("blocks.root", "test object");

    [Test]
    public void Decompress_TwoLz4Blocks_JoinsThem()
    {
        CodecVectors.Vector first = CodecVectors.Get("text");
        CodecVectors.Vector second = CodecVectors.Get("period 7");
        byte[] payload = [.. Lz4Block(first), .. Lz4Block(second)];
        byte[] output = new byte[first.Input.Length + second.Input.Length];

        RootDecompressor.Decompress(payload, output, s_context, 1000);

        Assert.That(output, Is.EqualTo(first.Input.Concat(second.Input).ToArray()));
    }

    [Test]
    public void Decompress_Lz4ChecksumMismatch_NamesTheBlockAndOffset()
    {
        CodecVectors.Vector vector = CodecVectors.Get("text");
        byte[] payload = Lz4Block(vector);
        payload[9] ^= 1;

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(
            () => RootDecompressor.Decompress(payload, new byte[vector.Input.Length], s_context, 1000))!;

        Assert.That(error.Message, Does.Contain("xxHash64 checksum"));
        Assert.That(error.Offset, Is.EqualTo(1000));
        Assert.That(error.ObjectPath, Is.EqualTo("test object"));
    }

    [Test]
    public void Decompress_DeclaredSizeLargerThanObject_IsRejected()
    {
        CodecVectors.Vector vector = CodecVectors.Get("text");
        byte[] payload = Lz4Block(vector);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(
            () => RootDecompressor.Decompress(payload, new byte[vector.Input.Length - 1], s_context, 0))!;

        Assert.That(error.Message, Does.Contain("uncompressed bytes"));
    }

    [Test]
    public void Decompress_MissingSecondBlock_SaysHowMuchWasDecompressed()
    {
        CodecVectors.Vector vector = CodecVectors.Get("text");

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(
            () => RootDecompressor.Decompress(Lz4Block(vector), new byte[vector.Input.Length * 2], s_context, 0))!;

        Assert.That(error.Message, Does.Contain($"{vector.Input.Length} of {vector.Input.Length * 2} bytes decompressed"));
    }

    /// <summary>"L4", method 1, 3-byte little-endian sizes (compressed includes the checksum), big-endian xxHash64, block.</summary>
    private static byte[] Lz4Block(CodecVectors.Vector vector)
    {
        byte[] block = vector.Lz4Fast;
        int compressed = block.Length + 8;
        int uncompressed = vector.Input.Length;
        byte[] header = [(byte)'L', (byte)'4', 1, (byte)compressed, (byte)(compressed >> 8), (byte)(compressed >> 16),
            (byte)uncompressed, (byte)(uncompressed >> 8), (byte)(uncompressed >> 16)];
        byte[] checksum = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(checksum, XxHash64.Hash(block));
        return [.. header, .. checksum, .. block];
    }
}
