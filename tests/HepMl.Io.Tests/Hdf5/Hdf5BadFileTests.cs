using HepMl.Io.Hdf5;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Hdf5;

/// <summary>
/// The corrupted files of <c>../shared/data/hdf5/bad</c>: each must be refused with a typed exception naming the
/// file, the object and the byte offset (never wrong values, never a hang), while intact parts still read.
/// </summary>
[TestFixture]
public sealed class Hdf5BadFileTests
{
    private static string Bad(string name) => SharedData.Shared("data", "hdf5", "bad", name);

    /// <summary>The /x dataset of the source file: 1000 float32 values 0.5 × i.</summary>
    private static float[] ExpectedX(int first, int count) => Enumerable.Range(first, count).Select(i => 0.5f * i).ToArray();

    public static IEnumerable<TestCaseData> AllBadFiles() =>
        Directory.GetFiles(SharedData.Shared("data", "hdf5", "bad"), "*.h5").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetName(Path.GetFileName(path)));

    [TestCaseSource(nameof(AllBadFiles))]
    public void BadFile_ReadingEverything_ThrowsFormatExceptionNamingFileAndOffset(string name)
    {
        var error = Assert.Throws(Is.InstanceOf<HepMlFormatException>(), () =>
        {
            using Hdf5File file = Hdf5File.Open(Bad(name));
            Hdf5Walker.ReadEverything(file);
        }) as HepMlFormatException;
        Assert.That(error!.FilePath, Does.EndWith(name));
        Assert.That(error.Offset, Is.GreaterThanOrEqualTo(0));
        Assert.That(error.Message, Does.Contain(name));
    }

    [Test]
    public void Truncated_FailsAtOpen()
    {
        var error = Assert.Throws<HepMlFormatException>(() => Hdf5File.Open(Bad("truncated.h5")));
        Assert.That(error!.Message, Does.Contain("truncated"));
    }

    [Test]
    public void BadSignature_FailsAtOpen()
    {
        var error = Assert.Throws<HepMlFormatException>(() => Hdf5File.Open(Bad("bad_signature.h5")));
        Assert.That(error!.Message, Does.Contain("not an HDF5 file"));
    }

    [Test]
    public void SuperblockChecksum_FailsAtOpenAtTheChecksum()
    {
        var error = Assert.Throws<HepMlFormatException>(() => Hdf5File.Open(Bad("superblock_v3_checksum.h5")));
        Assert.That(error!.Message, Does.Contain("checksum"));
        Assert.That(error.Offset, Is.EqualTo(44));
    }

    [Test]
    public void FlippedByteInObjectHeaderV2_FailsOpeningXOnly()
    {
        using Hdf5File file = Hdf5File.Open(Bad("ohdr_v2_flipped_byte.h5"));
        Assert.That(file.GetDataset("/grp/small").Read<int>(), Is.EqualTo(Enumerable.Range(0, 10)));
        var error = Assert.Throws<HepMlFormatException>(() => file.Get("/x"));
        Assert.That(error!.Message, Does.Contain("checksum"));
        Assert.That(error.ObjectPath, Is.EqualTo("/x"));
        Assert.That(error.Offset, Is.InRange(626, 626 + 512));
    }

    [Test]
    public void BadObjectHeaderVersion_FailsOpeningXAtItsHeader()
    {
        using Hdf5File file = Hdf5File.Open(Bad("ohdr_v1_bad_version.h5"));
        Assert.That(file.GetDataset("/grp/small").Read<int>(), Is.EqualTo(Enumerable.Range(0, 10)));
        var error = Assert.Throws<UnsupportedFormatException>(() => file.Get("/x"));
        Assert.That(error!.Message, Does.Contain("version 254"));
        Assert.That(error.ObjectPath, Is.EqualTo("/x"));
        Assert.That(error.Offset, Is.EqualTo(6744));
    }

    [TestCase("gzip_chunk_corrupt.h5", 300, 8762)]
    [TestCase("gzip_chunk_bad_adler32.h5", 500, 9021)]
    [TestCase("fletcher32_mismatch.h5", 200, 9040)]
    public void DamagedChunk_FailsOnlyForItsRows(string name, int firstBadRow, long chunkOffset)
    {
        using Hdf5File file = Hdf5File.Open(Bad(name));
        Hdf5Dataset x = file.GetDataset("/x");
        Assert.That(x.ReadRows<float>(0, firstBadRow), Is.EqualTo(ExpectedX(0, firstBadRow)), "rows before the damaged chunk");
        Assert.That(x.ReadRows<float>(firstBadRow + 100, 900 - firstBadRow), Is.EqualTo(ExpectedX(firstBadRow + 100, 900 - firstBadRow)), "rows after it");
        var error = Assert.Throws<HepMlFormatException>(() => x.ReadRows<float>(firstBadRow + 10, 5));
        Assert.That(error!.ObjectPath, Is.EqualTo("/x"));
        Assert.That(error.Offset, Is.EqualTo(chunkOffset));
        Assert.That(error.Message, Does.Contain($"[{firstBadRow}]"));
        Assert.Throws<HepMlFormatException>(() => x.Read<float>());
    }
}
