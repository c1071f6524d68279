using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Streamers;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

public class TruncatedRangeTests
{
    [Test]
    public void Parse_RangeWithBits()
    {
        TruncatedRange range = TruncatedRange.Parse("x/f[-2.71,10,10]");

        Assert.That(range, Is.EqualTo(new TruncatedRange(true, -2.71, 10, 10)));
    }

    [Test]
    public void Parse_ConstantsAndArithmetic()
    {
        TruncatedRange range = TruncatedRange.Parse("[-pi, 2*pi - pi/2, 16] azimuth");

        Assert.That(range.Low, Is.EqualTo(-Math.PI));
        Assert.That(range.High, Is.EqualTo((2 * Math.PI) - (Math.PI / 2)));
        Assert.That(range.Bits, Is.EqualTo(16));
    }

    [TestCase("no range here")]
    [TestCase("[a,b]")]
    [TestCase("[1]")]
    public void Parse_NoUsableSpec_MeansNoBrackets(string title)
    {
        Assert.That(TruncatedRange.Parse(title).HasBrackets, Is.False);
    }

    [Test]
    public void Parse_BitsOutOfRange_MeanThirtyTwo()
    {
        Assert.That(TruncatedRange.Parse("[0,1,40]").Bits, Is.EqualTo(32));
        Assert.That(TruncatedRange.Parse("[0,1]").Bits, Is.EqualTo(32));
    }

    [Test]
    public void Scale_RawValuesMapOntoTheRange()
    {
        // 10 bits over [-2.71, 10]: raw 0 is the low edge, raw 512 is low + 512 * 12.71 / 1024 = 3.645.
        var range = new TruncatedRange(true, -2.71, 10, 10);

        Assert.That(TruncatedFloats.Scale(0, range), Is.EqualTo(-2.71));
        Assert.That(TruncatedFloats.Scale(512, range), Is.EqualTo(3.645).Within(1e-12));
    }

    [Test]
    public void Truncated_ExponentAndMantissa()
    {
        // 1.5f = exponent 127, mantissa 0x400000; with 12 bits the mantissa is stored as 0x400000 >> 11 = 0x800.
        Assert.That(TruncatedFloats.Truncated(127, 0x800, 12), Is.EqualTo(1.5f));
        Assert.That(TruncatedFloats.Truncated(127, 0x800 | (1 << 13), 12), Is.EqualTo(-1.5f));
    }
}
