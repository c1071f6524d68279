using HepMl.Io.Compression;
using NUnit.Framework;

namespace HepMl.Io.Tests.Compression;

public class Lz4BlockDecoderTests
{
    [TestCaseSource(typeof(CodecVectors), nameof(CodecVectors.Cases))]
    public void Decode_BlocksMadeByLiblz4_ReproduceTheInput(string name)
    {
        CodecVectors.Vector vector = CodecVectors.Get(name);
        foreach (byte[] block in new[] { vector.Lz4Fast, vector.Lz4HighCompression })
        {
            byte[] output = new byte[vector.Input.Length];

            int written = Lz4BlockDecoder.Decode(block, output);

            Assert.That(written, Is.EqualTo(vector.Input.Length));
            Assert.That(output, Is.EqualTo(vector.Input));
        }
    }

    [TestCaseSource(typeof(CodecVectors), nameof(CodecVectors.Cases))]
    public void Decode_TruncatedOrTooSmallTarget_ReturnsMinusOneWithoutOverrun(string name)
    {
        CodecVectors.Vector vector = CodecVectors.Get(name);
        if (vector.Input.Length < 2)
        {
            Assert.That(Lz4BlockDecoder.Decode(vector.Lz4Fast.AsSpan(0, 0), new byte[4]), Is.EqualTo(-1));
            return;
        }

        byte[] guarded = new byte[vector.Input.Length + 64];
        Assert.That(Lz4BlockDecoder.Decode(vector.Lz4Fast.AsSpan(0, vector.Lz4Fast.Length - 1), guarded.AsSpan(0, vector.Input.Length)), Is.Not.EqualTo(vector.Input.Length));
        Assert.That(Lz4BlockDecoder.Decode(vector.Lz4Fast, guarded.AsSpan(0, vector.Input.Length - 1)), Is.EqualTo(-1));
        Assert.That(guarded.AsSpan(vector.Input.Length).ToArray(), Is.All.Zero, "nothing written past the target");
    }

    [Test]
    public void Decode_OffsetBeforeTheStart_IsRejected()
    {
        // token: 0 literals, match length 4; offset 5 points before the first output byte.
        byte[] block = [0x00, 0x05, 0x00, 0x00];

        Assert.That(Lz4BlockDecoder.Decode(block, new byte[16]), Is.EqualTo(-1));
    }
}
