using System.IO.Compression;
using HepMl.Io.Compression;
using NUnit.Framework;

namespace HepMl.Io.Tests.Compression;

/// <summary>
/// The native fast paths (libdeflate for zlib, liblz4 for LZ4) and their managed fallbacks give the same bytes and
/// reject the same bad input.
/// </summary>
public class NativeCodecTests
{
    [TestCaseSource(typeof(CodecVectors), nameof(CodecVectors.Cases))]
    public void Lz4DecodeNative_BlocksMadeByLiblz4_ReproduceTheInput(string name)
    {
        CodecVectors.Vector vector = CodecVectors.Get(name);
        foreach (byte[] block in new[] { vector.Lz4Fast, vector.Lz4HighCompression })
        {
            byte[] output = new byte[vector.Input.Length];

            int written = Lz4Codec.DecodeNative(block, output);

            Assert.That(written, Is.EqualTo(vector.Input.Length));
            Assert.That(output, Is.EqualTo(vector.Input));
        }
    }

    [TestCaseSource(typeof(CodecVectors), nameof(CodecVectors.Cases))]
    public void Lz4DecodeNative_TooSmallTarget_ReturnsMinusOneWithoutOverrun(string name)
    {
        CodecVectors.Vector vector = CodecVectors.Get(name);
        if (vector.Input.Length < 2)
        {
            return;
        }

        byte[] guarded = new byte[vector.Input.Length + 64];

        Assert.That(Lz4Codec.DecodeNative(vector.Lz4Fast, guarded.AsSpan(0, vector.Input.Length - 1)), Is.EqualTo(-1));
        Assert.That(guarded.AsSpan(vector.Input.Length).ToArray(), Is.All.Zero, "nothing written past the target");
    }

    [TestCase(1)]
    [TestCase(1000)]
    [TestCase(300_000)]
    public void ZlibNativeAndManaged_StreamFromZLibStream_ReproduceTheInput(int length)
    {
        byte[] input = Sample(length);
        byte[] stream = Compress(input);
        byte[] native = new byte[length];
        byte[] managed = new byte[length];

        Assert.That(ZlibCodec.DecompressNative(stream, native), Is.EqualTo(length));
        Assert.That(ZlibCodec.DecompressManaged(stream, managed), Is.EqualTo(length));
        Assert.That(native, Is.EqualTo(input));
        Assert.That(managed, Is.EqualTo(input));
    }

    [Test]
    public void ZlibNativeAndManaged_TargetTooSmall_ReportMoreThanTheTarget()
    {
        byte[] input = Sample(5000);
        byte[] stream = Compress(input);

        Assert.That(ZlibCodec.DecompressNative(stream, new byte[4999]), Is.EqualTo(5000));
        Assert.That(ZlibCodec.DecompressManaged(stream, new byte[4999]), Is.EqualTo(5000));
    }

    [Test]
    public void ZlibNativeAndManaged_WrongAdler32_Throw()
    {
        byte[] stream = Compress(Sample(5000));
        stream[^1] ^= 0x01;

        Assert.Throws<InvalidDataException>(() => ZlibCodec.DecompressNative(stream, new byte[5000]));
        Assert.Throws<InvalidDataException>(() => ZlibCodec.DecompressManaged(stream, new byte[5000]));
    }

    [Test]
    public void ZlibNative_Garbage_Throws()
    {
        byte[] garbage = Sample(200);

        Assert.Throws<InvalidDataException>(() => ZlibCodec.DecompressNative(garbage, new byte[1000]));
    }

    private static byte[] Sample(int length)
    {
        var random = new Random(length);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            // Half predictable, half random: both literals and matches.
            bytes[i] = (i / 64) % 2 == 0 ? (byte)(i % 7) : (byte)random.Next(256);
        }

        return bytes;
    }

    private static byte[] Compress(byte[] input)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(input);
        }

        return output.ToArray();
    }
}
