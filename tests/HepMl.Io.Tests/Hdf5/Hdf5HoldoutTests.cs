using HepMl.Io.Hdf5;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Hdf5;

/// <summary>Every file of <c>../shared/holdout/hdf5</c> (expected values withheld) reads completely without error.</summary>
[TestFixture]
public sealed class Hdf5HoldoutTests
{
    public static IEnumerable<TestCaseData> HoldoutFiles() =>
        Directory.GetFiles(SharedData.Shared("holdout", "hdf5"), "*.h5").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName(Path.GetFileName(path)));

    [TestCaseSource(nameof(HoldoutFiles))]
    public void HoldoutFile_ReadsEveryObjectAttributeAndValue(string path)
    {
        using Hdf5File file = Hdf5File.Open(path);
        long values = Hdf5Walker.ReadEverything(file);
        Assert.That(values, Is.GreaterThan(0));
    }
}
