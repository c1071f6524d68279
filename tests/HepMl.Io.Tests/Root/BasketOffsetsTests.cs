using System.Buffers;
using System.Buffers.Binary;
using HepMl.Io.Binary;
using HepMl.Io.Root.Trees;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// The entry offsets stored after a basket's data (ROOT: <c>TBasket::Streamer</c>, <c>fEntryOffset</c>): a count,
/// then one big-endian int32 per entry counted from the key start.
/// </summary>
public class BasketOffsetsTests
{
    private const int KeyLength = 70;
    private const int BasketSeek = 5000;

    [Test]
    public void ReadOffsets_ValidTable_RebasesOnTheKeyAndAppendsTheEnd()
    {
        // Four entries of 0, 8, 4 and 12 data bytes in a 24-byte data area.
        byte[] obj = Basket(border: 24, [0, 0, 8, 12]);

        int[] offsets = BasketLoader.ReadOffsets(obj, 24, 4, KeyLength, Context(), BasketSeek);

        Assert.That(offsets.AsSpan(0, 5).ToArray(), Is.EqualTo(new[] { 0, 0, 8, 12, 24 }));
        ArrayPool<int>.Shared.Return(offsets);
    }

    [TestCase(new[] { 0, 8, 4, 12 }, 2, TestName = "ReadOffsets_GoingBackwards_RaisesFormatExceptionNamingTheEntry")]
    [TestCase(new[] { 0, 4, 30, 30 }, 2, TestName = "ReadOffsets_PastTheData_RaisesFormatExceptionNamingTheEntry")]
    [TestCase(new[] { -1, 4, 8, 12 }, 0, TestName = "ReadOffsets_BeforeTheKeyEnd_RaisesFormatExceptionNamingTheEntry")]
    public void ReadOffsets_BadTable_RaisesFormatException(int[] relative, int badEntry)
    {
        byte[] obj = Basket(border: 24, relative);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(
            () => BasketLoader.ReadOffsets(obj, 24, 4, KeyLength, Context(), BasketSeek))!;

        Assert.That(error.Message, Does.Contain($"entry offset {badEntry} ({relative[badEntry] + KeyLength})"));
        Assert.That(error.Offset, Is.EqualTo(BasketSeek));
        Assert.That(error.ObjectPath, Is.EqualTo("tree/branch basket 0"));
    }

    [Test]
    public void ReadOffsets_FewerOffsetsThanEntries_RaisesFormatException()
    {
        byte[] obj = Basket(border: 24, [0, 4, 8], count: 3);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(
            () => BasketLoader.ReadOffsets(obj, 24, 4, KeyLength, Context(), BasketSeek))!;

        Assert.That(error.Message, Does.Contain("4 entries but 3 entry offsets"));
    }

    private static DecodeContext Context() => new("offsets.root", "tree/branch basket 0");

    /// <summary>border data bytes, then the count (default entries + 1, as ROOT writes it) and the offsets from the key start.</summary>
    private static byte[] Basket(int border, int[] relative, int count = -1)
    {
        byte[] obj = new byte[border + 4 + (4 * relative.Length) + 4];
        BinaryPrimitives.WriteInt32BigEndian(obj.AsSpan(border), count < 0 ? relative.Length + 1 : count);
        for (int i = 0; i < relative.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(obj.AsSpan(border + 4 + (4 * i)), relative[i] + KeyLength);
        }

        return obj;
    }
}
